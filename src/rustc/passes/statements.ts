// Lints about statements, from the AST: redundant_semicolons and unused_doc_comments (rustc
// checks them before type checking, with the other early lints), path_statements and
// unused_must_use for a dropped operator result (late lints).
import type { Attribute, Expr } from '../ast/ast.ts';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import { walkCrate } from './ast-walk.ts';
import { textOf, type PassContext } from './context.ts';
import type { LintName } from './lints.ts';

type Found = Array<{ at: number; d: Diagnostic }>;

function emitTo(ctx: PassContext, found: Found, lint: LintName, at: Span, d: ReturnType<typeof warning>): void {
  const n = ctx.out.length;
  ctx.lints.emit(lint, at, d);
  for (const x of ctx.out.splice(n)) found.push({ at: at.lo, d: x });
}

/** redundant_semicolons: `;` with no statement before it (`let x = 1;;`), consecutive ones together. */
export function redundantSemicolons(ctx: PassContext, found: Found): void {
  const empties: Span[] = [];
  walkCrate(ctx.ast, {
    stmt: (s) => {
      if (s.kind === 'empty') empties.push(s.span);
    },
  });
  empties.sort((a, b) => a.lo - b.lo);
  const groups: Span[][] = [];
  for (const e of empties) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && textOf(ctx, { lo: prev.hi, hi: e.lo }).trim() === '') last.push(e);
    else groups.push([e]);
  }
  for (const g of groups) {
    const span: Span = { lo: g[0]!.lo, hi: g[g.length - 1]!.hi };
    const many = g.length > 1;
    const d = warning(`unnecessary trailing semicolon${many ? 's' : ''}`).primary(span).suggest(span, `remove ${many ? 'these semicolons' : 'this semicolon'}`, '', 'short', 'MaybeIncorrect');
    emitTo(ctx, found, 'redundant_semicolons', span, d);
  }
}

/** unused_doc_comments: a `///` comment on a statement or a match arm, which rustdoc never shows. */
export function unusedDocComments(ctx: PassContext, found: Found): void {
  const report = (attrs: readonly Attribute[], nodeSpan: Span, what: string): void => {
    const docs = attrs.filter((a) => a.doc !== undefined && !a.inner);
    if (docs.length === 0) return;
    const docSpan: Span = { lo: docs[0]!.span.lo, hi: docs[docs.length - 1]!.span.hi };
    const lastAttr = attrs.reduce((m, a) => Math.max(m, a.span.hi), nodeSpan.lo);
    const rest = textOf(ctx, { lo: lastAttr, hi: nodeSpan.hi });
    const node: Span = { lo: lastAttr + (rest.length - rest.trimStart().length), hi: nodeSpan.hi };
    const d = warning('unused doc comment').primary(docSpan).secondary(node, `rustdoc does not generate documentation for ${what}`).help('use `//` for a plain comment');
    emitTo(ctx, found, 'unused_doc_comments', docSpan, d);
  };
  walkCrate(ctx.ast, {
    stmt: (s) => {
      if (s.kind === 'let' || s.kind === 'expr') report(s.attrs, s.span, 'statements');
    },
    expr: (e) => {
      if (e.kind === 'match') for (const a of e.arms) report(a.attrs, a.span, 'match arms');
    },
  });
}

/** What unused_must_use calls an operator whose result a statement drops. */
function opKind(e: Expr): string | undefined {
  if (e.kind === 'binary') {
    if (['==', '!=', '<', '<=', '>', '>='].includes(e.op)) return 'comparison';
    if (['&&', '||'].includes(e.op)) return 'logical operation';
    if (['&', '|', '^', '<<', '>>'].includes(e.op)) return 'bitwise operation';
    return 'arithmetic operation';
  }
  if (e.kind === 'unary' && e.op !== '*') return 'unary operation';
  return undefined;
}

/** Late lints on statements: path_statements (`x;`) and unused_must_use for a dropped operator result. */
export function statementLints(ctx: PassContext): Found {
  const found: Found = [];
  walkCrate(ctx.ast, {
    stmt: (s) => {
      if (s.kind !== 'expr' || !s.semi) return;
      const e = s.expr;
      if (e.kind === 'path' && !e.qself) {
        emitTo(ctx, found, 'path_statements', s.span, warning('path statement with no effect').primary(s.span));
        return;
      }
      const kind = opKind(e);
      if (!kind) return;
      const d = warning(`unused ${kind} that must be used`)
        .primary(e.span, `the ${kind} produces a value`)
        .suggest({ lo: e.span.lo, hi: e.span.lo }, 'use `let _ = ...` to ignore the resulting value', 'let _ = ', 'verbose', 'MaybeIncorrect');
      emitTo(ctx, found, 'unused_must_use', e.span, d);
    },
  });
  return found;
}
