// The macros of the subset, expanded during type checking: `panic!("literal")`, `assert!`,
// `debug_assert!`, `assert_eq!`-style macros refused, `unreachable!()`, `todo!()`,
// `unimplemented!()`, `addr_of!`/`addr_of_mut!`. Formatting macros are refused by name.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import { parseExpr } from '../parser/expr.ts';
import { parsePat } from '../parser/pat.ts';
import { checkPat } from './pat.ts';
import { Parser } from '../parser/parser.ts';
import { resolveSegs, segsOf } from '../resolve/path.ts';
import type { Token } from '../lexer/token.ts';
import type { Span } from '../span/span.ts';
import type { Expr } from '../thir/thir.ts';
import { BOOL, NEVER, UNIT } from '../thir/ty.ts';
import { coerce } from './coerce.ts';
import { checkExpr, refuse } from './expr.ts';
import type { Expect, FnCx } from './fncx.ts';

/** Macros of `std` only: a `#![no_std]` crate cannot name them (rustc: "cannot find macro"). */
const STD_ONLY_MACROS = new Set(['println', 'print', 'eprintln', 'eprint', 'format', 'vec', 'dbg']);

const FORMAT_MACROS = new Set(['println', 'print', 'eprintln', 'eprint', 'format', 'write', 'writeln', 'format_args', 'vec', 'dbg', 'assert_eq', 'assert_ne', 'debug_assert_eq', 'debug_assert_ne', 'concat', 'stringify', 'include', 'include_str', 'include_bytes', 'env', 'option_env', 'line', 'column', 'file', 'module_path', 'cfg', 'compile_error']);

/** Splits a macro's tokens at top-level commas. */
function splitArgs(tts: readonly ast.TokenTree[]): ast.TokenTree[][] {
  const out: ast.TokenTree[][] = [[]];
  for (const t of tts) {
    if (t.kind !== 'group' && (t as Token).kind === 'punct' && (t as Token).text === ',') out.push([]);
    else out[out.length - 1]!.push(t);
  }
  if (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

/** Flattens a token tree back to tokens for the parser. */
function flatten(tts: readonly ast.TokenTree[], out: Token[] = []): Token[] {
  for (const t of tts) {
    if (t.kind === 'group') {
      const g = t as ast.DelimGroup;
      const close = g.delim === '(' ? ')' : g.delim === '[' ? ']' : '}';
      out.push({ kind: 'punct', text: g.delim, span: g.open, joint: false });
      flatten(g.tts, out);
      out.push({ kind: 'punct', text: close, span: g.close, joint: false });
    } else out.push(t as Token);
  }
  return out;
}

function parseArg(fcx: FnCx, tts: ast.TokenTree[]): ast.Expr | undefined {
  const toks = flatten(tts);
  if (toks.length === 0) return undefined;
  const last = toks[toks.length - 1]!;
  toks.push({ kind: 'eof', text: '', span: { lo: last.span.hi, hi: last.span.hi }, joint: false });
  const file = fcx.cx.opts.sourceMap.fileAt(toks[0]!.span.lo);
  const p = new Parser(toks, file, '2021');
  try {
    const e = parseExpr(p);
    if (p.diagnostics.length > 0 || p.token.kind !== 'eof') {
      for (const d of p.diagnostics) fcx.cx.emit(d);
      if (p.diagnostics.length === 0) fcx.cx.emit(error(`expected expression, found \`${p.token.text}\``).primary(p.token.span));
      return undefined;
    }
    return e;
  } catch {
    fcx.cx.emit(error('expected expression').primary(toks[0]!.span));
    return undefined;
  }
}

function strLitArg(tts: ast.TokenTree[]): string | undefined {
  if (tts.length !== 1) return undefined;
  const t = tts[0] as Token;
  if (t.kind !== 'lit' || !t.lit || (t.lit.kind !== 'str' && t.lit.kind !== 'rawStr')) return undefined;
  return t.lit.value;
}

function spanOf(tts: ast.TokenTree[]): Span {
  const toks = flatten(tts);
  return { lo: toks[0]!.span.lo, hi: toks[toks.length - 1]!.span.hi };
}

function panicNode(fcx: FnCx, message: string, span: Span): Expr {
  return fcx.expr({ kind: 'panic', message }, NEVER, span);
}

/** A literal message; `{}` arguments are refused, `{{`/`}}` are unescaped. */
function literalMessage(fcx: FnCx, args: ast.TokenTree[][], from: number, span: Span): string | undefined {
  if (args.length <= from) return undefined;
  const s = strLitArg(args[from]!);
  if (s === undefined || args.length > from + 1 || /\{[^{]|[^}]\}/.test(s.replace(/\{\{|\}\}/g, ''))) {
    fcx.cx.unsupported('format arguments in panic messages', span);
    return '';
  }
  return s.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
}

export function checkMacroExpr(fcx: FnCx, e: ast.Expr & { kind: 'macro' }, _exp: Expect): Expr {
  const mac = e.mac;
  const segs = segsOf(mac.path);
  const name = segs[segs.length - 1]!.name;
  const args = splitArgs(mac.tts);
  if (name === 'asm' || name === 'global_asm' || name === 'naked_asm') return refuse(fcx, `\`${name}!\``, e.span);
  if (segs.length === 1) {
    const own = resolveSegs(fcx.cx, { scope: fcx.scope, report: false }, segs, false, 'macro', 'macro');
    if (own === undefined && lookupQuiet(fcx, name)) return fcx.errorExpr(e.span);
  }
  // Paths to core's macros (`core::panic!`, `core::ptr::addr_of!`) and imports of the builtins.
  if (segs.length > 1 || !['panic', 'assert', 'debug_assert', 'unreachable', 'todo', 'unimplemented', 'matches'].includes(name)) {
    const r = resolveSegs(fcx.cx, { scope: fcx.scope, report: false }, segs, mac.path.global, 'macro', 'macro');
    if (r && r.kind === 'builtin' && r.fn.macro) return addrOf(fcx, args, r.fn.macro.mut, e.span);
    if (segs.length > 1 && !['panic', 'assert', 'debug_assert', 'unreachable', 'todo', 'unimplemented', 'matches'].includes(name)) {
      if (FORMAT_MACROS.has(name)) return refuse(fcx, `the \`${name}!\` macro`, e.span);
      resolveSegs(fcx.cx, { scope: fcx.scope }, segs, mac.path.global, 'macro', 'macro');
      return fcx.errorExpr(e.span);
    }
    if (segs.length === 1) {
      if (STD_ONLY_MACROS.has(name) && fcx.cx.noStd) {
        fcx.cx.emit(error(`cannot find macro \`${name}\` in this scope`).primary(segs[0]!.span));
        return fcx.errorExpr(e.span);
      }
      if (FORMAT_MACROS.has(name)) return refuse(fcx, `the \`${name}!\` macro`, e.span);
      if (name === 'asm') return refuse(fcx, '`asm!`', e.span);
      fcx.cx.emit(error(`cannot find macro \`${name}\` in this scope`).primary(segs[0]!.span));
      return fcx.errorExpr(e.span);
    }
  }
  switch (name) {
    case 'matches': return checkMatches(fcx, args, e.span);
    case 'panic': {
      if (args.length === 0) return panicNode(fcx, 'explicit panic', e.span);
      const m = literalMessage(fcx, args, 0, e.span);
      return panicNode(fcx, m ?? 'explicit panic', e.span);
    }
    case 'unreachable': {
      if (args.length === 0) return panicNode(fcx, 'internal error: entered unreachable code', e.span);
      const m = literalMessage(fcx, args, 0, e.span);
      return panicNode(fcx, `internal error: entered unreachable code: ${m ?? ''}`, e.span);
    }
    case 'todo':
    case 'unimplemented': {
      const base = name === 'todo' ? 'not yet implemented' : 'not implemented';
      if (args.length === 0) return panicNode(fcx, base, e.span);
      const m = literalMessage(fcx, args, 0, e.span);
      return panicNode(fcx, `${base}: ${m ?? ''}`, e.span);
    }
    case 'assert':
    case 'debug_assert': {
      if (args.length === 0) {
        fcx.cx.emit(error('macro requires a boolean expression as an argument').primary(e.span, 'boolean expression required'));
        return fcx.errorExpr(e.span);
      }
      const condAst = parseArg(fcx, args[0]!);
      if (!condAst) return fcx.errorExpr(e.span);
      const cond = coerce(fcx, checkExpr(fcx, condAst, { ty: BOOL }), BOOL);
      const text = fcx.cx.snippet(spanOf(args[0]!)).replace(/\s+/g, ' ');
      const msg = args.length > 1 ? literalMessage(fcx, args, 1, e.span) ?? '' : `assertion failed: ${text}`;
      const not = fcx.expr({ kind: 'unary', op: 'not', operand: cond }, BOOL, cond.span);
      const then = fcx.expr({ kind: 'block', block: { stmts: [{ kind: 'expr', expr: panicNode(fcx, msg, e.span), span: e.span }], unsafe: false, ty: NEVER, span: e.span } }, NEVER, e.span);
      // debug_assert! is kept in every build: Bootlab's release builds are the only place it would differ.
      return fcx.expr({ kind: 'if', cond: not, then: coerceUnit(fcx, then) }, UNIT, e.span);
    }
  }
  return refuse(fcx, `the \`${name}!\` macro`, e.span);
}

/** A `macro_rules!` of this crate that was refused (reported at its definition). */
function lookupQuiet(fcx: FnCx, name: string): boolean {
  for (let s: typeof fcx.scope | undefined = fcx.scope; s; s = s.outer) {
    const b = s.macros.get(name);
    if (b && b.res.kind === 'unsupported') return true;
  }
  return false;
}

/** `matches!(e, pat if guard)` is `match e { pat if guard => true, _ => false }`. */
function checkMatches(fcx: FnCx, args: ast.TokenTree[][], span: Span): Expr {
  if (args.length < 2) {
    fcx.cx.emit(error('unexpected end of macro invocation').primary(span, 'missing tokens in macro arguments'));
    return fcx.errorExpr(span);
  }
  const scrutAst = parseArg(fcx, args[0]!);
  // The pattern may itself contain top-level commas only inside groups; rejoin the rest.
  const patTokens = args.slice(1).flatMap((a, i) => (i === 0 ? a : [{ kind: 'punct', text: ',', span: flatten(a)[0]!.span, joint: false } as Token, ...a]));
  const toks = flatten(patTokens);
  if (!scrutAst || toks.length === 0) return fcx.errorExpr(span);
  const last = toks[toks.length - 1]!;
  toks.push({ kind: 'eof', text: '', span: { lo: last.span.hi, hi: last.span.hi }, joint: false });
  const p = new Parser(toks, fcx.cx.opts.sourceMap.fileAt(toks[0]!.span.lo), '2021');
  let patAst: ast.Pat;
  let guardAst: ast.Expr | undefined;
  try {
    patAst = parsePat(p);
    if (p.token.kind === 'ident' && p.token.text === 'if') {
      p.bump();
      guardAst = parseExpr(p);
    }
  } catch {
    fcx.cx.emit(error('expected pattern').primary(toks[0]!.span));
    return fcx.errorExpr(span);
  }
  if (p.diagnostics.length > 0 || p.token.kind !== 'eof') {
    for (const d of p.diagnostics) fcx.cx.emit(d);
    if (p.diagnostics.length === 0) fcx.cx.emit(error(`no rules expected \`${p.token.text}\``).primary(p.token.span));
    return fcx.errorExpr(span);
  }
  const scrut = checkExpr(fcx, scrutAst);
  fcx.pushNames();
  const pat = checkPat(fcx, patAst, scrut.ty, { declare: true });
  const guard = guardAst ? coerce(fcx, checkExpr(fcx, guardAst, { ty: BOOL }), BOOL) : undefined;
  fcx.popNames();
  const lit = (v: boolean): Expr => fcx.expr({ kind: 'lit', value: { kind: 'scalar', value: v ? 1n : 0n } }, BOOL, span);
  const arms = [
    { pat, ...(guard ? { guard } : {}), body: lit(true), span },
    { pat: { kind: 'wild', ty: scrut.ty, span } as const, body: lit(false), span },
  ];
  return fcx.expr({ kind: 'match', scrutinee: scrut, arms }, BOOL, span);
}

function coerceUnit(fcx: FnCx, e: Expr): Expr {
  return fcx.expr({ kind: 'coerce', coercion: 'neverToAny', operand: e }, UNIT, e.span);
}

function addrOf(fcx: FnCx, args: ast.TokenTree[][], mut: boolean, span: Span): Expr {
  if (args.length !== 1) {
    fcx.cx.emit(error('unexpected end of macro invocation').primary(span));
    return fcx.errorExpr(span);
  }
  const a = parseArg(fcx, args[0]!);
  if (!a) return fcx.errorExpr(span);
  const place = checkExpr(fcx, a);
  return fcx.expr({ kind: 'addrOf', mut, raw: true, place }, { kind: 'ptr', mut, to: place.ty }, span);
}
