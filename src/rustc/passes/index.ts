// checkCrate: the diagnostics rustc reports after type checking, in rustc's order:
//   1. early lints on the AST (unused_parens, non_camel_case_types);
//   2. unreachable_code (rustc finds it while type checking);
//   3. per body, in source order: pattern checks (E0004, E0005, unreachable_patterns), the
//      unsafety check (E0133, unused_unsafe), then — unless the patterns were in error —
//      borrow checking (unused_mut, E0384, E0596, E0594, E0381), liveness (unused_variables,
//      unused_assignments) and the constant-propagation lints (arithmetic_overflow,
//      unconditional_panic);
//   4. when no error (other than a denied lint) came so far: dead_code, then the late lints
//      (non_snake_case, non_upper_case_globals, overflowing_literals).
// It never throws: an internal failure becomes an `internal compiler error: …` diagnostic.
import type { Crate, Expr as AstExpr, Param, Pat as AstPat, Stmt as AstStmt } from '../ast/ast.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { SourceMap } from '../span/source-map.ts';
import type { CrateDef } from '../thir/defs.ts';
import { walkCrate } from './ast-walk.ts';
import { borrowck } from './borrowck.ts';
import { bodiesOf, spanKey, type PassContext } from './context.ts';
import { deadCode } from './dead-code.ts';
import { checkPatterns } from './exhaustiveness.ts';
import { LintEmitter, LintLevels } from './lint-levels.ts';
import type { Edition } from './lints.ts';
import { unusedImports } from './imports.ts';
import { unknownLints } from './unknown-lints.ts';
import { liveness } from './liveness.ts';
import { privateInterfaces } from './privacy.ts';
import { knownPanics, overflowingLiterals, unusedComparisons } from './overflow.ts';
import { staticMutRefs } from './static-mut-refs.ts';
import { statementLints } from './statements.ts';
import { earlyLints, lateNamingLints } from './style.ts';
import { unreachableCode } from './unreachable.ts';
import { checkBodyUnsafety } from './unsafety.ts';

export interface CheckOptions {
  ast: Crate;
  crateType: 'bin' | 'lib';
  sourceMap: SourceMap;
  /** Default 2021. Rust 2024 words E0133 differently, warns about unsafe operations in `unsafe fn` and denies static_mut_refs. */
  edition?: Edition;
}

function buildContext(crate: CrateDef, options: CheckOptions, out: Diagnostic[]): PassContext {
  const astExprs = new Map<string, AstExpr>();
  const astBindings = new Map<number, AstPat & { kind: 'ident' }>();
  const shorthandFields = new Set<number>();
  const astParams = new Map<number, Param>();
  const astLets: Array<AstStmt & { kind: 'let' }> = [];
  walkCrate(options.ast, {
    // Only method calls are looked up (how a builtin was called); indexing every expression costs.
    expr: (e) => {
      if (e.kind === 'methodCall') astExprs.set(spanKey(e.span), e);
    },
    pat: (p) => {
      if (p.kind === 'ident') astBindings.set(p.ident.span.lo, p);
      if (p.kind === 'struct') for (const f of p.fields) if (f.shorthand) shorthandFields.add(f.ident.span.lo);
    },
    stmt: (s) => {
      if (s.kind === 'let') astLets.push(s);
    },
    item: (it) => {
      if (it.kind !== 'fn') return;
      for (const p of it.sig.params) {
        if (p.pat?.kind === 'ident') astParams.set(p.pat.ident.span.lo, p);
        // `self`, `&self`, `&mut self`: the binding is the `self` keyword at the end.
        if (p.self) astParams.set(p.self.kind === 'explicit' ? p.span.lo + (p.self.mut ? 4 : 0) : p.span.hi - 4, p);
      }
    },
  });
  const edition = options.edition ?? '2021';
  const levels = new LintLevels(options.ast, edition);
  const lints = new LintEmitter(levels, out);
  return { crate, ast: options.ast, crateType: options.crateType, edition, sourceMap: options.sourceMap, lints, levels, out, astExprs, astBindings, shorthandFields, astParams, astLets };
}

export function checkCrate(crate: CrateDef, options: CheckOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  try {
    const ctx = buildContext(crate, options, out);
    const levels = ctx.levels;
    unknownLints(ctx, levels.entries);
    unusedImports(ctx);
    earlyLints(ctx);
    const bodies = bodiesOf(crate);
    for (const b of bodies) unreachableCode(ctx, b);
    const hardErrors = (): number => out.filter((d) => d.level === 'error' && !ctx.lints.isLint(d)).length;
    for (const b of bodies) {
      const before = hardErrors();
      checkPatterns(ctx, b);
      const patternErrors = hardErrors() > before;
      checkBodyUnsafety(ctx, b);
      if (patternErrors) continue;
      borrowck(ctx, b);
      liveness(ctx, b);
      knownPanics(ctx, b);
    }
    // rustc stops before its lint passes after an error; errors of denied lints do not count.
    if (hardErrors() === 0) {
      privateInterfaces(ctx);
      deadCode(ctx);
      const late = [...lateNamingLints(ctx), ...overflowingLiterals(ctx), ...unusedComparisons(ctx), ...staticMutRefs(ctx), ...statementLints(ctx)];
      late.sort((a, b) => a.at - b.at);
      out.push(...late.map((l) => l.d));
    }
  } catch (e) {
    out.push(error(`internal compiler error: ${e instanceof Error ? e.message : String(e)}`).build());
  }
  return out;
}
