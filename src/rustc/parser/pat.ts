// Patterns: wildcards, bindings (`ref mut x @ sub`), literals and ranges, references, tuples,
// slices with `..`, paths, tuple structs, structs with `..`, or-patterns, macros.
import type { Expr, FieldPat, Pat } from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import { span, type Span } from '../span/span.ts';
import { parseAttributes } from './attr.ts';
import { parseExprBlock, parseLitExpr } from './expr.ts';
import type { Parser } from './parser.ts';
import { isPathSegmentStart, parseIdent, parsePath, parseQPath } from './path.ts';
import { parseDelimGroup } from './token-tree.ts';

/** A pattern with top-level alternatives (`A | B`), as in `let`, `match` arms and `for`. */
export function parsePat(p: Parser): Pat {
  const lo = p.token.span;
  p.eat('|');
  const first = parsePatNoTopAlt(p);
  if (!p.check('|')) return first;
  const pats = [first];
  while (p.is('|') && !p.is('||')) {
    p.bump();
    pats.push(parsePatNoTopAlt(p));
  }
  return { kind: 'or', pats, span: p.spanFrom(lo) };
}

export function parsePatNoTopAlt(p: Parser): Pat {
  p.enter();
  try {
    return parsePatInner(p);
  } finally {
    p.leave();
  }
}

function parsePatList(p: Parser, close: string): Pat[] {
  const elems: Pat[] = [];
  while (!p.check(close)) {
    if (p.isEof()) p.unexpected();
    elems.push(parsePat(p));
    // rustc looks for a guard written inside parentheses (`(x if c)`), so lists `if` as expected.
    if (close === ')') p.checkKeyword('if');
    if (p.eat(',')) continue;
    if (p.check(close)) break;
    elems.push(p.recoverMissingComma(() => parsePat(p)));
    if (!p.eat(',')) break;
  }
  p.expect(close);
  return elems;
}

function isRangeEnd(p: Parser): boolean {
  const a = p.check('..=');
  const b = p.check('...');
  const c = p.check('..');
  return a || b || c;
}

function canStartRangeHi(p: Parser): boolean {
  const t = p.token;
  return t.kind === 'lit' || (p.is('-') && p.look(1).kind === 'lit') || p.is('::') || p.is('<') || isPathSegmentStart(p);
}

function parseRangeHi(p: Parser): Expr {
  const t = p.token;
  if (t.kind === 'lit' || p.is('-')) return parseLitExpr(p, true);
  if (p.is('<')) {
    const { qself, path } = parseQPath(p, 'expr');
    return { kind: 'path', qself, path, span: path.span };
  }
  const path = parsePath(p, 'expr');
  return { kind: 'path', path, span: path.span };
}

function finishRange(p: Parser, lo: Span, start: Expr): Pat {
  const op = p.bump().text as '..=' | '...' | '..';
  if (op === '..' ) {
    // `a..` (half-open) or `a..b` (exclusive range pattern).
    if (canStartRangeHi(p)) {
      const hi = parseRangeHi(p);
      return { kind: 'range', lo: start, hi, end: '..', span: p.spanFrom(lo) };
    }
    return { kind: 'range', lo: start, end: '..', span: p.spanFrom(lo) };
  }
  const hi = parseRangeHi(p);
  return { kind: 'range', lo: start, hi, end: op, span: p.spanFrom(lo) };
}

function parsePatInner(p: Parser): Pat {
  const lo = p.token.span;
  const t = p.token;
  if (p.isKeyword('_')) {
    p.bump();
    return { kind: 'wild', span: t.span };
  }
  if (p.is('..=') || p.is('...')) {
    p.bump();
    const hi = parseRangeHi(p);
    return { kind: 'range', hi, end: '..=', span: p.spanFrom(lo) };
  }
  if (p.is('..')) {
    p.bump();
    if (canStartRangeHi(p) && !p.is(',') ) {
      const hi = parseRangeHi(p);
      return { kind: 'range', hi, end: '..', span: p.spanFrom(lo) };
    }
    return { kind: 'rest', span: t.span };
  }
  if (p.checkSplit('&')) {
    p.eatSplit('&');
    const mut = p.eatKeyword('mut');
    const pat = parsePatNoTopAlt(p);
    return { kind: 'ref', mut, pat, span: p.spanFrom(lo) };
  }
  if (p.is('(')) {
    p.bump();
    const elems: Pat[] = [];
    let trailing = false;
    while (!p.check(')')) {
      if (p.isEof()) p.unexpected();
      elems.push(parsePat(p));
      p.checkKeyword('if'); // as in parsePatList
      trailing = false;
      if (p.eat(',')) {
        trailing = true;
        continue;
      }
      if (p.check(')')) break;
      elems.push(p.recoverMissingComma(() => parsePat(p)));
      if (!p.eat(',')) break;
      trailing = true;
    }
    p.expect(')');
    if (elems.length === 1 && !trailing && elems[0]!.kind !== 'rest') return { kind: 'paren', pat: elems[0]!, span: p.spanFrom(lo) };
    return { kind: 'tuple', elems, span: p.spanFrom(lo) };
  }
  if (p.is('[')) {
    p.bump();
    return { kind: 'slice', elems: parsePatList(p, ']'), span: p.spanFrom(lo) };
  }
  if (t.kind === 'lit' || (p.is('-') && p.look(1).kind === 'lit') || p.isKeyword('true') || p.isKeyword('false')) {
    const expr = parseLitExpr(p, true);
    if (isRangeEnd(p)) return finishRange(p, lo, expr);
    return { kind: 'lit', expr, span: p.spanFrom(lo) };
  }
  if (p.isKeyword('const') && p.is('{', p.look(1))) {
    p.bump();
    const expr = parseExprBlock(p);
    return { kind: 'lit', expr, span: p.spanFrom(lo) };
  }
  if (p.isKeyword('box')) {
    p.bump();
    const pat = parsePatNoTopAlt(p);
    return { kind: 'box', pat, span: p.spanFrom(lo) };
  }
  if (p.isKeyword('ref') || p.isKeyword('mut')) {
    const byRef = p.eatKeyword('ref');
    const mut = p.eatKeyword('mut');
    return parseBinding(p, lo, byRef, byRef && mut, !byRef && mut);
  }
  // A lone identifier not followed by path syntax is a binding.
  if (p.isIdent(t) && !p.is('::', p.look(1)) && !p.is('(', p.look(1)) && !p.is('{', p.look(1)) && !(p.is('!', p.look(1)) && !p.is('!=', p.look(1))) && !isRangeEndAt(p, 1)) {
    return parseBinding(p, lo, false, false, false);
  }
  if (p.checkSplit('<')) {
    const { qself, path } = parseQPath(p, 'expr');
    return finishPathPat(p, lo, path, qself);
  }
  if (p.check('::') || isPathSegmentStart(p)) {
    const path = parsePath(p, 'expr');
    if (p.check('!')) {
      p.bump();
      const g = parseDelimGroup(p);
      const mac = { path, delim: g.delim, tts: g.tts, span: p.spanFrom(lo) };
      return { kind: 'macro', mac, span: mac.span };
    }
    return finishPathPat(p, lo, path, undefined);
  }
  if (p.isKeyword('let')) {
    // `let let x`: rustc offers to drop the extra keyword (and the space after it).
    const next = p.look(1).span.lo;
    p.fail(error('expected pattern, found `let`').primary(t.span).suggest(span(t.span.lo, next), 'remove the unnecessary `let` keyword', '', 'verbose'));
  }
  if (t.kind === 'ident' && !t.raw) parseIdent(p); // a keyword: "expected identifier, found keyword …"
  p.expect_('pattern');
  p.fail(error(`expected pattern, found ${p.describe()}`).primary(p.token.span, 'expected pattern'));
}

function isRangeEndAt(p: Parser, n: number): boolean {
  const t = p.look(n);
  return p.is('..=', t) || p.is('...', t) || p.is('..', t);
}

function finishPathPat(p: Parser, lo: Span, path: import('../ast/ast.ts').Path, qself: import('../ast/ast.ts').QSelf | undefined): Pat {
  const withQ = <T extends object>(o: T) => (qself ? { ...o, qself } : o);
  if (p.check('(')) {
    p.bump();
    const elems = parsePatList(p, ')');
    return withQ({ kind: 'tupleStruct' as const, path, elems, span: p.spanFrom(lo) });
  }
  if (p.check('{')) {
    p.bump();
    const fields: FieldPat[] = [];
    let rest = false;
    while (!p.check('}')) {
      if (p.isEof()) p.unexpected();
      const attrs = parseAttributes(p, false);
      if (p.eat('..')) {
        rest = true;
        break;
      }
      const flo = p.token.span;
      if (p.isKeyword('ref') || p.isKeyword('mut') || p.isKeyword('box')) {
        const byRef = p.eatKeyword('ref');
        const mut = p.eatKeyword('mut');
        const ident = parseIdent(p);
        const pat: Pat = { kind: 'ident', byRef, mut: !byRef && mut, refMut: byRef && mut, ident, span: p.spanFrom(flo) };
        fields.push({ attrs, ident, pat, shorthand: true, span: p.spanFrom(flo) });
      } else {
        let ident;
        if (p.token.kind === 'lit' && p.token.lit!.kind === 'int') {
          const t = p.bump();
          ident = { name: t.text, span: t.span };
        } else ident = parseIdent(p);
        if (p.eat(':')) {
          const pat = parsePat(p);
          fields.push({ attrs, ident, pat, shorthand: false, span: p.spanFrom(flo) });
        } else {
          const pat: Pat = { kind: 'ident', byRef: false, mut: false, refMut: false, ident, span: ident.span };
          fields.push({ attrs, ident, pat, shorthand: true, span: p.spanFrom(flo) });
        }
      }
      if (!p.eat(',')) break;
    }
    p.expect('}');
    return withQ({ kind: 'struct' as const, path, fields, rest, span: p.spanFrom(lo) });
  }
  if (isRangeEnd(p)) {
    const start: Expr = qself ? { kind: 'path', qself, path, span: path.span } : { kind: 'path', path, span: path.span };
    return finishRange(p, lo, start);
  }
  return withQ({ kind: 'path' as const, path, span: p.spanFrom(lo) });
}

function parseBinding(p: Parser, lo: Span, byRef: boolean, refMut: boolean, mut: boolean): Pat {
  const ident = parseIdent(p);
  let sub: Pat | undefined;
  if (p.eat('@')) sub = parsePatNoTopAlt(p);
  const pat: Pat = { kind: 'ident', byRef, mut, refMut, ident, span: lo };
  if (sub) pat.sub = sub;
  pat.span = p.spanFrom(lo);
  return pat;
}
