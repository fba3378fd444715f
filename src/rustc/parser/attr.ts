// Attributes, outer (`#[…]`, `///`) and inner (`#![…]`, `//!`), and visibility.
import type { Attribute, Path, TokenTree, Visibility } from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import { span } from '../span/span.ts';
import type { Parser } from './parser.ts';
import { parseExpr } from './expr.ts';
import { parsePath } from './path.ts';
import { parseTokenTree } from './token-tree.ts';

function docPath(p: Parser): Path {
  const s = p.token.span;
  return { span: s, global: false, segments: [{ ident: { name: 'doc', span: s } }] };
}

/** Attributes of one style at the current position. An inner one where outer ones belong is reported. */
export function parseAttributes(p: Parser, inner: boolean): Attribute[] {
  const attrs: Attribute[] = [];
  for (;;) {
    const t = p.token;
    if (t.kind === 'doc') {
      if (t.doc!.inner !== inner) {
        if (inner) break;
        p.bump();
        // Reported once the item it sits on is known (see Parser.pendingAttrDiags).
        const bang = span(t.span.lo + 2, t.span.lo + 3);
        const d = error('expected outer doc comment', 'E0753').primary(t.span);
        d.suggest(bang, '', t.doc!.block ? '*' : '/', 'verbose');
        p.pendingAttrDiags.push({ diag: d, what: 'doc comment' });
        continue;
      }
      attrs.push({ span: t.span, inner, path: docPath(p), tts: [], doc: t.doc!.text });
      p.bump();
      continue;
    }
    if (!p.is('#')) break;
    const isInner = p.is('!', p.look(1));
    if (isInner !== inner) {
      if (inner) break;
      // `#![…]` among outer attributes: reported once the item it sits on is known.
      const attr = parseAttribute(p);
      const prevOuter = [...attrs].reverse().find((a) => !a.inner && a.doc === undefined);
      const d = prevOuter
        ? error('an inner attribute is not permitted following an outer attribute').secondary(prevOuter.span, 'previous outer attribute').primary(attr.span, 'not permitted following an outer attribute')
        : error('an inner attribute is not permitted in this context').primary(attr.span);
      d.note('inner attributes, like `#![no_std]`, annotate the item enclosing them, and are usually found at the beginning of source files');
      p.pendingAttrDiags.push({ diag: d, what: 'attribute' });
      attrs.push(attr);
      continue;
    }
    attrs.push(parseAttribute(p));
  }
  return attrs;
}

function parseAttribute(p: Parser): Attribute {
  const lo = p.token.span;
  p.expect('#');
  const inner = p.eat('!');
  p.expect('[');
  let unsafe = false;
  let path: Path;
  let tts: TokenTree[] = [];
  if (p.isKeyword('unsafe') && p.is('(', p.look(1))) {
    p.bump();
    p.bump();
    unsafe = true;
  }
  path = parsePath(p, 'mod');
  // Arguments: one delimited group, `= expression`, or nothing (rustc's attribute grammar).
  if (p.check('(') || p.check('[') || p.check('{')) tts.push(parseTokenTree(p));
  else if (p.check('=')) {
    const from = p.pos;
    p.bump();
    parseExpr(p);
    tts = p.tokens.slice(from, p.pos);
  }
  if (unsafe) p.expect(')');
  p.expect(']');
  const attr: Attribute = { span: p.spanFrom(lo), inner, path, tts };
  if (unsafe) attr.unsafe = true;
  return attr;
}

export function parseVisibility(p: Parser): Visibility {
  const lo = p.token.span;
  if (!p.checkKeyword('pub')) return { kind: 'inherited' };
  p.bump();
  if (p.is('(')) {
    const n = p.look(1);
    // pub(crate), pub(self), pub(super), pub(in path); `pub (A, B)` in a tuple struct is a type.
    if ((p.isKeyword('crate', n) || p.isKeyword('self', n) || p.isKeyword('super', n)) && p.is(')', p.look(2))) {
      p.bump();
      const path = parsePath(p, 'mod');
      p.expect(')');
      return { kind: 'restricted', path, in: false, span: p.spanFrom(lo) };
    }
    if (p.isKeyword('in', n)) {
      p.bump();
      p.bump();
      const path = parsePath(p, 'mod');
      p.expect(')');
      return { kind: 'restricted', path, in: true, span: p.spanFrom(lo) };
    }
  }
  return { kind: 'pub', span: lo };
}
