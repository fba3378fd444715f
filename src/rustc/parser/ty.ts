// Types, trait bounds and generics (parameters and where clauses).
import type { Bound, FnTypeParam, GenericParam, Generics, Type, WherePredicate } from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import { span } from '../span/span.ts';
import { parseAttributes } from './attr.ts';
import { parseExpr, parseExprBlock, parseLitExpr } from './expr.ts';
import type { Parser } from './parser.ts';
import { isPathSegmentStart, parseIdent, parsePath, parseQPath } from './path.ts';
import { parseDelimGroup } from './token-tree.ts';

/** `allowPlus` is false where `+` would be ambiguous (`&dyn A + B`, `as T`, after `->` in some places). */
export function parseType(p: Parser, allowPlus = true): Type {
  p.enter();
  try {
    return parseTypeInner(p, allowPlus);
  } finally {
    p.leave();
  }
}

function parseTypeInner(p: Parser, allowPlus: boolean): Type {
  const lo = p.token.span;
  const t = p.token;
  if (p.eat('(')) {
    const elems: Type[] = [];
    let trailingComma = false;
    while (!p.check(')')) {
      if (p.isEof()) p.unexpected();
      elems.push(parseType(p));
      trailingComma = false;
      if (!p.eat(',')) break;
      trailingComma = true;
    }
    p.expect(')');
    if (elems.length === 1 && !trailingComma) {
      const inner: Type = { kind: 'paren', ty: elems[0]!, span: p.spanFrom(lo) };
      if (allowPlus && p.check('+') && inner.ty.kind === 'path') return finishBareTraitObject(p, inner.ty, lo);
      return inner;
    }
    return { kind: 'tuple', elems, span: p.spanFrom(lo) };
  }
  if (p.eat('!')) return { kind: 'never', span: t.span };
  if (p.checkSplit('&')) {
    p.eatSplit('&');
    let lifetime: string | undefined;
    if (p.token.kind === 'lifetime') lifetime = p.bump().text;
    const mut = p.eatKeyword('mut');
    const ty = parseType(p, false);
    return lifetime ? { kind: 'ref', lifetime, mut, ty, span: p.spanFrom(lo) } : { kind: 'ref', mut, ty, span: p.spanFrom(lo) };
  }
  if (p.eat('*')) {
    let mut = false;
    if (p.eatKeyword('mut')) mut = true;
    else if (!p.eatKeyword('const')) {
      // `*u8`: rustc offers both and reads on as `*const`.
      const star = p.prev.span;
      const at = span(star.hi, star.hi);
      const d = error('expected `mut` or `const` keyword in raw pointer type').primary(star).suggest(at, 'add `mut` or `const` here', 'mut ', 'verbose', 'HasPlaceholders');
      d.diag.suggestions[0]!.alternatives = ['const '];
      p.report(d);
    }
    const ty = parseType(p, false);
    return { kind: 'ptr', mut, ty, span: p.spanFrom(lo) };
  }
  if (p.eat('[')) {
    const ty = parseType(p);
    if (p.eat(';')) {
      const len = parseExpr(p);
      p.expect(']');
      return { kind: 'array', ty, len, span: p.spanFrom(lo) };
    }
    if (!p.is(']')) {
      const at = span(p.prev.span.hi, p.prev.span.hi);
      p.fail(
        error(`expected \`;\` or \`]\`, found ${p.describe()}`)
          .primary(p.token.span, 'expected `;` or `]`')
          .suggest(p.is(',') ? p.token.span : at, 'you might have meant to use `;` as the separator', ';', 'verbose', 'MaybeIncorrect'),
      );
    }
    p.expect(']');
    return { kind: 'slice', ty, span: p.spanFrom(lo) };
  }
  if (p.isKeyword('_')) {
    p.bump();
    return { kind: 'infer', span: t.span };
  }
  if (p.isKeyword('fn') || p.isKeyword('unsafe') || p.isKeyword('extern') || (p.isKeyword('for') && p.is('<', p.look(1)) && isFnAfterFor(p))) {
    return parseFnType(p);
  }
  if (p.isKeyword('impl')) {
    p.bump();
    const bounds = parseBounds(p, allowPlus);
    return { kind: 'impl', bounds, span: p.spanFrom(lo) };
  }
  if (p.isKeyword('dyn')) {
    p.bump();
    const bounds = parseBounds(p, allowPlus);
    return { kind: 'dyn', bounds, explicit: true, span: p.spanFrom(lo) };
  }
  if (p.is('?') || (p.isKeyword('for') && p.is('<', p.look(1)))) {
    const bounds = parseBounds(p, allowPlus);
    return { kind: 'dyn', bounds, explicit: false, span: p.spanFrom(lo) };
  }
  if (p.checkSplit('<')) {
    const { qself, path } = parseQPath(p, 'type');
    return { kind: 'path', qself, path, span: p.spanFrom(lo) };
  }
  if (p.check('::') || isPathSegmentStart(p)) {
    const path = parsePath(p, 'type');
    if (p.check('!')) {
      p.bump();
      if (!p.is('(') && !p.is('[') && !p.is('{')) p.unexpected();
      const g = parseDelimGroup(p);
      const mac = { path, delim: g.delim, tts: g.tts, span: p.spanFrom(lo) };
      return { kind: 'macro', mac, span: mac.span };
    }
    const ty: Type = { kind: 'path', path, span: p.spanFrom(lo) };
    if (allowPlus && p.check('+')) return finishBareTraitObject(p, ty, lo);
    return ty;
  }
  if (t.kind === 'lifetime') {
    const bounds = parseBounds(p, allowPlus);
    return { kind: 'dyn', bounds, explicit: false, span: p.spanFrom(lo) };
  }
  p.expect_('type');
  p.fail(error(`expected type, found ${p.describe()}`).primary(p.token.span, 'expected type'));
}

function isFnAfterFor(p: Parser): boolean {
  // `for<'a> fn(&'a u8)` is a fn pointer type; `for<'a> Trait<'a>` a bound.
  let i = 1;
  let depth = 0;
  for (; i < 64; i++) {
    const t = p.look(i);
    if (p.is('<', t)) depth++;
    else if (p.is('>', t)) {
      depth--;
      if (depth === 0) break;
    } else if (t.kind === 'eof') return false;
  }
  const after = p.look(i + 1);
  return p.isKeyword('fn', after) || p.isKeyword('unsafe', after) || p.isKeyword('extern', after);
}

function finishBareTraitObject(p: Parser, first: Type & { kind: 'path' }, lo: { lo: number }): Type {
  const bounds: Bound[] = [{ kind: 'trait', path: first.path, modifier: '', forLifetimes: [], paren: false, span: first.span }];
  while (p.eat('+')) {
    if (!startsBound(p)) break;
    bounds.push(parseBound(p));
  }
  return { kind: 'dyn', bounds, explicit: false, span: p.spanFrom(span(lo.lo, lo.lo)) };
}

function parseFnType(p: Parser): Type {
  const lo = p.token.span;
  const forLifetimes = p.isKeyword('for') ? parseForLifetimes(p) : [];
  const unsafe = p.eatKeyword('unsafe');
  let abi: string | undefined;
  if (p.eatKeyword('extern')) abi = p.token.kind === 'lit' ? p.bump().lit!.value : 'C';
  p.expectKeyword('fn');
  p.expect('(');
  const params: FnTypeParam[] = [];
  let variadic = false;
  while (!p.check(')')) {
    if (p.isEof()) p.unexpected();
    parseAttributes(p, false);
    if (p.eat('...')) {
      variadic = true;
      p.eat(',');
      break;
    }
    let name;
    if ((p.isIdent() || p.isKeyword('_')) && p.is(':', p.look(1)) && !p.is('::', p.look(1))) {
      const t = p.bump();
      name = { name: t.text, span: t.span };
      p.bump();
    }
    const ty = parseType(p);
    params.push(name ? { name, ty } : { ty });
    if (!p.eat(',')) break;
  }
  p.expect(')');
  let ret: Type | undefined;
  if (p.eat('->')) ret = parseType(p, false);
  const base = { kind: 'fn' as const, forLifetimes, unsafe, params, variadic, span: p.spanFrom(lo) };
  return { ...base, ...(abi !== undefined ? { abi } : {}), ...(ret ? { ret } : {}) };
}

export function parseForLifetimes(p: Parser): GenericParam[] {
  p.expectKeyword('for');
  return parseGenericParams(p);
}

function startsBound(p: Parser): boolean {
  return p.token.kind === 'lifetime' || p.is('?') || p.is('(') || p.is('~') || p.is('::') || p.is('<') || isPathSegmentStart(p) || p.isKeyword('for') || p.isKeyword('const') || p.isKeyword('async') || p.isKeyword('use');
}

export function parseBounds(p: Parser, allowPlus = true): Bound[] {
  const bounds: Bound[] = [];
  while (startsBound(p)) {
    bounds.push(parseBound(p));
    if (!allowPlus || !p.eat('+')) break;
  }
  return bounds;
}

function parseBound(p: Parser): Bound {
  const lo = p.token.span;
  if (p.token.kind === 'lifetime') {
    const t = p.bump();
    return { kind: 'lifetime', name: t.text, span: t.span };
  }
  if (p.isKeyword('use') && p.is('<', p.look(1))) {
    p.bump();
    p.expectSplit('<');
    const args: string[] = [];
    while (!p.checkSplit('>') && !p.isEof()) {
      args.push(p.bump().text);
      if (!p.eat(',')) break;
    }
    p.expectSplit('>');
    return { kind: 'use', args, span: p.spanFrom(lo) };
  }
  const paren = p.eat('(');
  const forLifetimes = p.isKeyword('for') ? parseForLifetimes(p) : [];
  let modifier: '' | '?' | '~const' | 'const' | 'async' = '';
  if (p.eat('?')) modifier = '?';
  else if (p.is('~') && p.isKeyword('const', p.look(1))) {
    p.bump();
    p.bump();
    modifier = '~const';
  } else if (p.eatKeyword('const')) modifier = 'const';
  else if (p.eatKeyword('async')) modifier = 'async';
  const path = parsePath(p, 'type');
  if (paren) p.expect(')');
  return { kind: 'trait', path, modifier, forLifetimes, paren, span: p.spanFrom(lo) };
}

/** `<'a, T: Bound = Default, const N: usize = 3>` */
export function parseGenericParams(p: Parser): GenericParam[] {
  const params: GenericParam[] = [];
  if (!p.checkSplit('<')) return params;
  p.expectSplit('<');
  while (!p.checkSplit('>')) {
    if (p.isEof()) p.unexpected();
    const attrs = parseAttributes(p, false);
    const lo = p.token.span;
    if (p.token.kind === 'lifetime') {
      const name = p.bump().text;
      const bounds: string[] = [];
      if (p.eat(':')) {
        while (p.token.kind === 'lifetime') {
          bounds.push(p.bump().text);
          if (!p.eat('+')) break;
        }
      }
      params.push({ kind: 'lifetime', name, bounds, attrs, span: p.spanFrom(lo) });
    } else if (p.eatKeyword('const')) {
      const ident = parseIdent(p);
      p.expect(':');
      const ty = parseType(p);
      let def;
      if (p.eat('=')) def = p.is('{') ? parseExprBlock(p) : parseLitExpr(p, true);
      params.push(def ? { kind: 'const', ident, ty, default: def, attrs, span: p.spanFrom(lo) } : { kind: 'const', ident, ty, attrs, span: p.spanFrom(lo) });
    } else {
      const ident = parseIdent(p);
      const bounds = p.eat(':') ? parseBounds(p) : [];
      let def;
      if (p.eat('=')) def = parseType(p);
      params.push(def ? { kind: 'type', ident, bounds, default: def, attrs, span: p.spanFrom(lo) } : { kind: 'type', ident, bounds, attrs, span: p.spanFrom(lo) });
    }
    if (!p.eat(',')) break;
  }
  p.expectSplit('>');
  return params;
}

export function parseGenerics(p: Parser): Generics {
  const lo = p.token.span;
  const params = parseGenericParams(p);
  return { params, where: [], span: params.length ? p.spanFrom(lo) : span(lo.lo, lo.lo) };
}

export function parseWhereClause(p: Parser, g: Generics): void {
  if (!p.eatKeyword('where')) return;
  while (!p.check('{') && !p.check(';') && !p.isEof() && !p.check('=')) {
    const lo = p.token.span;
    let pred: WherePredicate;
    if (p.token.kind === 'lifetime') {
      const name = p.bump().text;
      p.expect(':');
      const bounds: string[] = [];
      while (p.token.kind === 'lifetime') {
        bounds.push(p.bump().text);
        if (!p.eat('+')) break;
      }
      pred = { kind: 'lifetime', name, bounds, span: p.spanFrom(lo) };
    } else {
      const forLifetimes = p.isKeyword('for') ? parseForLifetimes(p) : [];
      const ty = parseType(p);
      p.expect(':');
      const bounds = parseBounds(p);
      pred = { kind: 'bound', forLifetimes, ty, bounds, span: p.spanFrom(lo) };
    }
    g.where.push(pred);
    if (!p.eat(',')) break;
  }
}
