// What every checking pass receives: the crate, its AST (for attributes and for what the typed
// tree no longer shows, such as parentheses and how a call was written), the source map, the
// lint emitter and the list where errors go.
import type { Crate, Expr as AstExpr, Param, Pat as AstPat, Stmt as AstStmt } from '../ast/ast.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SourceMap } from '../span/source-map.ts';
import type { Span } from '../span/span.ts';
import type { CrateDef, FnBody, FnDef } from '../thir/defs.ts';
import type { LintEmitter, LintLevels } from './lint-levels.ts';
import type { Edition } from './lints.ts';

export interface PassContext {
  readonly crate: CrateDef;
  readonly ast: Crate;
  readonly crateType: 'bin' | 'lib';
  readonly edition: Edition;
  readonly sourceMap: SourceMap;
  readonly lints: LintEmitter;
  readonly levels: LintLevels;
  readonly out: Diagnostic[];
  /** AST method calls by span (`lo:hi`), to see how a THIR node was written. */
  readonly astExprs: Map<string, AstExpr>;
  /** AST binding patterns (`mut x`, `ref y`) by the position of their identifier (LocalDef.span.lo). */
  readonly astBindings: Map<number, AstPat & { kind: 'ident' }>;
  /** Identifiers of shorthand struct-pattern fields (`Point { x, y }`), by position. */
  readonly shorthandFields: Set<number>;
  /** AST parameters by the position of their binding identifier (`self` included). */
  readonly astParams: Map<number, Param>;
  /** AST `let` statements (for the type annotation of a binding). */
  readonly astLets: Array<AstStmt & { kind: 'let' }>;
}

export const spanKey = (s: Span): string => `${s.lo}:${s.hi}`;

/** A function of this crate with its typed body. */
export interface BodyOwner {
  readonly fn: FnDef;
  readonly body: FnBody;
}

/** Bodies in source order, which is the order rustc checks them in. */
export function bodiesOf(crate: CrateDef): BodyOwner[] {
  const out: BodyOwner[] = [];
  for (const fn of crate.fns) if (fn.body && fn.crate === crate.name) out.push({ fn, body: fn.body });
  return out.sort((a, b) => a.fn.span.lo - b.fn.span.lo);
}

/** Source text of a span ('' when it is in no file). */
export function textOf(ctx: PassContext, s: Span): string {
  try {
    return ctx.sourceMap.snippet(s);
  } catch {
    return '';
  }
}
