// The state of checking one body (a function, or a const/static initializer): its locals and
// their scopes, loops, return type, inference variables and the item scopes of the blocks
// being checked.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { Cx } from '../resolve/cx.ts';
import type { ModScope, Res } from '../resolve/scope.ts';
import type { Span } from '../span/span.ts';
import type { LocalDef } from '../thir/defs.ts';
import type { Expr, ExprKind } from '../thir/thir.ts';
import { ERROR_TY, printTy, type Ty } from '../thir/ty.ts';
import { Infer } from './infer.ts';
import { lowerTy } from './lower-ty.ts';

export interface LoopInfo {
  id: number;
  label?: string;
  /** `loop` (break may carry a value), `while`/`for` (it may not), a labelled block. */
  kind: 'loop' | 'while' | 'for' | 'block';
  /** Type of the break values (`loop` and labelled blocks). */
  breakTy?: Ty;
  hasBreak: boolean;
}

export type Expect = { ty?: Ty; cast?: boolean };
export const NO_EXPECT: Expect = {};

export class FnCx {
  readonly infer = new Infer();
  readonly locals: (LocalDef & { ty: Ty })[] = [];
  private readonly names: Map<string, number>[] = [new Map()];
  readonly loops: LoopInfo[] = [];
  loopCount = 0;
  /** Item scopes of the blocks being checked, innermost last. */
  readonly scopes: ModScope[];
  /** Variables standing for a builtin's type parameter (rustc reports those as E0283). */
  readonly typeParamVars = new Set<number>();
  /** The function around an array length being evaluated (its locals are E0435 there). */
  outer?: { lookupLocal(name: string): number | undefined };
  /** Checking the body of a `const fn` (its calls must be to const fns too: E0015). */
  inConstFn = false;
  /** In a const or static initializer (or a `const fn`): calls must be to const fns. */
  constContext?: 'constant' | 'static';

  constructor(
    readonly cx: Cx,
    scope: ModScope,
    readonly retTy: Ty,
    readonly selfRes?: Res,
    /** Declared return type span (for "expected … because of return type"). */
    readonly retSpan?: Span,
  ) {
    this.scopes = [scope];
  }

  get scope(): ModScope {
    return this.scopes[this.scopes.length - 1]!;
  }

  pushNames(): void {
    this.names.push(new Map());
  }

  popNames(): void {
    this.names.pop();
  }

  declareLocal(name: string, ty: Ty, mut: boolean, span: Span): number {
    const id = this.locals.length;
    this.locals.push({ id, name, ty, mut, span });
    this.names[this.names.length - 1]!.set(name, id);
    return id;
  }

  lookupLocal(name: string): number | undefined {
    for (let i = this.names.length - 1; i >= 0; i--) {
      const id = this.names[i]!.get(name);
      if (id !== undefined) return id;
    }
    return undefined;
  }

  /** Completes a node (callers pass a fresh object literal, which becomes the node: no copy). */
  expr(kind: ExprKind, ty: Ty, span: Span): Expr {
    const node = kind as ExprKind & { ty: Ty; span: Span };
    node.ty = ty;
    node.span = span;
    return node as Expr;
  }

  errorExpr(span: Span): Expr {
    return { kind: 'error', ty: ERROR_TY, span };
  }

  /** The type with bound inference variables substituted (for messages and decisions). */
  resolved(t: Ty): Ty {
    return this.infer.resolve(t);
  }

  shallow(t: Ty): Ty {
    return this.infer.shallow(t);
  }

  show(t: Ty): string {
    return printTy(this.resolved(t));
  }

  /**
   * The type of an expression as rustc names it in messages: a static's or const's elided
   * reference lifetime and a string literal's are `'static` (`&'static [u8]`).
   */
  showExprTy(e: Expr): string {
    const t = this.resolved(e.ty);
    const isStatic = e.kind === 'static' || e.kind === 'const' || (e.kind === 'lit' && t.kind === 'ref');
    if (isStatic && t.kind === 'ref') return `&'static ${t.mut ? 'mut ' : ''}${printTy(t.to)}`;
    return printTy(t);
  }

  lowerTy(t: ast.Type, allowInfer = false): Ty {
    return lowerTy(this.cx, { scope: this.scope, selfRes: this.selfRes, evalLen: (e) => this.cx.evalArrayLen(e, this.scope, this.selfRes, this), ...(allowInfer ? { fresh: () => this.infer.fresh() } : {}) }, t);
  }

  /** rustc's E0308 with "expected `A`, found `B`" on the offending expression. */
  mismatch(span: Span, expected: Ty, found: Ty): ReturnType<typeof error> {
    const d = error('mismatched types', 'E0308').primary(span, mismatchLabel(this.show(expected), this.show(found)));
    return d;
  }
}

export function mismatchLabel(expected: string, found: string): string {
  const art = (t: string) => (t === '{integer}' ? 'integer' : `\`${t}\``);
  if (expected === found) return `expected ${art(expected)}, found a different ${art(found)}`;
  return `expected ${art(expected)}, found ${art(found)}`;
}
