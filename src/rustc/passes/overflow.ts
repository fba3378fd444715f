// Deny-by-default lints about constant arithmetic:
// - overflowing_literals: an integer literal that does not fit its type (`let a: u8 = 256;`);
// - arithmetic_overflow and unconditional_panic: an operation whose operands are known at
//   compile time and that would overflow, divide by zero or index out of bounds, as rustc's
//   known-panics lint finds them by propagating constants through immutable locals.
import { warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Expr } from '../thir/thir.ts';
import type { IntTy, Ty } from '../thir/ty.ts';
import { bodiesOf, textOf, type BodyOwner, type PassContext } from './context.ts';
import { ThirVisitor } from './visit.ts';

function bitsOf(i: IntTy): number {
  return i === 'isize' || i === 'usize' ? 64 : Number(i.slice(1));
}

function bounds(i: IntTy): [bigint, bigint] {
  const b = BigInt(bitsOf(i));
  return i[0] === 'i' ? [-(1n << (b - 1n)), (1n << (b - 1n)) - 1n] : [0n, (1n << b) - 1n];
}

function wrap(v: bigint, i: IntTy): bigint {
  const b = BigInt(bitsOf(i));
  const m = ((v % (1n << b)) + (1n << b)) % (1n << b);
  return i[0] === 'i' && m >= 1n << (b - 1n) ? m - (1n << b) : m;
}

/** The value of an integer literal's text (`0x1_0000`, `300u8`), or undefined. */
function parseIntLit(text: string): { value: bigint; radix: number } | undefined {
  const t = text.replace(/_/g, '');
  const m = /^(0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+|[0-9]+)/.exec(t);
  if (!m) return undefined;
  const digits = m[1]!;
  const radix = digits.startsWith('0x') ? 16 : digits.startsWith('0o') ? 8 : digits.startsWith('0b') ? 2 : 10;
  try {
    return { value: radix === 8 ? BigInt(`0o${digits.slice(2)}`) : BigInt(digits), radix };
  } catch {
    return undefined;
  }
}

/** rustc's `find_fit`: the type it proposes for a literal that does not fit. */
function typeSuggestion(t: IntTy, val: bigint, negative: boolean): string | undefined {
  const signed: Record<string, [IntTy[], IntTy[]]> = {
    i8: [['u8'], ['i16', 'i32', 'i64', 'i128']],
    i16: [['u16'], ['i32', 'i64', 'i128']],
    i32: [['u32'], ['i64', 'i128']],
    i64: [['u64'], ['i128']],
    isize: [['u64'], ['i128']],
    i128: [['u128'], []],
    u8: [['u8', 'u16', 'u32', 'u64', 'u128'], []],
    u16: [['u16', 'u32', 'u64', 'u128'], []],
    u32: [['u32', 'u64', 'u128'], []],
    u64: [['u64', 'u128'], []],
    usize: [['u64', 'u128'], []],
    u128: [['u128'], []],
  };
  const [us, is] = signed[t]!;
  for (const u of us) if (!negative && val <= bounds(u)[1]) return u;
  for (const i of is) if (val <= bounds(i)[1] + (negative ? 1n : 0n)) return i;
  return undefined;
}

/** Integers as rustc prints them in these messages: `200_u8`, `i32::MAX`, `-1_i8`. */
export function printConstInt(v: bigint, i: IntTy): string {
  const [min, max] = bounds(i);
  if (v === max) return `${i}::MAX`;
  if (v === min && i[0] === 'i') return `${i}::MIN`;
  return `${v}_${i}`;
}

class LiteralChecker extends ThirVisitor {
  readonly found: Array<{ at: number; d: Diagnostic }> = [];
  private readonly negated = new Set<Expr>();

  constructor(private readonly ctx: PassContext) {
    super();
  }

  override visitExpr(e: Expr): void {
    if (e.kind === 'unary' && e.op === 'neg' && e.operand.kind === 'lit') {
      this.negated.add(e.operand);
      this.check(e.operand, e);
    } else if (e.kind === 'lit' && !this.negated.has(e)) {
      this.check(e, e);
    }
    this.walkExpr(e);
  }

  private check(lit: Expr, whole: Expr): void {
    if (lit.ty.kind !== 'int') return;
    const int = lit.ty.int;
    const text = textOf(this.ctx, lit.span);
    // Type checking may fold `-129` into one literal node spanning the minus sign.
    const folded = text.startsWith('-');
    const parsed = parseIntLit(folded ? text.slice(1).trimStart() : text);
    if (!parsed) return;
    const negative = whole !== lit || folded;
    const v = negative ? -parsed.value : parsed.value;
    const [min, max] = bounds(int);
    if (v >= min && v <= max) return;
    const shown = textOf(this.ctx, whole.span);
    const d = warning(`literal out of range for \`${int}\``).primary(whole.span);
    if (parsed.radix !== 10) {
      d.note(`the literal \`${shown}\` (decimal \`${parsed.value}\`) does not fit into the type \`${int}\` and will become \`${wrap(v, int)}${int}\``);
      const s = typeSuggestion(int, parsed.value, negative);
      if (s) d.help(`consider using the type \`${s}\` instead`);
    } else {
      d.note(`the literal \`${shown}\` does not fit into the type \`${int}\` whose range is \`${min}..=${max}\``);
      if (int[0] === 'i') {
        const s = typeSuggestion(int, parsed.value, negative);
        if (s) d.help(`consider using the type \`${s}\` instead`);
      }
    }
    const n = this.ctx.out.length;
    this.ctx.lints.emit('overflowing_literals', whole.span, d);
    for (const x of this.ctx.out.splice(n)) this.found.push({ at: whole.span.lo, d: x });
  }
}

/** Late lint: returns its diagnostics with positions, merged by index.ts with the other late lints. */
export function overflowingLiterals(ctx: PassContext): Array<{ at: number; d: Diagnostic }> {
  const c = new LiteralChecker(ctx);
  for (const b of bodiesOf(ctx.crate)) c.visitBlock(b.body.block);
  for (const s of [...ctx.crate.statics, ...ctx.crate.consts]) if (s.crate === ctx.crate.name && s.init) c.visitExpr(s.init);
  return c.found;
}

/** unused_comparisons: an integer compared with a literal at the edge of its type's range, so the result never changes. */
class ComparisonChecker extends ThirVisitor {
  readonly found: Array<{ at: number; d: Diagnostic }> = [];

  constructor(private readonly ctx: PassContext) {
    super();
  }

  private litValue(e: Expr): bigint | undefined {
    if (e.kind === 'lit' && e.value.kind === 'scalar') return e.value.value;
    if (e.kind === 'unary' && e.op === 'neg' && e.operand.kind === 'lit' && e.operand.value.kind === 'scalar') return -e.operand.value.value;
    return undefined;
  }

  override visitExpr(e: Expr): void {
    if (e.kind === 'binary' && ['lt', 'le', 'gt', 'ge'].includes(e.op) && e.lhs.ty.kind === 'int') {
      const [min, max] = bounds(e.lhs.ty.int);
      const r = this.litValue(e.rhs);
      const l = this.litValue(e.lhs);
      // Normalise to `x OP v` with the literal on the right.
      const flip: Record<string, string> = { lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };
      const [op, v] = r !== undefined && l === undefined ? [e.op, r] : l !== undefined && r === undefined ? [flip[e.op]!, l] : [undefined, undefined];
      const useless = op !== undefined && v !== undefined && ((op === 'ge' && v <= min) || (op === 'lt' && v <= min) || (op === 'gt' && v >= max) || (op === 'le' && v >= max));
      if (useless) {
        const n = this.ctx.out.length;
        this.ctx.lints.emit('unused_comparisons', e.span, warning('comparison is useless due to type limits').primary(e.span));
        for (const x of this.ctx.out.splice(n)) this.found.push({ at: e.span.lo, d: x });
      }
    }
    this.walkExpr(e);
  }
}

export function unusedComparisons(ctx: PassContext): Array<{ at: number; d: Diagnostic }> {
  const c = new ComparisonChecker(ctx);
  for (const b of bodiesOf(ctx.crate)) c.visitBlock(b.body.block);
  return c.found;
}

/** Constant propagation over a body: values of immutable locals bound to constants. */
class KnownPanics extends ThirVisitor {
  private readonly known = new Map<number, bigint>();
  private readonly arrays = new Map<number, number>();

  /** Locals assigned or borrowed mutably somewhere in the body. */
  private readonly changed = new Set<number>();

  constructor(
    private readonly ctx: PassContext,
    private readonly owner: BodyOwner,
  ) {
    super();
    const changed = this.changed;
    const root = (p: Expr): number | undefined => (p.kind === 'local' ? p.local : p.kind === 'field' || p.kind === 'index' ? root(p.base) : undefined);
    new (class extends ThirVisitor {
      override visitExpr(e: Expr): void {
        if (e.kind === 'assign' || e.kind === 'assignOp') {
          const r = root(e.place);
          if (r !== undefined) changed.add(r);
        }
        if (e.kind === 'addrOf' && e.mut) {
          const r = root(e.place);
          if (r !== undefined) changed.add(r);
        }
        this.walkExpr(e);
      }
    })().visitBlock(owner.body.block);
  }

  private eval(e: Expr): bigint | undefined {
    switch (e.kind) {
      case 'lit':
        return e.value.kind === 'scalar' && e.ty.kind === 'int' ? e.value.value : undefined;
      case 'const':
        return e.def.value?.kind === 'scalar' && e.ty.kind === 'int' ? e.def.value.value : undefined;
      case 'local':
        return this.known.get(e.local);
      case 'unary':
        if (e.op === 'neg' && e.operand.kind === 'lit' && e.ty.kind === 'int') {
          const v = this.eval(e.operand);
          return v === undefined ? undefined : -v;
        }
        return undefined;
      default:
        return undefined;
    }
  }

  private lint(lint: 'arithmetic_overflow' | 'unconditional_panic', e: Expr, label: string): void {
    const msg = lint === 'arithmetic_overflow' ? 'this arithmetic operation will overflow' : 'this operation will panic at runtime';
    this.ctx.lints.emit(lint, e.span, warning(msg).primary(e.span, label));
  }

  private checkBinary(e: Expr, op: string, lhs: Expr, rhs: Expr, ty: Ty): void {
    if (ty.kind !== 'int') return;
    const a = this.eval(lhs);
    const b = this.eval(rhs);
    const int = ty.int;
    if ((op === 'shl' || op === 'shr') && b !== undefined && rhs.ty.kind === 'int') {
      if (b < 0n || b >= BigInt(bitsOf(int))) this.lint('arithmetic_overflow', e, `attempt to shift ${op === 'shl' ? 'left' : 'right'} by \`${printConstInt(b, rhs.ty.int)}\`, which would overflow`);
      return;
    }
    if ((op === 'div' || op === 'rem') && b === 0n) {
      const shown = a === undefined ? '_' : printConstInt(a, int);
      this.lint('unconditional_panic', e, op === 'div' ? `attempt to divide \`${shown}\` by zero` : `attempt to calculate the remainder of \`${shown}\` with a divisor of zero`);
      return;
    }
    if (a === undefined || b === undefined) return;
    const [min, max] = bounds(int);
    if ((op === 'div' || op === 'rem') && a === min && b === -1n && int[0] === 'i') {
      this.lint('unconditional_panic', e, op === 'div' ? `attempt to compute \`${printConstInt(a, int)} / ${printConstInt(b, int)}\`, which would overflow` : `attempt to compute the remainder of \`${printConstInt(a, int)} % ${printConstInt(b, int)}\`, which would overflow`);
      return;
    }
    const sym: Record<string, [string, (x: bigint, y: bigint) => bigint]> = { add: ['+', (x, y) => x + y], sub: ['-', (x, y) => x - y], mul: ['*', (x, y) => x * y] };
    const f = sym[op];
    if (!f) return;
    const r = f[1](a, b);
    if (r < min || r > max) this.lint('arithmetic_overflow', e, `attempt to compute \`${printConstInt(a, int)} ${f[0]} ${printConstInt(b, int)}\`, which would overflow`);
  }

  override visitStmt(s: Parameters<ThirVisitor['visitStmt']>[0]): void {
    super.visitStmt(s);
    if (s.kind === 'let' && s.pat.kind === 'binding' && !s.pat.sub && s.pat.mode === 'value' && s.init) {
      const local = this.owner.body.locals[s.pat.local];
      // A `mut` local keeps its value too if nothing ever changes it (rustc propagates through both).
      if (!local || (local.mut && this.changed.has(s.pat.local))) return;
      const v = this.eval(s.init);
      if (v !== undefined) this.known.set(s.pat.local, v);
      const t = s.init.ty;
      if (t.kind === 'array') this.arrays.set(s.pat.local, t.len);
    }
  }

  override visitExpr(e: Expr): void {
    this.walkExpr(e);
    switch (e.kind) {
      case 'lit':
        // Type checking folds `-(-128i8)` into one literal whose value no longer fits: the negation overflowed.
        if (e.ty.kind === 'int' && e.value.kind === 'scalar') {
          const [min, max] = bounds(e.ty.int);
          const v = e.value.value;
          if ((v < min || v > max) && /^-\s*\(/.test(textOf(this.ctx, e.span))) this.lint('arithmetic_overflow', e, `attempt to negate \`${printConstInt(-v, e.ty.int)}\`, which would overflow`);
        }
        break;
      case 'binary':
        this.checkBinary(e, e.op, e.lhs, e.rhs, e.ty.kind === 'int' ? e.ty : e.lhs.ty);
        break;
      case 'assignOp':
        this.checkBinary(e, e.op, e.place, e.value, e.place.ty);
        break;
      case 'unary':
        // A negation typeck kept (it folds `-128i8` into one literal): `-(-128i8)`, `-x`.
        if (e.op === 'neg' && e.ty.kind === 'int') {
          const v = this.eval(e.operand);
          if (v !== undefined && v === bounds(e.ty.int)[0] && e.ty.int[0] === 'i') this.lint('arithmetic_overflow', e, `attempt to negate \`${printConstInt(v, e.ty.int)}\`, which would overflow`);
        }
        break;
      case 'index': {
        const i = this.eval(e.index);
        const base = e.base;
        const len = base.ty.kind === 'array' ? base.ty.len : undefined;
        if (i !== undefined && len !== undefined && i >= BigInt(len)) this.lint('unconditional_panic', e, `index out of bounds: the length is ${len} but the index is ${i}`);
        break;
      }
      default:
        break;
    }
  }
}

export function knownPanics(ctx: PassContext, owner: BodyOwner): void {
  new KnownPanics(ctx, owner).visitBlock(owner.body.block);
}
