// The static_mut_refs lint (edition 2021: a warning, part of rust_2024_compatibility): a
// reference taken to a `static mut`, explicitly (`&BUF`, `&mut BUF`) or by a method call's
// auto-reference (`BUF.len()`), which rustc reports at the whole call.
import { warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import type { Expr } from '../thir/thir.ts';
import { bodiesOf, spanKey, textOf, type PassContext } from './context.ts';
import { ThirVisitor } from './visit.ts';

/** The `static mut` a place is part of (`BUF`, `BUF[i]`, `S.f`), if any. */
function staticMutRoot(p: Expr): boolean {
  switch (p.kind) {
    case 'static':
      return p.def.mut;
    case 'field':
    case 'index':
    case 'rangeIndex':
      return staticMutRoot(p.base);
    default:
      return false;
  }
}

class StaticMutRefs extends ThirVisitor {
  readonly found: Array<{ at: number; d: Diagnostic }> = [];
  /** Enclosing method calls, innermost last. */
  private readonly calls: Span[] = [];

  constructor(private readonly ctx: PassContext) {
    super();
  }

  override visitExpr(e: Expr): void {
    const isMethodCall = (e.kind === 'call' || e.kind === 'builtin') && this.ctx.astExprs.get(spanKey(e.span))?.kind === 'methodCall';
    if (e.kind === 'addrOf' && !e.raw && staticMutRoot(e.place)) this.report(e);
    if (isMethodCall) this.calls.push(e.span);
    this.walkExpr(e);
    if (isMethodCall) this.calls.pop();
  }

  private report(e: Expr & { kind: 'addrOf' }): void {
    const explicit = textOf(this.ctx, e.span).startsWith('&');
    const call = this.calls[this.calls.length - 1];
    const span = explicit || !call ? e.span : call;
    const what = e.mut ? 'mutable' : 'shared';
    const d = warning(`creating a ${what} reference to mutable static`).primary(span, `${what} reference to mutable static`);
    d.note(
      e.mut
        ? "mutable references to mutable statics are dangerous; it's undefined behavior if any other pointer to the static is used or if any other reference is created for the static while the mutable reference lives"
        : "shared references to mutable statics are dangerous; it's undefined behavior if the static is mutated or if a mutable reference is created for it while the shared reference lives",
    );
    d.note('for more information, see <https://doc.rust-lang.org/edition-guide/rust-2024/static-mut-references.html>');
    if (explicit) {
      const at = e.span.lo + 1;
      d.suggest({ lo: at, hi: at }, `use \`&raw ${e.mut ? 'mut' : 'const'}\` instead to create a raw pointer`, e.mut ? 'raw ' : 'raw const ', 'verbose', 'MaybeIncorrect');
    }
    const n = this.ctx.out.length;
    this.ctx.lints.emit('static_mut_refs', span, d);
    for (const x of this.ctx.out.splice(n)) this.found.push({ at: span.lo, d: x });
  }
}

/** Late lint: returns its diagnostics with positions, merged by index.ts with the other late lints. */
export function staticMutRefs(ctx: PassContext): Array<{ at: number; d: Diagnostic }> {
  const v = new StaticMutRefs(ctx);
  for (const b of bodiesOf(ctx.crate)) v.visitBlock(b.body.block);
  return v.found;
}
