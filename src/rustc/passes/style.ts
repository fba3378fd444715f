// Lints on how code is written rather than what it does, from the AST (and the locals of the
// typed bodies): unused_parens and non_camel_case_types, which rustc checks before type
// checking ("early"), and non_snake_case and non_upper_case_globals, which it checks with the
// other late lints after everything else.
import type { Attribute, Expr, Item } from '../ast/ast.ts';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import { walkCrate, walkExpr } from './ast-walk.ts';
import { redundantSemicolons, unusedDocComments } from './statements.ts';
import { isCamelCase, isSnakeCase, isUpperCase, toCamelCase, toSnakeCase } from './case.ts';
import { bodiesOf, textOf, type PassContext } from './context.ts';
import type { LintName } from './lints.ts';

const hasAttr = (attrs: readonly Attribute[], name: string): boolean =>
  attrs.some((a) => a.doc === undefined && a.path.segments.length === 1 && a.path.segments[0]!.ident.name === name);

/** Where parentheses around an expression are never needed, with rustc's name for the place. */
function parenContexts(e: Expr, add: (inner: Expr, what: string) => void): void {
  switch (e.kind) {
    case 'if':
      add(e.cond, '`if` condition');
      break;
    case 'while':
      add(e.cond, '`while` condition');
      break;
    case 'match':
      add(e.expr, '`match` scrutinee expression');
      break;
    case 'for':
      add(e.iter, '`for` iterator expression');
      break;
    case 'return':
      if (e.expr) add(e.expr, '`return` value');
      break;
    case 'assign':
    case 'assignOp':
      add(e.rhs, 'assigned value');
      break;
    case 'call':
      for (const a of e.args) add(a, 'function argument');
      break;
    case 'methodCall':
      for (const a of e.args) add(a, 'method argument');
      break;
    default:
      break;
  }
}

/** Whether a `break`/`continue` inside a labeled expression names its label. */
function labelUsed(e: Expr, name: string): boolean {
  let used = false;
  walkExpr(e, {
    expr: (x) => {
      if ((x.kind === 'break' || x.kind === 'continue') && x.label?.name === name) used = true;
    },
  });
  return used;
}

const isIdentChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

function unusedParens(ctx: PassContext, paren: Expr & { kind: 'paren' }, what: string, sink: Diagnostic[]): void {
  const inner = paren.expr;
  // Parentheses that change meaning or are needed by the grammar stay.
  if (inner.kind === 'let' || inner.kind === 'tuple' || inner.kind === 'struct' || inner.kind === 'closure' || inner.kind === 'err') return;
  if ((what.endsWith('condition') || what.startsWith('`match`') || what.startsWith('`for`')) && (inner.kind === 'block' || inner.kind === 'if' || inner.kind === 'match' || inner.kind === 'loop')) return;
  const open: Span = { lo: paren.span.lo, hi: paren.span.lo + 1 };
  const close: Span = { lo: paren.span.hi - 1, hi: paren.span.hi };
  const file = ctx.sourceMap.fileAt(paren.span.lo);
  const before = file.text[paren.span.lo - file.start - 1];
  const after = file.text[paren.span.hi - file.start];
  const openRep = isIdentChar(before) ? ' ' : '';
  const closeRep = isIdentChar(after) ? ' ' : '';
  const innerText = openRep + textOf(ctx, { lo: open.hi, hi: close.lo }) + closeRep;
  const d = warning(`unnecessary parentheses around ${what}`)
    .primary(open)
    .primary(close)
    .suggest(paren.span, 'remove these parentheses', innerText, 'verbose')
    .parts([
      { span: open, replacement: openRep },
      { span: close, replacement: closeRep },
    ]);
  const n = ctx.out.length;
  ctx.lints.emit('unused_parens', paren.span, d);
  sink.push(...ctx.out.splice(n));
}

function camelCase(ctx: PassContext, what: string, name: string, span: Span, sink: Diagnostic[]): void {
  if (isCamelCase(name)) return;
  const fixed = toCamelCase(name);
  const d = warning(`${what} \`${name}\` should have an upper camel case name`);
  if (fixed !== name && fixed !== '') d.primary(span).suggest(span, 'convert the identifier to upper camel case', fixed, 'inline', 'MaybeIncorrect');
  else d.primary(span, 'should have an UpperCamelCase name');
  emitInto(ctx, 'non_camel_case_types', span, d, sink);
}

function emitInto(ctx: PassContext, lint: LintName, at: Span, d: ReturnType<typeof warning>, sink: Diagnostic[]): void {
  const n = ctx.out.length;
  ctx.lints.emit(lint, at, d);
  sink.push(...ctx.out.splice(n));
}

/** Early lints, in AST order. */
export function earlyLints(ctx: PassContext): void {
  const found: Array<{ at: number; d: Diagnostic }> = [];
  const sink: Diagnostic[] = [];
  const push = (at: number): void => {
    for (const d of sink.splice(0)) found.push({ at, d });
  };
  walkCrate(ctx.ast, {
    item: (it) => {
      if (it.kind === 'struct' || it.kind === 'enum' || it.kind === 'union' || it.kind === 'type' || it.kind === 'trait') {
        camelCase(ctx, it.kind === 'trait' ? 'trait' : 'type', it.ident.name, it.ident.span, sink);
        push(it.ident.span.lo);
      }
      if (it.kind === 'enum') {
        for (const v of it.variants) {
          camelCase(ctx, 'variant', v.ident.name, v.ident.span, sink);
          push(v.ident.span.lo);
        }
      }
    },
    stmt: (s) => {
      if (s.kind === 'let' && s.init?.kind === 'paren') {
        unusedParens(ctx, s.init, 'assigned value', sink);
        push(s.init.span.lo);
      }
      // `{ { x + 1 } }`: braces around a block's value that hold one plain expression.
      if (s.kind === 'expr' && !s.semi && s.expr.kind === 'block' && !s.expr.unsafe && !s.expr.const && !s.expr.async && !s.expr.label) {
        const inner = s.expr.block.stmts;
        const only = inner[0];
        if (inner.length === 1 && only?.kind === 'expr' && !only.semi && !['block', 'if', 'match', 'loop', 'while', 'for', 'macro'].includes(only.expr.kind)) {
          const b = s.expr;
          const open: Span = { lo: b.span.lo, hi: only.expr.span.lo };
          const close: Span = { lo: only.expr.span.hi, hi: b.span.hi };
          const d = warning('unnecessary braces around block return value')
            .primary(open)
            .primary(close)
            .suggest(b.span, 'remove these braces', textOf(ctx, only.expr.span), 'verbose')
            .parts([
              { span: open, replacement: '' },
              { span: close, replacement: '' },
            ]);
          emitInto(ctx, 'unused_braces', b.span, d, sink);
          push(b.span.lo);
        }
      }
      // Only a block's tail is an expression statement without `;` that is not block-like.
      if (s.kind === 'expr' && !s.semi && s.expr.kind === 'paren') {
        unusedParens(ctx, s.expr, 'block return value', sink);
        push(s.expr.span.lo);
      }
    },
    expr: (e) => {
      if ((e.kind === 'while' || e.kind === 'loop' || e.kind === 'for' || e.kind === 'block') && e.label && !labelUsed(e, e.label.name)) {
        const span = e.label.span;
        emitInto(ctx, 'unused_labels', span, warning('unused label').primary(span), sink);
        push(span.lo);
      }
      if (e.kind === 'while' && e.cond.kind === 'lit' && e.cond.lit.kind === 'bool' && e.cond.lit.symbol === 'true') {
        // `while true` (with its label, if any) is what rustc underlines and replaces.
        const span: Span = { lo: e.label ? e.label.span.lo : e.span.lo, hi: e.cond.span.hi };
        const label = e.label ? `${e.label.name}: ` : '';
        const d = warning('denote infinite loops with `loop { ... }`').primary(span).suggest(span, 'use `loop`', `${label}loop`, 'short', 'MachineApplicable');
        emitInto(ctx, 'while_true', span, d, sink);
        push(span.lo);
      }
      parenContexts(e, (inner, what) => {
        if (inner.kind === 'paren') {
          unusedParens(ctx, inner, what, sink);
          push(inner.span.lo);
        }
      });
    },
  });
  redundantSemicolons(ctx, found);
  unusedDocComments(ctx, found);
  found.sort((a, b) => a.at - b.at);
  ctx.out.push(...found.map((f) => f.d));
}

/** Late naming lints; returned with their positions so index.ts can merge them with other late lints. */
export function lateNamingLints(ctx: PassContext): Array<{ at: number; d: Diagnostic }> {
  const found: Array<{ at: number; d: Diagnostic }> = [];
  const sink: Diagnostic[] = [];
  const snake = (what: string, name: string, span: Span): void => {
    if (isSnakeCase(name)) return;
    const fixed = toSnakeCase(name);
    const d = warning(`${what} \`${name}\` should have a snake case name`).primary(span).suggest(span, 'convert the identifier to snake case', fixed, 'inline', 'MaybeIncorrect');
    emitInto(ctx, 'non_snake_case', span, d, sink);
    for (const x of sink.splice(0)) found.push({ at: span.lo, d: x });
  };
  const upper = (what: string, name: string, span: Span): void => {
    if (name === '_' || isUpperCase(name)) return;
    const d = warning(`${what} \`${name}\` should have an upper case name`).primary(span).suggest(span, 'convert the identifier to upper case', name.toUpperCase(), 'inline', 'MaybeIncorrect');
    emitInto(ctx, 'non_upper_case_globals', span, d, sink);
    for (const x of sink.splice(0)) found.push({ at: span.lo, d: x });
  };
  walkCrate(ctx.ast, {
    item: (it, parent) => {
      const inTraitImpl = parent?.kind === 'impl' && parent.trait !== undefined;
      switch (it.kind) {
        case 'fn':
          if (!hasAttr(it.attrs, 'no_mangle') && !inTraitImpl && parent?.kind !== 'externBlock') snake(parent?.kind === 'impl' ? 'method' : 'function', it.ident.name, it.ident.span);
          break;
        case 'static':
          if (!hasAttr(it.attrs, 'no_mangle') && parent?.kind !== 'externBlock') upper('static variable', it.ident.name, it.ident.span);
          break;
        case 'const':
          if (!inTraitImpl) upper(parent?.kind === 'impl' ? 'associated constant' : 'constant', it.ident.name, it.ident.span);
          break;
        case 'mod':
          snake('module', it.ident.name, it.ident.span);
          break;
        case 'struct':
        case 'union':
          if (it.data.kind !== 'unit') for (const f of it.data.fields) if (f.ident) snake('structure field', f.ident.name, f.ident.span);
          break;
        default:
          break;
      }
    },
  });
  for (const { body } of bodiesOf(ctx.crate)) {
    for (const l of body.locals) if (l.name !== 'self') snake('variable', l.name, l.span);
  }
  return found;
}
