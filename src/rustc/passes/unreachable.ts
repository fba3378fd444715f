// unreachable_code: the first statement or tail expression of a block that follows an
// expression of type `!` (`return`, `break`, `continue`, `loop {}` without `break`, `panic!`,
// a call of a `-> !` function), as rustc reports it while type checking.
import { warning } from '../diagnostics/diagnostic.ts';
import type { Block, Expr } from '../thir/thir.ts';
import type { BodyOwner, PassContext } from './context.ts';
import { ThirVisitor } from './visit.ts';

class UnreachableFinder extends ThirVisitor {
  constructor(private readonly ctx: PassContext) {
    super();
  }

  override visitBlock(b: Block): void {
    let diverged: Expr | undefined;
    let reported = false;
    for (const s of b.stmts) {
      if (diverged && !reported && s.kind !== 'item') {
        this.report(diverged, s.span, 'statement');
        reported = true;
      }
      this.visitStmt(s);
      if (!diverged) {
        if (s.kind === 'expr' && s.expr.ty.kind === 'never') diverged = s.expr;
        if (s.kind === 'let' && s.init?.ty.kind === 'never') diverged = s.init;
      }
    }
    if (b.tail) {
      if (diverged && !reported) this.report(diverged, b.tail.span, 'expression');
      this.visitExpr(b.tail);
    }
  }

  private report(diverging: Expr, at: Expr['span'], what: 'statement' | 'expression'): void {
    const d = warning(`unreachable ${what}`).secondary(diverging.span, 'any code following this expression is unreachable').primary(at, `unreachable ${what}`);
    this.ctx.lints.emit('unreachable_code', at, d);
  }
}

export function unreachableCode(ctx: PassContext, owner: BodyOwner): void {
  new UnreachableFinder(ctx).visitBlock(owner.body.block);
}
