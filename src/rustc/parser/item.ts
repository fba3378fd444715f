// Items: functions (const/async/unsafe/extern "C"), structs, enums, unions, impls, traits,
// modules, use trees, statics, consts, type aliases, extern blocks and crates, macro_rules!
// and macro invocations; plus the crate root with its inner attributes.
import type { Attribute, Block, Crate, FieldDef, FnSig, Item, ItemKind, Param, Path, SelfParam, UseTree, Variant, VariantData, Visibility } from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import { span, type Span } from '../span/span.ts';
import { parseAttributes, parseVisibility } from './attr.ts';
import { parseBlock, parseExpr } from './expr.ts';
import { ParseError, type Parser } from './parser.ts';
import { parseIdent, parsePath } from './path.ts';
import { parsePat } from './pat.ts';
import { parseDelimGroup } from './token-tree.ts';
import { parseBounds, parseGenerics, parseType, parseWhereClause } from './ty.ts';

export function parseCrateRoot(p: Parser): Crate {
  const lo = p.token.span;
  let attrs: Attribute[] = [];
  try {
    attrs = parseAttributes(p, true);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    p.fatalCount ??= p.diagnostics.length;
    p.recoverItem();
  }
  const items = parseItems(p, true);
  return { attrs, items, span: span(lo.lo, p.token.span.hi) };
}

/**
 * The items of an impl, trait or extern block, after its `{`. As rustc, an error in one abandons
 * the list: the rest up to its `}` is skipped and the error is labelled with where the list
 * starts and ends.
 */
function parseItemList(p: Parser, openIdx: number, kind: 'impl' | 'trait' | 'extern'): Item[] {
  const saved = p.inItemList;
  p.inItemList = kind;
  try {
    return parseItemListInner(p, openIdx);
  } finally {
    p.inItemList = saved;
  }
}

function parseItemListInner(p: Parser, openIdx: number): Item[] {
  const items: Item[] = [];
  while (!p.isEof() && !p.is('}')) {
    const before = p.pos;
    const reported = p.diagnostics.length;
    try {
      const lo = p.token.span;
      const attrs = parseAttributes(p, false);
      if (p.is('}')) break;
      items.push(parseItem(p, attrs, lo));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      const close = p.closeOf[openIdx]!;
      if (close >= p.pos) p.pos = close;
      else p.recoverItem();
      const d = p.diagnostics[p.diagnostics.length - 1];
      if (d && p.diagnostics.length > reported) {
        d.spans.push({ span: p.tokens[openIdx]!.span, label: 'while parsing this item list starting here', primary: false });
        if (p.is('}')) d.spans.push({ span: p.token.span, label: 'the item list ends here', primary: false });
      }
      // The caller eats the `}`.
      break;
    }
    if (p.pos === before) p.bump();
  }
  return items;
}

/** Items until `}` (or the end of the file at the crate root), recovering after each bad one. */
function parseItems(p: Parser, root: boolean): Item[] {
  const items: Item[] = [];
  while (!p.isEof() && !(!root && p.is('}'))) {
    const before = p.pos;
    try {
      const lo = p.token.span;
      const attrs = parseAttributes(p, false);
      if (!root && p.is('}')) break;
      if (p.isEof() || (attrs.length > 0 && !canStartItem(p))) {
        if (attrs.length > 0) p.fail(error('expected item after attributes').primary(attrs[attrs.length - 1]!.span));
        break;
      }
      items.push(parseItem(p, attrs, lo));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      p.fatalCount ??= p.diagnostics.length;
      p.recoverItem();
    }
    if (p.pos === before) p.bump();
  }
  return items;
}

/** Whether an item (of any kind, macro invocations included) could start here. */
function canStartItem(p: Parser): boolean {
  const t = p.token;
  return t.kind === 'ident' || p.is('::');
}

/** Whether the tokens ahead start an item (used by statements). */
export function startsItem(p: Parser): boolean {
  const t = p.token;
  if (t.kind !== 'ident' || t.raw) return false;
  const n = p.look(1);
  switch (t.text) {
    case 'fn': case 'struct': case 'enum': case 'use': case 'static': case 'impl': case 'trait': case 'mod': case 'type': case 'pub':
      return !(t.text === 'static' && (p.is('|', n) || p.is('||', n) || p.isKeyword('move', n)));
    case 'extern':
      return true;
    case 'const':
      return !p.is('{', n) && !(p.isKeyword('move', n) || p.is('|', n) || p.is('||', n));
    case 'unsafe':
      return !p.is('{', n);
    case 'async':
      return p.isKeyword('fn', n) || (p.isKeyword('unsafe', n) && p.isKeyword('fn', p.look(2)));
    case 'union':
      return p.isIdent(n) && !p.isKeyword('union', n);
    case 'auto':
      return p.isKeyword('trait', n);
    case 'macro_rules':
      return p.is('!', n) && p.isIdent(p.look(2));
    case 'safe':
      return p.isKeyword('fn', n) || p.isKeyword('static', n);
    default:
      return false;
  }
}

export function parseItem(p: Parser, attrs: Attribute[], lo: Span): Item {
  const pending = p.pendingAttrDiags;
  p.pendingAttrDiags = [];
  try {
    const itemLo = p.token.span.lo;
    const vis = parseVisibility(p);
    const kind = parseItemKind(p, vis);
    const item = { ...kind, attrs, vis, span: p.spanFrom(lo) } as Item;
    // Inner attributes or doc comments before this item: rustc points at what they do not annotate.
    for (const { diag, what } of pending) {
      const descr = ITEM_DESCR[item.kind];
      diag.secondary(span(itemLo, item.span.hi), `the inner ${what} doesn't annotate this ${descr}`);
      const sugg = diag.diag.suggestions[0];
      if (sugg && sugg.message === '') sugg.message = `to annotate the ${descr}, change the doc comment from inner to outer style`;
      p.report(diag);
    }
    return item;
  } catch (e) {
    for (const { diag } of pending) {
      diag.diag.suggestions = [];
      p.diagnostics.splice(p.diagnostics.length - 1, 0, diag.build());
    }
    throw e;
  }
}

/** How rustc names an item in messages. */
const ITEM_DESCR: Record<Item['kind'], string> = {
  fn: 'function', struct: 'struct', enum: 'enum', union: 'union', impl: 'implementation', trait: 'trait', traitAlias: 'trait alias',
  mod: 'module', use: '`use` import', static: 'static item', const: 'constant item', type: 'type alias', externBlock: 'extern block',
  externCrate: 'extern crate', macroRules: 'macro definition', macCall: 'item macro invocation',
};

function parseAbi(p: Parser): string | undefined {
  const t = p.token;
  if (t.kind === 'lit' && (t.lit!.kind === 'str' || t.lit!.kind === 'rawStr')) {
    p.bump();
    return t.lit!.value;
  }
  return undefined;
}

/** Item keywords rustc also accepts capitalised (`Fn`, `Struct`…) at the start of an item. */
const CASE_RECOVERED = new Set(['fn', 'struct', 'enum', 'use', 'static', 'const', 'type', 'extern', 'unsafe']);

function parseItemKind(p: Parser, vis: Visibility): ItemKind {
  {
    const t0 = p.token;
    const lower = t0.text.toLowerCase();
    if (vis.kind === 'inherited' && t0.kind === 'ident' && !t0.raw && lower !== t0.text && CASE_RECOVERED.has(lower) && !p.is('!', p.look(1)) && !p.is('::', p.look(1))) {
      p.report(error(`keyword \`${lower}\` is written in the wrong case`).primary(t0.span).suggest(t0.span, 'write it in lowercase', lower, 'verbose'));
      p.tokens[p.pos] = { ...t0, text: lower };
    }
  }
  const t = p.token;
  const n = p.look(1);
  if (p.isKeyword('use')) {
    p.bump();
    const tree = parseUseTree(p);
    p.expect(';');
    return { kind: 'use', tree };
  }
  if (p.isKeyword('extern') && p.isKeyword('crate', n)) {
    p.bump();
    p.bump();
    const nameTok = p.token;
    const name = p.isKeyword('self') ? (p.bump(), { name: 'self', span: nameTok.span }) : parseIdent(p);
    let rename;
    if (p.eatKeyword('as')) rename = p.isKeyword('_') ? (p.bump(), { name: '_', span: p.prev.span }) : parseIdent(p);
    p.expect(';');
    return rename ? { kind: 'externCrate', name, rename } : { kind: 'externCrate', name };
  }
  // extern blocks: `extern "C" { … }`, `unsafe extern "C" { … }`, `extern { … }`.
  {
    let k = 0;
    if (p.isKeyword('unsafe', p.look(k))) k++;
    if (p.isKeyword('extern', p.look(k))) {
      const afterAbi = p.look(k + 1).kind === 'lit' ? k + 2 : k + 1;
      if (p.is('{', p.look(afterAbi))) {
        const unsafe = p.eatKeyword('unsafe');
        p.bump();
        const abi = parseAbi(p);
        const openIdx = p.pos;
        p.expect('{');
        const innerAttrs = parseAttributes(p, true);
        const items = parseItemList(p, openIdx, 'extern');
        p.expect('}');
        return abi !== undefined ? { kind: 'externBlock', unsafe, abi, items, innerAttrs } : { kind: 'externBlock', unsafe, items, innerAttrs };
      }
    }
  }
  if (isFnStart(p)) return parseFn(p);
  if (p.isKeyword('extern') && !p.is('{', n) && n.kind !== 'lit') {
    // Neither `extern crate`, `extern "abi"`, nor `extern {`: rustc's expectation after `extern`.
    p.bump();
    p.checkKeyword('crate');
    p.check('{');
    p.unexpected();
  }
  if (p.isKeyword('static') || (p.isKeyword('safe') && p.isKeyword('static', n)) || (p.isKeyword('unsafe') && p.isKeyword('static', n))) {
    const safety = p.eatKeyword('safe') ? 'safe' : p.eatKeyword('unsafe') ? 'unsafe' : '';
    p.bump();
    const mut = p.eatKeyword('mut');
    const ident = parseIdent(p);
    const ty = parseItemType(p, 'static');
    const expr = p.eat('=') ? parseExpr(p) : undefined;
    p.expect(';');
    return expr ? { kind: 'static', ident, mut, safety, ty, expr } : { kind: 'static', ident, mut, safety, ty };
  }
  if (p.isKeyword('const') && !p.isKeyword('fn', n) && !p.isKeyword('unsafe', n) && !p.isKeyword('extern', n) && !p.isKeyword('async', n) && !p.isKeyword('impl', n) && !p.isKeyword('trait', n)) {
    p.bump();
    if (p.isKeyword('mut')) p.fail(error('const globals cannot be mutable').primary(p.token.span, 'cannot be mutable').help('consider using `static` instead'));
    const ident = p.isKeyword('_') ? (p.bump(), { name: '_', span: p.prev.span }) : parseIdent(p);
    const generics = parseGenerics(p);
    const ty = parseItemType(p, 'const');
    const expr = p.eat('=') ? parseExpr(p) : undefined;
    parseWhereClause(p, generics);
    p.expect(';');
    return expr ? { kind: 'const', ident, generics, ty, expr } : { kind: 'const', ident, generics, ty };
  }
  if (p.isKeyword('struct')) {
    p.bump();
    const ident = parseIdent(p);
    const generics = parseGenerics(p);
    afterAggregateName(p, 'struct');
    const data = parseVariantData(p, generics, true);
    return { kind: 'struct', ident, generics, data };
  }
  if (p.isKeyword('union') && p.isIdent(n)) {
    p.bump();
    const ident = parseIdent(p);
    const generics = parseGenerics(p);
    afterAggregateName(p, 'union');
    const data = parseVariantData(p, generics, true);
    return { kind: 'union', ident, generics, data };
  }
  if (p.isKeyword('enum')) {
    p.bump();
    const ident = parseIdent(p);
    const generics = parseGenerics(p);
    parseWhereClause(p, generics);
    p.expect('{');
    const variants: Variant[] = [];
    while (!p.check('}')) {
      if (p.isEof()) p.unexpected();
      const v = parseVariant(p);
      variants.push(v);
      if (p.eat(',')) continue;
      if (p.check('}')) break;
      variants.push(p.recoverMissingComma(() => parseVariant(p)));
      if (!p.eat(',')) break;
    }
    p.expect('}');
    return { kind: 'enum', ident, generics, variants };
  }
  if (p.isKeyword('impl') || ((p.isKeyword('unsafe') || p.isKeyword('const')) && p.isKeyword('impl', n)) || (p.isKeyword('const') && p.isKeyword('unsafe', n))) return parseImpl(p);
  if (p.isKeyword('trait') || ((p.isKeyword('unsafe') || p.isKeyword('auto')) && (p.isKeyword('trait', n) || p.isKeyword('auto', n)))) {
    const unsafe = p.eatKeyword('unsafe');
    const auto = p.eatKeyword('auto');
    p.expectKeyword('trait');
    const ident = parseIdent(p);
    const generics = parseGenerics(p);
    if (p.eat('=')) {
      const bounds = parseBounds(p);
      parseWhereClause(p, generics);
      p.expect(';');
      return { kind: 'traitAlias', ident, generics, bounds };
    }
    const bounds = p.eat(':') ? parseBounds(p) : [];
    parseWhereClause(p, generics);
    const openIdx = p.pos;
    p.expect('{');
    parseAttributes(p, true);
    const items = parseItemList(p, openIdx, 'trait');
    p.expect('}');
    return { kind: 'trait', unsafe, auto, ident, generics, bounds, items };
  }
  if (p.isKeyword('mod') || (p.isKeyword('unsafe') && p.isKeyword('mod', n))) {
    const unsafe = p.eatKeyword('unsafe');
    p.bump();
    const ident = parseIdent(p);
    if (p.eat(';')) return { kind: 'mod', ident, unsafe, innerAttrs: [] };
    p.expect('{');
    const innerAttrs = parseAttributes(p, true);
    const items = parseItems(p, false);
    p.expect('}');
    return { kind: 'mod', ident, unsafe, items, innerAttrs };
  }
  if (p.isKeyword('type')) {
    p.bump();
    const ident = parseIdent(p);
    const generics = parseGenerics(p);
    const bounds = p.eat(':') ? parseBounds(p) : [];
    parseWhereClause(p, generics);
    const ty = p.eat('=') ? parseType(p) : undefined;
    parseWhereClause(p, generics);
    p.expect(';');
    return ty ? { kind: 'type', ident, generics, bounds, ty } : { kind: 'type', ident, generics, bounds };
  }
  if (p.isKeyword('macro_rules') && p.is('!', n) && p.isIdent(p.look(2))) {
    p.bump();
    p.bump();
    const ident = parseIdent(p);
    if (!p.is('(') && !p.is('[') && !p.is('{')) p.unexpected();
    const body = parseDelimGroup(p);
    if (body.delim !== '{') p.expect(';');
    return { kind: 'macroRules', ident, body };
  }
  // `pub name(…)` / `pub Name { … }`: rustc guesses the missing keyword.
  if (p.isIdent(t) && (p.is('(', n) || p.is('{', n) || p.is('<', n))) missingItemKeyword(p, vis);
  // A macro invocation in item position: `path! (…);` or `path! { … }`.
  if ((p.isIdent(t) || p.is('::') || p.isKeyword('self') || p.isKeyword('super') || p.isKeyword('crate')) && vis.kind === 'inherited') {
    const mlo = p.token.span;
    const path = parsePath(p, 'mod');
    p.expect('!');
    if (!p.check('(') && !p.check('[') && !p.check('{')) p.unexpected();
    const g = parseDelimGroup(p);
    if (g.delim !== '{') p.expect(';');
    return { kind: 'macCall', mac: { path, delim: g.delim, tts: g.tts, span: p.spanFrom(mlo) } };
  }
  expectedItem(p, vis);
}

function missingItemKeyword(p: Parser, vis: Visibility): never {
  const t = p.token;
  const n = p.look(1);
  let kw = 'fn';
  let what = 'function definition';
  let as = 'a function';
  let after = n;
  if (p.is('<', n)) {
    // Skip the generics to see what follows them.
    let depth = 0;
    let k = 1;
    for (; k < 200; k++) {
      const tk = p.look(k);
      if (tk.kind === 'eof') break;
      if (p.is('<', tk)) depth++;
      else if (p.is('>', tk)) depth--;
      else if (p.is('>>', tk)) depth -= 2;
      if (depth <= 0) break;
    }
    after = p.look(k + 1);
    if (!p.is('(', after) && !p.is('{', after)) {
      p.fail(error('missing `fn` or `struct` for function or struct definition').primary(span(vis.kind === 'inherited' ? t.span.lo : vis.span.lo, t.span.hi)));
    }
  }
  if (p.is('{', after)) {
    // Variants (`A, B`) or fields (`a: T`)?
    const at = p.tokens.indexOf(after);
    const looksLikeFields = p.isIdent(p.tokens[at + 1]) && p.is(':', p.tokens[at + 2]);
    [kw, what, as] = looksLikeFields ? ['struct', 'struct definition', 'a struct'] : ['enum', 'enum definition', 'an enum'];
  }
  const visLo = vis.kind === 'inherited' ? t.span.lo : vis.span.lo;
  p.fail(
    error(`missing \`${kw}\` for ${what}`)
      .primary(span(visLo, t.span.hi))
      .suggest(span(t.span.lo, t.span.lo), `add \`${kw}\` here to parse \`${t.text}\` as ${as}`, kw + ' ', 'verbose'),
  );
}

/** `: Type` of a static or const; rustc recovers a missing one with its own message. */
function parseItemType(p: Parser, what: 'static' | 'const'): import('../ast/ast.ts').Type {
  if (p.is('=') || p.is(';')) {
    const at = span(p.prev.span.hi, p.prev.span.hi);
    p.report(error(`missing type for \`${what}\` item`).primary(at).suggest(at, 'provide a type for the item', ': <type>', 'verbose', 'HasPlaceholders'));
    return { kind: 'err', span: at };
  }
  p.expect(':');
  return parseType(p);
}

function expectedItem(p: Parser, vis: Visibility = { kind: 'inherited' }): never {
  if (vis.kind !== 'inherited') {
    // `pub` followed by something that is no item: rustc says so first.
    p.report(
      error(`visibility \`${p.file ? p.file.slice(vis.span.lo, vis.span.hi) : 'pub'}\` is not followed by an item`)
        .primary(vis.span, 'the visibility')
        .help('you likely meant to define an item, e.g., `pub fn foo() {}`'),
    );
  }
  if (p.isKeyword('let')) {
    const t = p.token;
    p.fail(
      error('expected item, found keyword `let`')
        .primary(t.span, '`let` cannot be used for global variables')
        .suggest(t.span, 'consider using `static` or `const` instead of `let`', 'static', 'short', 'MaybeIncorrect')
        .note('for a full list of items that can appear in modules, see <https://doc.rust-lang.org/reference/items.html>'),
    );
  }
  p.fail(
    error(`expected item, found ${p.describe()}`)
      .primary(p.token.span, 'expected item')
      .note('for a full list of items that can appear in modules, see <https://doc.rust-lang.org/reference/items.html>'),
  );
}

/** What may follow a struct's or union's name (and generics), in rustc's words when it is missing. */
function afterAggregateName(p: Parser, what: 'struct' | 'union'): void {
  const ok = p.isKeyword('where') || p.is('{') || (what === 'struct' && (p.is('(') || p.is(';')));
  if (ok) return;
  const list = what === 'struct' ? '`where`, `{`, `(`, or `;`' : '`where` or `{`';
  p.fail(error(`expected ${list} after ${what} name, found ${p.describe()}`).primary(p.token.span, `expected ${list} after ${what} name`));
}

function parseVariant(p: Parser): Variant {
  const vlo = p.token.span;
  const attrs = parseAttributes(p, false);
  const vis = parseVisibility(p);
  const ident = parseIdent(p);
  const data = parseVariantData(p, undefined, false);
  const discriminant = p.eat('=') ? parseExpr(p) : undefined;
  const v: Variant = { attrs, vis, ident, data, span: vlo };
  if (discriminant) v.discriminant = discriminant;
  v.span = p.spanFrom(vlo);
  return v;
}

function isFnStart(p: Parser): boolean {
  // const? async? unsafe? safe? (extern "abi"?)? fn
  let k = 0;
  for (const q of ['const', 'async', 'unsafe', 'safe']) if (p.isKeyword(q, p.look(k))) k++;
  if (p.isKeyword('extern', p.look(k))) {
    k++;
    if (p.look(k).kind === 'lit') k++;
  }
  return p.isKeyword('fn', p.look(k));
}

function parseFn(p: Parser): ItemKind {
  const sig: FnSig = { const: false, async: false, unsafe: false, safe: false, extern: false, params: [], variadic: false };
  sig.const = p.eatKeyword('const');
  sig.async = p.eatKeyword('async');
  sig.unsafe = p.eatKeyword('unsafe');
  sig.safe = p.eatKeyword('safe');
  if (p.eatKeyword('extern')) {
    sig.extern = true;
    const abi = parseAbi(p);
    if (abi !== undefined) sig.abi = abi;
  }
  p.expectKeyword('fn');
  const ident = parseIdent(p);
  const generics = parseGenerics(p);
  if (!p.check('(')) {
    // `fn foo {}`: rustc asks for a parameter list and goes on without one.
    const at = span(p.prev.span.hi, p.prev.span.hi);
    p.report(error('missing parameters for function definition').primary(at).suggest(at, 'add a parameter list', '()', 'verbose'));
    return finishFn(p, ident, generics, sig);
  }
  p.expect('(');
  let first = true;
  while (!p.check(')')) {
    if (p.isEof()) p.unexpected();
    const plo = p.token.span;
    const attrs = parseAttributes(p, false);
    if (p.eat('...')) {
      sig.variadic = true;
      p.eat(',');
      break;
    }
    const self = first ? parseSelfParam(p) : undefined;
    if (self) sig.params.push({ attrs, self, span: p.spanFrom(plo) });
    else {
      const param = parseParam(p, attrs, plo, sig);
      if (param) sig.params.push(param);
    }
    first = false;
    if (p.eat(',')) continue;
    if (p.check(')')) break;
    const extra = p.recoverMissingComma(() => parseParam(p, [], p.token.span, sig));
    if (extra) sig.params.push(extra);
    if (!p.eat(',')) break;
  }
  p.expect(')');
  return finishFn(p, ident, generics, sig);
}

/**
 * One parameter. As rustc, an error inside a parameter is reported at once and parsing skips to
 * the next `,` or the `)` (giving no parameter), so the rest of the signature is still read.
 */
function parseParam(p: Parser, attrs: Attribute[], plo: Span, sig: FnSig): Param | null {
  const saved = p.pos;
  try {
    if (!canStartParam(p)) p.fail(error(`expected parameter name, found ${p.describe()}`).primary(p.token.span, 'expected parameter name'));
    const pat = parsePat(p);
    p.expect(':');
    const param: Param = { attrs, pat, span: plo };
    if (p.eat('...')) sig.variadic = true;
    else param.ty = parseType(p);
    param.span = p.spanFrom(plo);
    return param;
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    if (p.pos === saved && !p.is(',') && !p.is(')')) p.bump();
    let depth = 0;
    while (!p.isEof()) {
      if (p.is('(') || p.is('[') || p.is('{')) depth++;
      else if (p.is(')') || p.is(']') || p.is('}')) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && p.is(',')) break;
      p.bump();
    }
    return null;
  }
}

function canStartParam(p: Parser): boolean {
  const t = p.token;
  if (t.kind === 'lit' || t.kind === 'ident') return true;
  return ['(', '[', '&', '&&', '-', '::', '<', '..', '..='].includes(t.text) && t.kind === 'punct';
}

function finishFn(p: Parser, ident: import('../ast/ast.ts').Ident, generics: import('../ast/ast.ts').Generics, sig: FnSig): ItemKind {
  if (p.eat('->')) sig.ret = parseType(p);
  parseWhereClause(p, generics);
  let body: Block | undefined;
  // rustc lists `;` as expected only where a bodiless function is allowed.
  if (p.inItemList === 'trait' || p.inItemList === 'extern' ? p.check(';') : p.is(';')) p.bump();
  else body = parseBlock(p);
  return body ? { kind: 'fn', ident, generics, sig, body } : { kind: 'fn', ident, generics, sig };
}

function parseSelfParam(p: Parser): SelfParam | undefined {
  const t0 = p.token;
  const t1 = p.look(1);
  const t2 = p.look(2);
  const t3 = p.look(3);
  const isSelf = (t: typeof t0) => p.isKeyword('self', t);
  const notPath = (t: typeof t0) => !p.is('::', t);
  if (isSelf(t0) && notPath(t1)) {
    p.bump();
    if (p.eat(':')) return { kind: 'explicit', mut: false, ty: parseType(p) };
    return { kind: 'value', mut: false };
  }
  if (p.isKeyword('mut', t0) && isSelf(t1) && notPath(t2)) {
    p.bump();
    p.bump();
    if (p.eat(':')) return { kind: 'explicit', mut: true, ty: parseType(p) };
    return { kind: 'value', mut: true };
  }
  if (p.is('&', t0)) {
    if (isSelf(t1) && notPath(t2)) {
      p.bump();
      p.bump();
      return { kind: 'ref', mut: false };
    }
    if (p.isKeyword('mut', t1) && isSelf(t2) && notPath(t3)) {
      p.bump();
      p.bump();
      p.bump();
      return { kind: 'ref', mut: true };
    }
    if (t1.kind === 'lifetime') {
      if (isSelf(t2) && notPath(t3)) {
        p.bump();
        const lt = p.bump().text;
        p.bump();
        return { kind: 'ref', lifetime: lt, mut: false };
      }
      if (p.isKeyword('mut', t2) && isSelf(t3) && notPath(p.look(4))) {
        p.bump();
        const lt = p.bump().text;
        p.bump();
        p.bump();
        return { kind: 'ref', lifetime: lt, mut: true };
      }
    }
  }
  return undefined;
}

function parseVariantData(p: Parser, generics: import('../ast/ast.ts').Generics | undefined, isStruct: boolean): VariantData {
  if (generics) parseWhereClause(p, generics);
  if (p.check('{')) {
    p.bump();
    const fields: FieldDef[] = [];
    while (!p.check('}')) {
      if (p.isEof()) p.unexpected();
      const flo = p.token.span;
      const attrs = parseAttributes(p, false);
      const vis = parseVisibility(p);
      const ident = parseIdent(p);
      p.expect(':');
      const ty = parseType(p);
      fields.push({ attrs, vis, ident, ty, span: p.spanFrom(flo) });
      if (p.eat(',') || p.is('}')) continue;
      // rustc's own wording here; when another field follows, it assumes a missing comma.
      const at = span(p.prev.span.hi, p.prev.span.hi);
      const d = error(`expected \`,\`, or \`}\`, found ${p.describe()}`).primary(at);
      if (p.isIdent() || (p.is('#') && p.is('[', p.look(1)))) {
        p.report(d.suggest(at, 'try adding a comma', ',', 'inline'));
        continue;
      }
      p.fail(d);
    }
    p.expect('}');
    return { kind: 'struct', fields };
  }
  if (p.check('(')) {
    p.bump();
    const fields: FieldDef[] = [];
    while (!p.check(')')) {
      if (p.isEof()) p.unexpected();
      const flo = p.token.span;
      const attrs = parseAttributes(p, false);
      const vis = parseVisibility(p);
      const ty = parseType(p);
      fields.push({ attrs, vis, ty, span: p.spanFrom(flo) });
      if (!p.eat(',')) break;
    }
    p.expect(')');
    if (isStruct) {
      if (generics) parseWhereClause(p, generics);
      p.expect(';');
    }
    return { kind: 'tuple', fields };
  }
  if (isStruct) p.expect(';');
  return { kind: 'unit' };
}

function parseImpl(p: Parser): ItemKind {
  let isConst = p.eatKeyword('const');
  const unsafe = p.eatKeyword('unsafe');
  p.expectKeyword('impl');
  const generics = parseGenerics(p);
  if (p.eatKeyword('const')) isConst = true;
  const negative = p.eat('!');
  const first = parseType(p, false);
  let missingFor: Span | null = null;
  let trait: Path | undefined;
  let selfTy = first;
  if (p.eatKeyword('for')) {
    if (first.kind !== 'path') p.fail(error('expected a trait, found type').primary(first.span));
    trait = first.path;
    selfTy = parseType(p, false);
  } else if (first.kind === 'path' && (p.isIdent() || p.is('&') || p.is('(') || p.is('[') || p.is('*') || p.is('<') || p.is('::'))) {
    // `impl Trait Type`: rustc reads the second type and, once the header is complete, asks
    // for the `for` between them.
    missingFor = span(first.span.hi, p.token.span.lo);
    selfTy = parseType(p);
    trait = first.path;
  }
  parseWhereClause(p, generics);
  const openIdx = p.pos;
  p.expect('{');
  if (missingFor) p.report(error('missing `for` in a trait impl').primary(missingFor).suggest(missingFor, 'add `for` here', ' for ', 'verbose'));
  parseAttributes(p, true);
  const items = parseItemList(p, openIdx, 'impl');
  p.expect('}');
  return trait ? { kind: 'impl', generics, unsafe, const: isConst, negative, trait, selfTy, items } : { kind: 'impl', generics, unsafe, const: isConst, negative, selfTy, items };
}

function parseUseTree(p: Parser): UseTree {
  const lo = p.token.span;
  let prefix: Path = { span: span(lo.lo, lo.lo), global: false, segments: [] };
  if (p.eat('::')) prefix = { ...prefix, global: true };
  if (!p.is('*') && !p.is('{')) {
    let path = parsePath(p, 'mod');
    while (p.is(':') && p.isIdent(p.look(1))) {
      // `use core::panic:PanicInfo`: rustc asks for `::` and reads on.
      const colon = p.bump().span;
      p.report(error('expected `::`, found `:`').primary(colon).note('import paths are delimited using `::`').suggest(colon, 'use double colon', '::', 'verbose'));
      const rest = parsePath(p, 'mod');
      path = { span: span(path.span.lo, rest.span.hi), global: path.global, segments: [...path.segments, ...rest.segments] };
    }
    prefix = { span: p.spanFrom(lo), global: prefix.global, segments: path.segments };
    if (!p.is('::')) {
      if (p.eatKeyword('as')) {
        const rename = p.isKeyword('_') ? (p.bump(), { name: '_', span: p.prev.span }) : parseIdent(p);
        return { kind: 'simple', prefix, rename, span: p.spanFrom(lo) };
      }
      return { kind: 'simple', prefix, span: p.spanFrom(lo) };
    }
    p.bump();
  }
  if (!p.is('*') && !p.is('{') && prefix.segments.length > 0) parseIdent(p);
  if (p.eat('*')) return { kind: 'glob', prefix, span: p.spanFrom(lo) };
  if (p.check('{')) {
    p.bump();
    const trees: UseTree[] = [];
    while (!p.check('}')) {
      if (p.isEof()) p.unexpected();
      trees.push(parseUseTree(p));
      if (!p.eat(',')) break;
    }
    p.expect('}');
    return { kind: 'nested', prefix, trees, span: p.spanFrom(lo) };
  }
  p.unexpected();
}
