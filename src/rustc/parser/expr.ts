// Expressions with Rust's precedence and associativity (the Reference, "Expression
// precedence"): assignment < range < || < && < comparisons < | < ^ < & < shifts < + - < * / %
// < as < unary < postfix. Also blocks and statements, with the struct-literal restriction in
// `if`/`while`/`match`/`for` heads and block-like expression statements that need no `;`.
import type { Arm, Attribute, BinOp, Block, ClosureParam, Expr, ExprField, Label, Path, Stmt } from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { Lit, Token } from '../lexer/token.ts';
import { span, type Span } from '../span/span.ts';
import { parseAttributes } from './attr.ts';
import { parseItem, startsItem } from './item.ts';
import { ParseError, type Parser } from './parser.ts';
import { isPathSegmentStart, parseAngleArgs, parseIdent, parsePath, parseQPath } from './path.ts';
import { parsePat, parsePatNoTopAlt } from './pat.ts';
import { parseDelimGroup } from './token-tree.ts';
import { parseType } from './ty.ts';

const PREC: Record<string, number> = {
  '||': 1, '&&': 2,
  '==': 3, '!=': 3, '<': 3, '>': 3, '<=': 3, '>=': 3,
  '|': 4, '^': 5, '&': 6, '<<': 7, '>>': 7, '+': 8, '-': 8, '*': 9, '/': 9, '%': 9,
};
const AS_PREC = 10;
/** Keywords that can start a type (after `as`, a cast). */
const TYPE_KEYWORDS = new Set(['fn', 'unsafe', 'extern', 'impl', 'dyn', 'for', '_', 'self', 'Self', 'super', 'crate']);
const COMPOUND_ASSIGN = new Set(['+=', '-=', '*=', '/=', '%=', '^=', '&=', '|=', '<<=', '>>=']);
const INT_SUFFIXES = new Set(['i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize']);
const FLOAT_SUFFIXES = new Set(['f16', 'f32', 'f64', 'f128']);
const EXPR_KEYWORDS = new Set(['true', 'false', 'self', 'Self', 'super', 'crate', 'if', 'match', 'loop', 'while', 'for', 'unsafe', 'move', 'return', 'break', 'continue', 'let', 'async', 'const', 'static', 'do', 'box', 'yield', 'become']);

export function canBeginExpr(p: Parser, t: Token = p.token): boolean {
  switch (t.kind) {
    case 'lit':
    case 'lifetime':
      return true;
    case 'ident':
      return p.isIdent(t) || t.text === '_' || EXPR_KEYWORDS.has(t.text);
    case 'punct':
      return ['(', '[', '{', '!', '-', '*', '&', '&&', '|', '||', '..', '..=', '<', '<<', '::', '#', '$'].includes(t.text);
    default:
      return false;
  }
}

/** A full expression, honouring the current struct-literal restriction. */
export function parseExpr(p: Parser): Expr {
  p.enter();
  try {
    return parseAssign(p);
  } finally {
    p.leave();
  }
}

/** An expression where `Path {` starts a block, not a struct literal (conditions, scrutinees). */
export function parseExprNoStruct(p: Parser): Expr {
  const saved = p.noStructLiteral;
  p.noStructLiteral = true;
  try {
    return parseExpr(p);
  } finally {
    p.noStructLiteral = saved;
  }
}

function withStructLiterals<T>(p: Parser, f: () => T): T {
  const saved = p.noStructLiteral;
  p.noStructLiteral = false;
  try {
    return f();
  } finally {
    p.noStructLiteral = saved;
  }
}

function isRangeOp(p: Parser): boolean {
  return p.is('..') || p.is('..=') || p.is('...');
}

function canEndRange(p: Parser): boolean {
  // `a..` followed by something that cannot start an expression, or by `{` in a condition.
  if (!canBeginExpr(p)) return true;
  if (p.noStructLiteral && p.is('{')) return true;
  return false;
}

function parseAssign(p: Parser): Expr {
  const lo = p.token.span;
  let lhs: Expr;
  if (isRangeOp(p)) {
    const op = p.bump();
    const limits = op.text === '..' ? '..' : '..=';
    if (op.text === '...') p.report(error('unexpected token: `...`').primary(op.span).suggest(op.span, 'use `..` for an exclusive range', '..', 'verbose'));
    const hi = canEndRange(p) ? undefined : parseBinary(p, 1);
    lhs = hi ? { kind: 'range', hi, limits, span: p.spanFrom(lo) } : { kind: 'range', limits, span: p.spanFrom(lo) };
  } else {
    lhs = parseBinary(p, 1);
    if (isRangeOp(p)) {
      const op = p.bump();
      const limits = op.text === '..' ? '..' : '..=';
      const hi = canEndRange(p) ? undefined : parseBinary(p, 1);
      lhs = hi ? { kind: 'range', lo: lhs, hi, limits, span: p.spanFrom(lo) } : { kind: 'range', lo: lhs, limits, span: p.spanFrom(lo) };
    }
  }
  if (p.is('=')) {
    p.bump();
    const rhs = parseExpr(p);
    return { kind: 'assign', lhs, rhs, span: p.spanFrom(lo) };
  }
  if (p.token.kind === 'punct' && COMPOUND_ASSIGN.has(p.token.text)) {
    const op = p.bump().text.slice(0, -1) as BinOp;
    const rhs = parseExpr(p);
    return { kind: 'assignOp', op, lhs, rhs, span: p.spanFrom(lo) };
  }
  return lhs;
}

function currentBinOp(p: Parser): string | null {
  const t = p.token;
  if (t.kind === 'ident' && !t.raw && t.text === 'as') return 'as';
  if (t.kind === 'punct' && t.text in PREC) return t.text;
  return null;
}

function parseBinary(p: Parser, minPrec: number): Expr {
  const lo = p.token.span;
  let lhs = parseUnary(p);
  // As rustc: "an operator" is expected after the first operand, not again after a cast.
  p.expect_('an operator');
  for (;;) {
    const op = currentBinOp(p);
    if (op === null) return lhs;
    const prec = op === 'as' ? AS_PREC : PREC[op]!;
    if (prec < minPrec) return lhs;
    const opTok = p.bump();
    if (op === 'as') {
      const t = p.token;
      if (t.kind === 'ident' && !t.raw && !p.isIdent(t) && !TYPE_KEYWORDS.has(t.text)) {
        // rustc first tries the keyword as a name here, then as a type: two errors.
        p.report(error(`expected identifier, found ${p.describe(t)}`).primary(t.span, 'expected identifier, found ' + p.describe(t).replace(/ `.*$/, '')));
      }
      const ty = parseType(p, false);
      lhs = { kind: 'cast', expr: lhs, ty, span: p.spanFrom(lo) };
      // rustc looks for a (forbidden) postfix operator after the cast's type.
      const dot = p.check('.');
      const q = p.check('?');
      if (dot || q || p.is('(') || p.is('[')) lhs = castWithPostfix(p, lhs, lo);
      continue;
    }
    const rhs = parseBinary(p, prec + 1);
    if (prec === 3 && rhs.kind !== 'err' && isComparison(p)) reportChainedComparison(p, op, opTok.span, rhs);
    lhs = { kind: 'binary', op: op as BinOp, lhs, rhs, span: p.spanFrom(lo) };
  }
}

/** `a < b < c`: rustc's error, its hint about generic arguments, and the split it suggests. */
function reportChainedComparison(p: Parser, first: string, firstSpan: Span, middle: Expr): void {
  const second = p.token.text;
  const d = error('comparison operators cannot be chained').primary(firstSpan).primary(p.token.span);
  if (first === '<' && (second === '<' || second === '>')) {
    d.help('use `::<...>` instead of `<...>` to specify lifetime, type, or const arguments');
    d.help('or use `(...)` if you meant to specify fn arguments');
  }
  const up = (o: string) => o === '<' || o === '<=';
  const down = (o: string) => o === '>' || o === '>=';
  if ((first === '==' && second === '==') || (up(first) && up(second)) || (down(first) && down(second))) {
    const text = p.file ? p.file.slice(middle.span.lo, middle.span.hi) : '';
    d.suggest(span(middle.span.hi, middle.span.hi), 'split the comparison into two', ` && ${text}`, 'verbose', 'MaybeIncorrect');
  }
  p.report(d);
}

/** `x as usize.pow(2)`: rustc's error, its suggestion of parentheses, and the parse it goes on with. */
function castWithPostfix(p: Parser, cast: Expr, lo: Span): Expr {
  const withPostfix = parsePostfix(p, cast, lo);
  const what: Record<string, string> = { methodCall: 'a method call', field: 'a field access', try: '`?`', call: 'a function call', index: 'indexing', await: '`.await`' };
  const innermost = findPostfixOn(withPostfix, cast);
  const d = error(`cast cannot be followed by ${what[innermost?.kind ?? 'methodCall'] ?? 'a method call'}`).primary(cast.span);
  d.suggest(cast.span, 'try surrounding the expression in parentheses', `(${p.file ? p.file.slice(cast.span.lo, cast.span.hi) : ''})`, 'verbose', 'MachineApplicable').parts([
    { span: span(cast.span.lo, cast.span.lo), replacement: '(' },
    { span: span(cast.span.hi, cast.span.hi), replacement: ')' },
  ]);
  p.report(d);
  return withPostfix;
}

/** The postfix expression applied directly to `inner`, somewhere down the receiver chain of `e`. */
function findPostfixOn(e: Expr, inner: Expr): Expr | null {
  for (let cur: Expr | undefined = e; cur; ) {
    const next: Expr | undefined =
      cur.kind === 'methodCall' ? cur.receiver : cur.kind === 'field' || cur.kind === 'try' || cur.kind === 'await' || cur.kind === 'index' ? cur.expr : cur.kind === 'call' ? cur.func : undefined;
    if (next === inner) return cur;
    cur = next;
  }
  return null;
}

function isComparison(p: Parser): boolean {
  const op = currentBinOp(p);
  return op !== null && op !== 'as' && PREC[op] === 3;
}

function parseUnary(p: Parser): Expr {
  p.enter();
  try {
    const lo = p.token.span;
    if (p.check('!') || p.check('-') || p.check('*')) {
      const op = p.bump().text as '!' | '-' | '*';
      const expr = parseUnary(p);
      return { kind: 'unary', op, expr, span: p.spanFrom(lo) };
    }
    if (p.checkSplit('&')) {
      p.eatSplit('&');
      let raw = false;
      let mut = false;
      if (p.isKeyword('raw') && (p.isKeyword('const', p.look(1)) || p.isKeyword('mut', p.look(1)))) {
        p.bump();
        raw = true;
        mut = p.bump().text === 'mut';
      } else mut = p.eatKeyword('mut');
      const expr = parseUnary(p);
      return { kind: 'ref', mut, raw, expr, span: p.spanFrom(lo) };
    }
    return parsePostfix(p, parsePrimary(p), lo);
  } finally {
    p.leave();
  }
}

function parseCallArgs(p: Parser, close: string): Expr[] {
  const args: Expr[] = [];
  withStructLiterals(p, () => {
    while (!p.check(close)) {
      if (p.isEof()) p.unexpected();
      args.push(parseExpr(p));
      if (p.eat(',')) continue;
      if (p.check(close)) break;
      args.push(p.recoverMissingComma(() => parseExpr(p)));
      if (!p.eat(',')) break;
    }
    p.expect(close);
  });
  return args;
}

export function parsePostfix(p: Parser, e: Expr, lo: Span): Expr {
  for (;;) {
    if (p.check('?')) {
      p.bump();
      e = { kind: 'try', expr: e, span: p.spanFrom(lo) };
    } else if (p.check('.')) {
      p.bump();
      e = parseDotSuffix(p, e, lo);
    } else if (p.is('(')) {
      p.bump();
      const args = parseCallArgs(p, ')');
      e = { kind: 'call', func: e, args, span: p.spanFrom(lo) };
    } else if (p.is('[')) {
      p.bump();
      const index = withStructLiterals(p, () => parseExpr(p));
      p.expect(']');
      e = { kind: 'index', expr: e, index, span: p.spanFrom(lo) };
    } else return e;
  }
}

function parseDotSuffix(p: Parser, e: Expr, lo: Span): Expr {
  const t = p.token;
  if (p.isKeyword('await')) {
    p.bump();
    return { kind: 'await', expr: e, span: p.spanFrom(lo) };
  }
  if (t.kind === 'lit' && (t.lit!.kind === 'int' || t.lit!.kind === 'float')) {
    p.bump();
    if (t.lit!.suffix) p.report(error('suffixes on a tuple index are invalid').primary(t.span, `invalid suffix \`${t.lit!.suffix}\``));
    // `x.0.1` arrives as `x` `.` `0.1`: split the float into two field accesses.
    const parts = t.lit!.symbol.split('.');
    let at = t.span.lo;
    for (const part of parts) {
      if (part === '') break;
      const name = { name: part, span: span(at, at + part.length) };
      e = { kind: 'field', expr: e, name, span: span(lo.lo, at + part.length) };
      at += part.length + 1;
    }
    return e;
  }
  if (!p.isIdent()) p.fail(error(`unexpected token: ${p.describe()}`).primary(p.token.span));
  const name = parseIdent(p);
  if (p.check('::') && (p.is('<', p.look(1)) || p.is('<<', p.look(1)))) {
    p.bump();
    const args = parseAngleArgs(p);
    p.expect('(');
    const callArgs = parseCallArgs(p, ')');
    return { kind: 'methodCall', receiver: e, seg: { ident: name, args }, args: callArgs, span: p.spanFrom(lo) };
  }
  if (p.check('(')) {
    p.bump();
    const args = parseCallArgs(p, ')');
    return { kind: 'methodCall', receiver: e, seg: { ident: name }, args, span: p.spanFrom(lo) };
  }
  return { kind: 'field', expr: e, name, span: p.spanFrom(lo) };
}

export function parseLitExpr(p: Parser, allowNeg: boolean): Expr {
  const lo = p.token.span;
  if (allowNeg && p.is('-')) {
    p.bump();
    const inner = parseLitExpr(p, false);
    return { kind: 'unary', op: '-', expr: inner, span: p.spanFrom(lo) };
  }
  const t = p.token;
  if (p.isKeyword('true') || p.isKeyword('false')) {
    p.bump();
    return { kind: 'lit', lit: { kind: 'bool', symbol: t.text, suffix: '', value: t.text }, span: t.span };
  }
  if (t.kind !== 'lit') {
    p.expect_('literal');
    p.unexpected();
  }
  p.bump();
  checkSuffix(p, t.lit!, t.span);
  return { kind: 'lit', lit: t.lit!, span: t.span };
}

function checkSuffix(p: Parser, lit: Lit, at: Span): void {
  const s = lit.suffix;
  if (!s) return;
  const report = (d: ReturnType<typeof error>) => p.literalDiagnostics.push(d.build());
  if (lit.kind === 'int') {
    if (INT_SUFFIXES.has(s)) return;
    const decimal = !/^0[box]/.test(lit.symbol);
    if (FLOAT_SUFFIXES.has(s) && decimal) return;
    report(error(`invalid suffix \`${s}\` for number literal`).primary(at, `invalid suffix \`${s}\``).help('the suffix must be one of the numeric types (`u32`, `isize`, `f32`, etc.)'));
  } else if (lit.kind === 'float') {
    if (FLOAT_SUFFIXES.has(s)) return;
    report(error(`invalid suffix \`${s}\` for float literal`).primary(at, `invalid suffix \`${s}\``).help('valid suffixes are `f32` and `f64`'));
  } else if (lit.kind !== 'err') {
    const what: Record<string, string> = { char: 'char', byte: 'byte', str: 'string', rawStr: 'string', byteStr: 'byte string', rawByteStr: 'byte string', cStr: 'C string', rawCStr: 'C string' };
    report(error(`suffixes on ${what[lit.kind] ?? 'string'} literals are invalid`).primary(at, `invalid suffix \`${s}\``));
  }
}

function parseLabel(p: Parser): Label | undefined {
  if (p.token.kind === 'lifetime' && p.is(':', p.look(1))) {
    const t = p.bump();
    p.bump();
    return { name: t.text, span: t.span };
  }
  return undefined;
}

function parsePrimary(p: Parser): Expr {
  const lo = p.token.span;
  const t = p.token;
  if (t.kind === 'lit' || p.isKeyword('true') || p.isKeyword('false')) return parseLitExpr(p, false);
  if (p.is('(')) {
    p.bump();
    return withStructLiterals(p, () => {
      const elems: Expr[] = [];
      let trailing = false;
      while (!p.check(')')) {
        if (p.isEof()) p.unexpected();
        elems.push(parseExpr(p));
        trailing = false;
        if (p.eat(',')) {
          trailing = true;
          continue;
        }
        if (p.check(')')) break;
        elems.push(p.recoverMissingComma(() => parseExpr(p)));
        if (!p.eat(',')) break;
        trailing = true;
      }
      p.expect(')');
      if (elems.length === 1 && !trailing) return { kind: 'paren', expr: elems[0]!, span: p.spanFrom(lo) } as Expr;
      return { kind: 'tuple', elems, span: p.spanFrom(lo) } as Expr;
    });
  }
  if (p.is('[')) {
    p.bump();
    return withStructLiterals(p, () => {
      if (p.eat(']')) return { kind: 'array', elems: [], span: p.spanFrom(lo) } as Expr;
      const first = parseExpr(p);
      if (p.eat(';')) {
        const count = parseExpr(p);
        p.expect(']');
        return { kind: 'repeat', expr: first, count, span: p.spanFrom(lo) } as Expr;
      }
      const elems = [first];
      // After the first element rustc wants `,`, `;` or `]` (no recovery); later elements are a
      // comma-separated sequence with its missing-comma recovery.
      if (p.eat(',')) {
        while (!p.check(']')) {
          if (p.isEof()) p.unexpected();
          elems.push(parseExpr(p));
          if (p.eat(',')) continue;
          if (p.check(']')) break;
          elems.push(p.recoverMissingComma(() => parseExpr(p)));
          if (!p.eat(',')) break;
        }
      }
      p.expect(']');
      return { kind: 'array', elems, span: p.spanFrom(lo) } as Expr;
    });
  }
  if (p.is('{')) {
    if (p.isIdent(p.look(1)) && p.is(':', p.look(2)) && !p.noStructLiteral) {
      const lit = tryStructBodyWithoutPath(p, lo);
      if (lit) return lit;
    }
    return parseBlockExpr(p, lo, undefined);
  }
  if (t.kind === 'lifetime') {
    const label = parseLabel(p);
    if (!label) {
      p.fail(error('expected `while`, `for`, `loop` or `{` after a label').primary(p.token.span, 'expected `while`, `for`, `loop` or `{` after a label'));
    }
    if (p.isKeyword('loop')) return parseLoop(p, lo, label);
    if (p.isKeyword('while')) return parseWhile(p, lo, label);
    if (p.isKeyword('for')) return parseFor(p, lo, label);
    if (p.is('{')) return parseBlockExpr(p, lo, label);
    p.fail(error('expected `while`, `for`, `loop` or `{` after a label').primary(p.token.span, 'expected `while`, `for`, `loop` or `{` after a label'));
  }
  if (p.isKeyword('unsafe') && p.is('{', p.look(1))) {
    p.bump();
    const block = parseBlock(p);
    return { kind: 'block', block, unsafe: true, const: false, async: false, move: false, span: p.spanFrom(lo) };
  }
  if (p.isKeyword('const') && p.is('{', p.look(1))) {
    p.bump();
    const block = parseBlock(p);
    return { kind: 'block', block, unsafe: false, const: true, async: false, move: false, span: p.spanFrom(lo) };
  }
  if (p.isKeyword('async') && (p.is('{', p.look(1)) || (p.isKeyword('move', p.look(1)) && p.is('{', p.look(2))))) {
    p.bump();
    const move = p.eatKeyword('move');
    const block = parseBlock(p);
    return { kind: 'block', block, unsafe: false, const: false, async: true, move, span: p.spanFrom(lo) };
  }
  if (p.isKeyword('if')) return parseIf(p);
  if (p.isKeyword('match')) return parseMatch(p);
  if (p.isKeyword('loop')) return parseLoop(p, lo, undefined);
  if (p.isKeyword('while')) return parseWhile(p, lo, undefined);
  if (p.isKeyword('for') && !p.is('<', p.look(1))) return parseFor(p, lo, undefined);
  if (p.is('|') || p.is('||') || p.isKeyword('move') || (p.isKeyword('async') && (p.is('|', p.look(1)) || p.is('||', p.look(1)) || p.isKeyword('move', p.look(1)))) || (p.isKeyword('static') && (p.is('|', p.look(1)) || p.is('||', p.look(1))))) {
    return parseClosure(p);
  }
  if (p.isKeyword('return')) {
    p.bump();
    const expr = canBeginExpr(p) && !(p.noStructLiteral && p.is('{')) ? parseExpr(p) : undefined;
    return expr ? { kind: 'return', expr, span: p.spanFrom(lo) } : { kind: 'return', span: p.spanFrom(lo) };
  }
  if (p.isKeyword('break')) {
    p.bump();
    let label: Label | undefined;
    if (p.token.kind === 'lifetime') {
      const l = p.bump();
      label = { name: l.text, span: l.span };
    }
    const expr = canBeginExpr(p) && !p.is('{') ? parseExpr(p) : p.is('{') && !p.noStructLiteral ? parseExpr(p) : undefined;
    const e: Expr = { kind: 'break', span: lo };
    if (label) e.label = label;
    if (expr) e.expr = expr;
    e.span = p.spanFrom(lo);
    return e;
  }
  if (p.isKeyword('continue')) {
    p.bump();
    const e: Expr = { kind: 'continue', span: lo };
    if (p.token.kind === 'lifetime') {
      const l = p.bump();
      e.label = { name: l.text, span: l.span };
    }
    e.span = p.spanFrom(lo);
    return e;
  }
  if (p.isKeyword('let')) {
    if (p.depth !== p.letDepth) {
      p.report(error('expected expression, found `let` statement').primary(t.span).note('only supported directly in conditions of `if` and `while` expressions'));
    }
    p.bump();
    const pat = parsePat(p);
    p.expect('=');
    const expr = parseBinary(p, 3);
    return { kind: 'let', pat, expr, span: p.spanFrom(lo) };
  }
  if (p.isKeyword('_')) {
    p.bump();
    return { kind: 'underscore', span: t.span };
  }
  if (p.is('..') || p.is('..=')) {
    // A prefix range as an operand (`0..=..=3` parses, as in rustc).
    const limits = p.bump().text as '..' | '..=';
    const hi = canEndRange(p) ? undefined : parseBinary(p, 1);
    return hi ? { kind: 'range', hi, limits, span: p.spanFrom(lo) } : { kind: 'range', limits, span: p.spanFrom(lo) };
  }
  if (p.checkSplit('<')) {
    const { qself, path } = parseQPath(p, 'expr');
    return { kind: 'path', qself, path, span: p.spanFrom(lo) };
  }
  if (p.check('::') || isPathSegmentStart(p)) return parsePathStartExpr(p);
  p.expect_('expression');
  p.fail(error(`expected expression, found ${p.describe()}`).primary(p.token.span, 'expected expression'));
}

function parsePathStartExpr(p: Parser): Expr {
  const lo = p.token.span;
  const path = parsePath(p, 'expr');
  if (p.check('!') && (p.is('(', p.look(1)) || p.is('[', p.look(1)) || p.is('{', p.look(1)))) {
    p.bump();
    const g = parseDelimGroup(p);
    const mac = { path, delim: g.delim, tts: g.tts, span: p.spanFrom(lo) };
    return { kind: 'macro', mac, span: mac.span };
  }
  if (p.check('{') && !p.noStructLiteral) return parseStructLit(p, path, lo);
  return { kind: 'path', path, span: p.spanFrom(lo) };
}

function parseStructLit(p: Parser, path: Path, lo: Span): Expr {
  p.expect('{');
  return withStructLiterals(p, () => {
    const fields: ExprField[] = [];
    let rest: Expr | 'rest' | undefined;
    while (!p.check('}')) {
      if (p.isEof()) p.unexpected();
      if (p.eat('..')) {
        rest = p.check('}') ? 'rest' : parseExpr(p);
        break;
      }
      const attrs = parseAttributes(p, false);
      const flo = p.token.span;
      let ident;
      if (p.token.kind === 'lit' && p.token.lit!.kind === 'int') {
        const t = p.bump();
        ident = { name: t.text, span: t.span };
      } else ident = parseIdent(p);
      if (p.eat(':')) {
        const expr = parseExpr(p);
        fields.push({ attrs, ident, expr, shorthand: false, span: p.spanFrom(flo) });
      } else {
        fields.push({ attrs, ident, expr: { kind: 'path', path: { span: ident.span, global: false, segments: [{ ident }] }, span: ident.span }, shorthand: true, span: p.spanFrom(flo) });
      }
      if (!p.eat(',')) break;
    }
    p.expect('}');
    const e: Expr = { kind: 'struct', path, fields, span: p.spanFrom(lo) };
    if (rest !== undefined) e.rest = rest;
    return e;
  });
}

/** `{ a: 1 }` where a value is expected: rustc's "struct literal body without path". */
function tryStructBodyWithoutPath(p: Parser, lo: Span): Expr | null {
  const pos = p.pos;
  const diags = p.diagnostics.length;
  try {
    const e = parseStructLit(p, { span: span(lo.lo, lo.lo), global: false, segments: [] }, lo);
    p.report(
      error('struct literal body without path')
        .primary(e.span, 'struct name missing for struct literal')
        .suggest(span(lo.lo, lo.lo), 'add the correct type', '/* Type */ ', 'verbose', 'HasPlaceholders'),
    );
    return e;
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    p.pos = pos;
    p.diagnostics.length = diags;
    return null;
  }
}

function parseBlockExpr(p: Parser, lo: Span, label: Label | undefined): Expr {
  const block = parseBlock(p);
  const e: Expr = { kind: 'block', block, unsafe: false, const: false, async: false, move: false, span: p.spanFrom(lo) };
  if (label) e.label = label;
  return e;
}

export function parseExprBlock(p: Parser): Expr {
  return parseBlockExpr(p, p.token.span, undefined);
}

/**
 * The body block of `if`/`while`/`for`/`else`. Without its `{`, rustc says "expected `{`" (with
 * notes that depend on the construct) and, when an expression follows, suggests wrapping it in a
 * block and carries on as if it had been.
 */
function parseBodyBlock(p: Parser, construct: 'if' | 'while' | 'for' | 'else', keyword: Span, cond?: Expr): Block {
  if (p.check('{')) return parseBlock(p);
  const t = p.token;
  const d = error(`expected \`{\`, found ${p.describe()}`);
  if (construct === 'while' && cond) {
    d.secondary(keyword, 'while parsing the body of this `while` expression');
    d.secondary(cond.span, 'this `while` condition successfully parsed');
  }
  d.primary(t.span, 'expected `{`');
  if (construct === 'if' && cond) d.spanNote(cond.span, 'the `if` expression is missing a block after this condition');
  if (t.kind === 'eof' || p.is('}') || p.is(';')) p.fail(d);
  const savedPos = p.pos;
  const savedDiags = p.diagnostics.length;
  let body: Expr;
  try {
    body = parseExpr(p);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    p.pos = savedPos;
    p.diagnostics.length = savedDiags;
    p.fail(d);
  }
  d.suggest(span(body.span.lo, body.span.hi), 'you might have meant to write this as part of a block', `{ ${p.file ? p.file.slice(body.span.lo, body.span.hi) : ''} }`, 'verbose', 'MaybeIncorrect').parts([
    { span: span(body.span.lo, body.span.lo), replacement: '{ ' },
    { span: span(body.span.hi, body.span.hi), replacement: ' }' },
  ]);
  p.diagnostics.splice(savedDiags, 0, d.build());
  return { stmts: [{ kind: 'expr', attrs: [], expr: body, semi: false, span: body.span }], span: body.span };
}

/** An `if`/`while` condition, where `let` (and `&&` chains of them) may appear. */
function parseCondition(p: Parser): Expr {
  const saved = p.letDepth;
  // parseExpr and parseUnary each enter one level before reaching a `let`.
  p.letDepth = p.depth + 2;
  try {
    return parseExprNoStruct(p);
  } finally {
    p.letDepth = saved;
  }
}

function parseIf(p: Parser): Expr {
  const lo = p.token.span;
  p.expectKeyword('if');
  if (p.is('{')) {
    // `if { … }`: rustc takes the block as the body of an `if` without a condition.
    const at = span(lo.hi, lo.hi);
    p.report(
      error('missing condition for `if` expression')
        .primary(at, 'expected condition here')
        .secondary(span(p.token.span.lo, p.token.span.lo + 1), 'if this block is the condition of the `if` expression, then it must be followed by another block'),
    );
    const then = parseBlock(p);
    return { kind: 'if', cond: { kind: 'err', span: at }, then, span: p.spanFrom(lo) };
  }
  const cond = parseCondition(p);
  const then = parseBodyBlock(p, 'if', lo, cond);
  let elseExpr: Expr | undefined;
  const elseTok = p.token.span;
  if (p.eatKeyword('else')) {
    if (p.isKeyword('if')) elseExpr = parseIf(p);
    else {
      const block = parseBodyBlock(p, 'else', elseTok);
      elseExpr = { kind: 'block', block, unsafe: false, const: false, async: false, move: false, span: block.span };
    }
  }
  return elseExpr ? { kind: 'if', cond, then, else: elseExpr, span: p.spanFrom(lo) } : { kind: 'if', cond, then, span: p.spanFrom(lo) };
}

function parseLoop(p: Parser, lo: Span, label: Label | undefined): Expr {
  p.expectKeyword('loop');
  const body = parseBlock(p);
  const e: Expr = { kind: 'loop', body, span: p.spanFrom(lo) };
  if (label) e.label = label;
  return e;
}

function parseWhile(p: Parser, lo: Span, label: Label | undefined): Expr {
  const kw = p.token.span;
  p.expectKeyword('while');
  const cond = parseCondition(p);
  const body = parseBodyBlock(p, 'while', kw, cond);
  const e: Expr = { kind: 'while', cond, body, span: p.spanFrom(lo) };
  if (label) e.label = label;
  return e;
}

function parseFor(p: Parser, lo: Span, label: Label | undefined): Expr {
  p.expectKeyword('for');
  const pat = parsePat(p);
  if (!p.checkKeyword('in')) {
    if (canBeginExpr(p) && !p.is('{') && !p.is('|')) {
      // `for x 0..3`: rustc suggests the missing `in` and reads on.
      const gap = span(pat.span.hi, p.token.span.lo);
      p.report(error('missing `in` in `for` loop').primary(gap).suggest(gap, 'try adding `in` here', ' in ', 'verbose'));
    } else p.unexpected();
  } else p.bump();
  const iter = parseExprNoStruct(p);
  const body = parseBodyBlock(p, 'for', lo);
  const e: Expr = { kind: 'for', pat, iter, body, span: p.spanFrom(lo) };
  if (label) e.label = label;
  return e;
}

function parseMatch(p: Parser): Expr {
  const lo = p.token.span;
  p.expectKeyword('match');
  const expr = parseExprNoStruct(p);
  p.expect('{');
  parseAttributes(p, true);
  const arms: Arm[] = [];
  withStructLiterals(p, () => {
    while (!p.check('}')) {
      if (p.isEof()) p.unexpected();
      const alo = p.token.span;
      const attrs = parseAttributes(p, false);
      const pat = parsePat(p);
      let guard: Expr | undefined;
      if (p.eatKeyword('if')) guard = parseExpr(p);
      if (!p.check('=>') && (p.is('->') || (p.is('=') && p.is('>', p.look(1))))) {
        // A thin arrow where `=>` belongs: rustc suggests the fat arrow and carries on.
        const d = p.buildUnexpected();
        const t = p.token;
        p.report(d.suggest(t.span, 'use a fat arrow to start a match arm', '=>', 'inline'));
        p.bump();
      } else p.expect('=>');
      const body = parseArmBody(p);
      const arm: Arm = guard ? { attrs, pat, guard, body, span: p.spanFrom(alo) } : { attrs, pat, body, span: p.spanFrom(alo) };
      arms.push(arm);
      if (p.eat(',')) continue;
      if (p.check('}')) break;
      if (isBlockLike(body)) continue;
      if (startsArm(p)) {
        // Another arm follows: rustc names the missing comma and reads on.
        const at = span(body.span.hi, body.span.hi);
        p.report(error('expected `,` following `match` arm').primary(at).suggest(at, 'missing a comma here to end this `match` arm', ',', 'verbose'));
        continue;
      }
      p.unexpected();
    }
  });
  p.expect('}');
  return { kind: 'match', expr, arms, span: p.spanFrom(lo) };
}

function parseClosure(p: Parser): Expr {
  const lo = p.token.span;
  p.eatKeyword('static');
  const async = p.eatKeyword('async');
  const move = p.eatKeyword('move');
  const params: ClosureParam[] = [];
  if (!p.eat('||')) {
    p.expectSplit('|');
    while (!p.checkSplit('|')) {
      if (p.isEof()) p.unexpected();
      const plo = p.token.span;
      const attrs = parseAttributes(p, false);
      const pat = parsePatNoTopAlt(p);
      const ty = p.eat(':') ? parseType(p) : undefined;
      params.push(ty ? { attrs, pat, ty, span: p.spanFrom(plo) } : { attrs, pat, span: p.spanFrom(plo) });
      if (!p.eat(',')) break;
    }
    p.expectSplit('|');
  }
  let ret;
  let body: Expr;
  if (p.eat('->')) {
    ret = parseType(p, false);
    body = parseBlockExpr(p, p.token.span, undefined);
  } else body = parseExpr(p);
  return ret ? { kind: 'closure', move, async, params, ret, body, span: p.spanFrom(lo) } : { kind: 'closure', move, async, params, body, span: p.spanFrom(lo) };
}

/** Whether a match arm (`pattern =>`) starts here; a speculative parse that leaves no trace. */
function startsArm(p: Parser): boolean {
  const pos = p.pos;
  const diags = p.diagnostics.length;
  try {
    parsePat(p);
    if (p.eatKeyword('if')) parseExpr(p);
    return p.is('=>');
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return false;
  } finally {
    p.pos = pos;
    p.diagnostics.length = diags;
    p.clearExpected();
  }
}

/** Expressions that end a statement without `;` (rustc: does not require a semicolon). */
export function isBlockLike(e: Expr): boolean {
  switch (e.kind) {
    case 'block':
    case 'if':
    case 'match':
    case 'loop':
    case 'while':
    case 'for':
      return true;
    case 'macro':
      return e.mac.delim === '{';
    default:
      return false;
  }
}

// ---- blocks and statements ----

export function parseBlock(p: Parser): Block {
  const inList = p.inItemList;
  p.inItemList = null;
  try {
    return parseBlockInner(p);
  } finally {
    p.inItemList = inList;
  }
}

function parseBlockInner(p: Parser): Block {
  const lo = p.token.span;
  if (!p.check('{')) {
    p.unexpected();
  }
  const openIdx = p.pos;
  p.bump();
  const stmts: Stmt[] = [];
  withStructLiterals(p, () => {
    parseAttributes(p, true);
    while (!p.is('}') && !p.isEof()) {
      const before = p.pos;
      try {
        const s = parseStmt(p);
        if (s) stmts.push(s);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        // Like rustc, give up on the rest of the block: resume at its closing brace.
        const close = p.closeOf[openIdx]!;
        if (close > p.pos || (close >= 0 && close === p.pos)) p.pos = close;
        else p.recoverStmt();
      }
      if (p.pos === before) p.bump();
    }
  });
  if (!p.eat('}')) p.check('}');
  return { stmts, span: p.spanFrom(lo) };
}

function startsBlockLike(p: Parser): boolean {
  const t = p.token;
  if (p.is('{')) return true;
  if (t.kind === 'lifetime' && p.is(':', p.look(1))) return true;
  if (p.isKeyword('if') || p.isKeyword('match') || p.isKeyword('loop') || p.isKeyword('while')) return true;
  if (p.isKeyword('for') && !p.is('<', p.look(1))) return true;
  if ((p.isKeyword('unsafe') || p.isKeyword('const')) && p.is('{', p.look(1))) return true;
  return false;
}

function parseStmt(p: Parser): Stmt | null {
  const lo = p.token.span;
  const attrs = parseAttributes(p, false);
  if (p.is(';')) {
    p.bump();
    return { kind: 'empty', span: p.spanFrom(lo) };
  }
  if (p.isKeyword('let')) return parseLet(p, attrs, lo);
  if (startsItem(p)) {
    const item = parseItem(p, attrs, lo);
    return { kind: 'item', item, span: item.span };
  }
  if (p.is('}')) return null;
  let expr: Expr;
  if (startsBlockLike(p)) {
    expr = parsePrimary(p);
    if (p.is('.') || p.is('?')) {
      expr = parsePostfix(p, expr, lo);
      expr = continueBinary(p, expr, lo);
    } else {
      const semi = p.eat(';');
      return { kind: 'expr', attrs, expr, semi, span: p.spanFrom(lo) };
    }
  } else {
    expr = parseExpr(p);
  }
  if (p.check(';')) {
    p.bump();
    return { kind: 'expr', attrs, expr, semi: true, span: p.spanFrom(lo) };
  }
  if (p.check('}')) return { kind: 'expr', attrs, expr, semi: false, span: p.spanFrom(lo) };
  if (expr.kind === 'macro' && expr.mac.delim === '{') return { kind: 'expr', attrs, expr, semi: false, span: p.spanFrom(lo) };
  expectSemi(p);
  return { kind: 'expr', attrs, expr, semi: true, span: p.spanFrom(lo) };
}

/**
 * A match arm's body. As rustc (which parses it with its statement restrictions), a block-like
 * body ends the arm: `{ … } (a, b) => …` is the next arm, not a call of the block's value;
 * only `.` and `?` continue it.
 */
function parseArmBody(p: Parser): Expr {
  if (!startsBlockLike(p)) return parseExpr(p);
  const lo = p.token.span;
  const expr = parsePrimary(p);
  if (!p.is('.') && !p.is('?')) return expr;
  return continueBinary(p, parsePostfix(p, expr, lo), lo);
}

/** After `match x {}.len()` in statement position, the rest of a binary expression. */
function continueBinary(p: Parser, lhs: Expr, lo: Span): Expr {
  for (;;) {
    const op = currentBinOp(p);
    if (op === null) return lhs;
    p.bump();
    if (op === 'as') {
      lhs = { kind: 'cast', expr: lhs, ty: parseType(p, false), span: p.spanFrom(lo) };
      continue;
    }
    const rhs = parseBinary(p, PREC[op]! + 1);
    lhs = { kind: 'binary', op: op as BinOp, lhs, rhs, span: p.spanFrom(lo) };
  }
}

function parseLet(p: Parser, attrs: Attribute[], lo: Span): Stmt {
  p.expectKeyword('let');
  const pat = parsePat(p);
  let ty: import('../ast/ast.ts').Type | undefined;
  const colon = p.token.span;
  if (p.eat(':')) {
    try {
      ty = parseType(p);
    } catch (e) {
      // rustc adds where it was: "while parsing the type for `x`".
      const d = p.diagnostics[p.diagnostics.length - 1];
      if (e instanceof ParseError && d && p.file && d.message.startsWith('expected type')) d.spans.push({ span: colon, label: `while parsing the type for \`${p.file.slice(pat.span.lo, pat.span.hi)}\``, primary: false });
      throw e;
    }
  }
  let init: Expr | undefined;
  let elseBlock: Block | undefined;
  if (p.eat('=')) {
    init = parseExpr(p);
    if (p.eatKeyword('else')) elseBlock = parseBlock(p);
  }
  expectSemi(p);
  const s: Stmt = { kind: 'let', attrs, pat, span: lo };
  if (ty) s.ty = ty;
  if (init) s.init = init;
  if (elseBlock) s.else = elseBlock;
  s.span = p.spanFrom(lo);
  return s;
}

/**
 * Expects the `;` ending a statement. Like rustc, when the next token is on a new line and could
 * start a statement (or closes the block), report "expected `;`" with a help to add it, and
 * carry on as if it were there.
 */
function expectSemi(p: Parser): void {
  if (p.eat(';')) return;
  const t = p.token;
  if (
    t.kind !== 'eof' &&
    p.onDifferentLines(p.prev.span.hi, t.span.lo) &&
    (p.is('}') || ((canBeginExpr(p) || startsItem(p)) && !p.is('#')))
  ) {
    const at = span(p.prev.span.hi, p.prev.span.hi);
    p.report(error(`expected \`;\`, found ${p.describe()}`).primary(at).secondary(t.span, 'unexpected token').suggest(at, 'add `;` here', ';', 'short'));
    return;
  }
  p.unexpected();
}
