// Paths in their three forms: in expressions generic arguments need a turbofish (`f::<T>`), in
// types they follow directly (`Vec<T>`), and module paths (`use`, visibility) take none.
// Also qualified paths `<T as Trait>::Item`.
import type { GenericArg, GenericArgs, Ident, Path, PathSegment, QSelf, Type } from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import { span } from '../span/span.ts';
import { parseExprBlock, parseLitExpr } from './expr.ts';
import type { Parser } from './parser.ts';
import { parseBounds, parseType } from './ty.ts';

export type PathMode = 'expr' | 'type' | 'mod';

const PATH_KEYWORDS = new Set(['self', 'Self', 'super', 'crate']);

export function isPathSegmentStart(p: Parser, t = p.token): boolean {
  return p.isIdent(t) || (t.kind === 'ident' && !t.raw && PATH_KEYWORDS.has(t.text)) || (p.is('$', t));
}

export function parseIdent(p: Parser): Ident {
  p.expect_('identifier');
  const t = p.token;
  if (p.isIdent(t)) {
    p.bump();
    return t.raw ? { name: t.text, span: t.span, raw: true } : { name: t.text, span: t.span };
  }
  if (t.kind === 'ident' && !t.raw) {
    // A keyword where a name belongs: rustc names it and offers the raw identifier.
    const d = error(`expected identifier, found ${p.describe(t)}`).primary(t.span, 'expected identifier, found ' + p.describe(t).replace(/ `.*$/, ''));
    if (t.text !== '_' && !['self', 'Self', 'super', 'crate'].includes(t.text)) d.suggest(span(t.span.lo, t.span.lo), `escape \`${t.text}\` to use it as an identifier`, 'r#', 'verbose', 'MaybeIncorrect');
    p.fail(d);
  }
  // rustc says just "expected identifier" here, whatever else was possible.
  p.fail(error(`expected identifier, found ${p.describe(t)}`).primary(t.span, 'expected identifier'));
}

function parseSegmentIdent(p: Parser): Ident {
  const t = p.token;
  if (t.kind === 'ident' && !t.raw && PATH_KEYWORDS.has(t.text)) {
    p.bump();
    return { name: t.text, span: t.span };
  }
  if (p.is('$') && p.look(1).kind === 'ident' && p.look(1).text === 'crate') {
    p.bump();
    const c = p.bump();
    return { name: '$crate', span: span(t.span.lo, c.span.hi) };
  }
  return parseIdent(p);
}

/** `<T as Trait>::rest` — returns the qself and the full path (trait segments then the rest). */
export function parseQPath(p: Parser, mode: PathMode): { qself: QSelf; path: Path } {
  const lo = p.token.span;
  p.expectSplit('<');
  const ty = parseType(p);
  let traitPath: Path = { span: span(lo.hi, lo.hi), global: false, segments: [] };
  if (p.eatKeyword('as')) traitPath = parsePath(p, 'type');
  p.expectSplit('>');
  p.expect('::');
  const rest = parsePathSegments(p, mode);
  const path: Path = { span: p.spanFrom(lo), global: traitPath.global, segments: [...traitPath.segments, ...rest] };
  return { qself: { ty, position: traitPath.segments.length }, path };
}

export function parsePath(p: Parser, mode: PathMode): Path {
  const lo = p.token.span;
  const global = p.eat('::');
  const segments = parsePathSegments(p, mode);
  return { span: p.spanFrom(lo), global, segments };
}

function parsePathSegments(p: Parser, mode: PathMode): PathSegment[] {
  const segments: PathSegment[] = [];
  for (;;) {
    segments.push(parsePathSegment(p, mode));
    // `a::b`, but not `a::{` / `a::*` (use trees) and not `::<` in types already handled.
    if (p.is('::') && (isPathSegmentStart(p, p.look(1)) || (mode !== 'mod' && p.is('<', p.look(1))))) {
      if (p.is('<', p.look(1))) break; // handled inside parsePathSegment for expr paths
      p.bump();
      continue;
    }
    p.check('::');
    break;
  }
  return segments;
}

function parsePathSegment(p: Parser, mode: PathMode): PathSegment {
  const ident = parseSegmentIdent(p);
  if (mode === 'mod') return { ident };
  if (mode === 'type') {
    if (p.is('::') && (p.is('<', p.look(1)) || p.is('(', p.look(1)))) p.bump();
    if (p.checkSplit('<') && !p.is('<=') && !p.is('<<=')) return { ident, args: parseAngleArgs(p) };
    if (p.check('(')) return { ident, args: parseParenArgs(p) };
    return { ident };
  }
  // Expression paths: only a turbofish introduces arguments (`::(…)` parses too, as in rustc).
  if (p.is('::') && (p.is('<', p.look(1)) || p.is('<<', p.look(1)))) {
    p.bump();
    return { ident, args: parseAngleArgs(p) };
  }
  if (p.is('::') && p.is('(', p.look(1))) {
    p.bump();
    return { ident, args: parseParenArgs(p) };
  }
  return { ident };
}

export function parseAngleArgs(p: Parser): GenericArgs {
  const lo = p.token.span;
  p.expectSplit('<');
  const args: GenericArg[] = [];
  while (!p.checkSplit('>')) {
    if (p.isEof()) p.unexpected();
    args.push(parseGenericArg(p));
    if (!p.eat(',')) break;
  }
  p.expectSplit('>');
  return { kind: 'angle', args, span: p.spanFrom(lo) };
}

function parseGenericArg(p: Parser): GenericArg {
  const t = p.token;
  if (t.kind === 'lifetime') {
    p.bump();
    return { kind: 'lifetime', name: t.text, span: t.span };
  }
  // `Item = T`, `Item: Bound`, `Item<'a> = T`.
  if (p.isIdent(t)) {
    const n = p.look(1);
    if ((p.is('=', n) && !p.is('==', n)) || (p.is(':', n))) {
      const ident = parseIdent(p);
      if (p.eat('=')) {
        if (p.is('{')) return { kind: 'binding', ident, expr: parseExprBlock(p) };
        if (p.token.kind === 'lit' || p.is('-')) return { kind: 'binding', ident, expr: parseLitExpr(p, true) };
        return { kind: 'binding', ident, ty: parseType(p) };
      }
      p.expect(':');
      return { kind: 'binding', ident, bounds: parseBounds(p, true) };
    }
  }
  if (p.is('{')) return { kind: 'const', expr: parseExprBlock(p) };
  if (t.kind === 'lit' || (p.is('-') && p.look(1).kind === 'lit')) return { kind: 'const', expr: parseLitExpr(p, true) };
  if (p.isKeyword('true') || p.isKeyword('false')) return { kind: 'const', expr: parseLitExpr(p, true) };
  return { kind: 'type', ty: parseType(p) };
}

function parseParenArgs(p: Parser): GenericArgs {
  const lo = p.token.span;
  p.expect('(');
  const inputs: Type[] = [];
  while (!p.check(')')) {
    if (p.isEof()) p.unexpected();
    inputs.push(parseType(p));
    if (!p.eat(',')) break;
  }
  p.expect(')');
  let output: Type | undefined;
  if (p.eat('->')) output = parseType(p, false);
  return output ? { kind: 'paren', inputs, output, span: p.spanFrom(lo) } : { kind: 'paren', inputs, span: p.spanFrom(lo) };
}
