// E0133 (an unsafe operation outside an unsafe block or function) and the unused_unsafe lint,
// as rustc's THIR unsafety check reports them in edition 2021: the body of an `unsafe fn` is
// an unsafe context (unsafe_op_in_unsafe_fn is allowed there), an operation marks the innermost
// `unsafe` block around it as used, and a block that nothing needed is "unnecessary".
import { error, warning } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import type { BuiltinOp } from '../thir/builtins.ts';
import type { FnDef } from '../thir/defs.ts';
import type { Block, Expr } from '../thir/thir.ts';
import { printTy } from '../thir/ty.ts';
import { walkCrate } from './ast-walk.ts';
import { bodiesOf, spanKey, textOf, type BodyOwner, type PassContext } from './context.ts';
import { ThirVisitor } from './visit.ts';

/**
 * Builtin operations that are `unsafe fn`s in core (methods of raw pointers, `core::ptr` functions).
 * The integer intrinsics behind our core's safe methods are not listed: their callers are core's own.
 */
const UNSAFE_BUILTINS: ReadonlySet<BuiltinOp> = new Set<BuiltinOp>([
  'ptr.add', 'ptr.sub', 'ptr.offset', 'ptr.read', 'ptr.write', 'ptr.read_volatile', 'ptr.write_volatile',
  'ptr.copy_nonoverlapping', 'ptr.copy', 'ptr.write_bytes',
]);

const NOTE_CALL = "consult the function's documentation for information on how to avoid undefined behavior";
const NOTE_DEREF = 'raw pointers may be null, dangling or unaligned; they can violate aliasing rules and cause data races: all of these are undefined behavior';
const NOTE_STATIC_MUT = 'mutable statics can be mutated by multiple threads: aliasing violations or data races will cause undefined behavior';
const NOTE_EXTERN_STATIC = 'extern statics are not controlled by the Rust type system: invalid data, aliasing violations or data races will cause undefined behavior';

/** How rustc names a function in "call to unsafe function `…`" (paths trimmed to the unique name). */
function fnName(f: FnDef): string {
  return f.implFor ? `${printTy(f.implFor)}::${f.name}` : f.name;
}

interface UnsafeBlock {
  readonly block: Block;
  used: boolean;
}

class UnsafetyChecker extends ThirVisitor {
  private readonly blocks: UnsafeBlock[] = [];
  readonly unused: UnsafeBlock[] = [];

  constructor(
    private readonly ctx: PassContext,
    private readonly inUnsafeFn: boolean,
    /** The `unsafe fn`'s signature, where rustc's unsafe_op_in_unsafe_fn note points. */
    private readonly header?: Span,
  ) {
    super();
  }

  /** An unsafe operation at `span`: fine inside `unsafe`, E0133 otherwise. */
  private op(span: Span, what: string, label: string, note: string): void {
    const inner = this.blocks[this.blocks.length - 1];
    if (inner) {
      inner.used = true;
      return;
    }
    const ed2024 = this.ctx.edition === '2024';
    const message = `${what} is unsafe and requires unsafe ${ed2024 ? 'block' : 'function or block'}`;
    if (this.inUnsafeFn) {
      // The body of an `unsafe fn` is an unsafe context; only unsafe_op_in_unsafe_fn (Rust 2024) objects.
      if (!this.header) return;
      const d = warning(message, 'E0133').primary(span, label).note(note);
      d.spanNote(this.header, 'an unsafe function restricts its caller, but its body is safe by default');
      d.note('for more information, see <https://doc.rust-lang.org/edition-guide/rust-2024/unsafe-op-in-unsafe-fn.html>');
      this.ctx.lints.emit('unsafe_op_in_unsafe_fn', span, d);
      return;
    }
    this.ctx.out.push(error(message, 'E0133').primary(span, label).note(note).build());
  }

  override visitBlock(b: Block): void {
    if (!b.unsafe) {
      super.visitBlock(b);
      return;
    }
    const entry: UnsafeBlock = { block: b, used: false };
    this.blocks.push(entry);
    super.visitBlock(b);
    this.blocks.pop();
    if (!entry.used) this.unused.push(entry);
  }

  override visitExpr(e: Expr): void {
    switch (e.kind) {
      case 'deref':
        if (e.operand.ty.kind === 'ptr') this.op(e.span, 'dereference of raw pointer', 'dereference of raw pointer', NOTE_DEREF);
        break;
      case 'call':
        if (e.callee.unsafe) this.op(e.span, `call to unsafe function \`${fnName(e.callee)}\``, 'call to unsafe function', NOTE_CALL);
        break;
      case 'callValue':
        if (e.func.ty.kind === 'fnPtr' && e.func.ty.unsafe) this.op(e.span, 'call to unsafe function', 'call to unsafe function', NOTE_CALL);
        else if (e.func.ty.kind === 'fnDef' && e.func.ty.def.unsafe) this.op(e.span, `call to unsafe function \`${fnName(e.func.ty.def)}\``, 'call to unsafe function', NOTE_CALL);
        break;
      case 'builtin':
        if (UNSAFE_BUILTINS.has(e.op)) this.op(e.span, `call to unsafe function \`${this.builtinName(e)}\``, 'call to unsafe function', NOTE_CALL);
        break;
      case 'static':
        this.useOfStatic(e.def, e.span);
        break;
      case 'addrOf':
        // `&raw const STATIC` / `addr_of!(STATIC)` only takes the address: no use of the value.
        if (e.raw && e.place.kind === 'static') return;
        break;
      default:
        break;
    }
    this.walkExpr(e);
  }

  private useOfStatic(def: { mut: boolean; init?: Expr; value?: unknown; crate: string }, span: Span): void {
    const foreign = def.init === undefined && def.value === undefined;
    if (foreign) this.op(span, 'use of extern static', 'use of extern static', NOTE_EXTERN_STATIC);
    else if (def.mut) this.op(span, 'use of mutable static', 'use of mutable static', NOTE_STATIC_MUT);
  }

  /** `p.add(1)` names the inherent method of the pointer type; `ptr::write_volatile(p, x)` the free function. */
  private builtinName(e: Expr & { kind: 'builtin' }): string {
    const method = e.op.slice(e.op.indexOf('.') + 1);
    const ast = this.ctx.astExprs.get(spanKey(e.span));
    const recv = e.args[0]?.ty;
    if (ast?.kind === 'methodCall' && recv?.kind === 'ptr') {
      return recv.mut ? `core::ptr::mut_ptr::<impl *mut T>::${method}` : `core::ptr::const_ptr::<impl *const T>::${method}`;
    }
    return method;
  }
}

/** The `unsafe` keyword of a block (rustc underlines only it). */
function unsafeKeywordSpan(ctx: PassContext, b: Block): Span {
  const text = textOf(ctx, b.span);
  if (text.startsWith('unsafe')) return { lo: b.span.lo, hi: b.span.lo + 6 };
  // The block's span starts at `{`: find the keyword just before it.
  const file = ctx.sourceMap.fileAt(b.span.lo);
  const before = file.text.slice(0, b.span.lo - file.start);
  const m = /unsafe\s*$/.exec(before);
  if (m) return { lo: file.start + m.index, hi: file.start + m.index + 6 };
  return b.span;
}

/** `unsafe fn name(params) -> ret`: from the item's first keyword to the end of its signature. */
function fnHeader(ctx: PassContext, owner: BodyOwner): Span | undefined {
  let found: Span | undefined;
  walkCrate(ctx.ast, {
    item: (it) => {
      if (it.kind === 'fn' && it.ident.span.lo === owner.fn.span.lo && it.body) {
        const text = textOf(ctx, { lo: it.span.lo, hi: it.body.span.lo });
        const attrEnd = it.attrs.filter((a) => !a.inner).reduce((m, a) => Math.max(m, a.span.hi), it.span.lo);
        const rest = textOf(ctx, { lo: attrEnd, hi: it.body.span.lo });
        found = { lo: attrEnd + (rest.length - rest.trimStart().length), hi: it.span.lo + text.trimEnd().length };
      }
    },
  });
  return found;
}

export function checkBodyUnsafety(ctx: PassContext, owner: BodyOwner): void {
  const header = owner.fn.unsafe && ctx.lints.enabled('unsafe_op_in_unsafe_fn', owner.fn.span) ? fnHeader(ctx, owner) : undefined;
  const c = new UnsafetyChecker(ctx, owner.fn.unsafe, header);
  c.visitBlock(owner.body.block);
  for (const u of c.unused.sort((a, b) => a.block.span.lo - b.block.span.lo)) {
    const s = unsafeKeywordSpan(ctx, u.block);
    ctx.lints.emit('unused_unsafe', s, warning('unnecessary `unsafe` block').primary(s, 'unnecessary `unsafe` block'));
  }
}

/** Static and const initializers are checked as bodies too (a `static mut` read there needs `unsafe`). */
export function checkUnsafety(ctx: PassContext): void {
  for (const owner of bodiesOf(ctx.crate)) checkBodyUnsafety(ctx, owner);
}
