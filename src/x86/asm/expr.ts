// Expressions: parsed once into a small tree, evaluated on every pass. Arithmetic is 64-bit
// two's complement as in NASM (`/` and `%` unsigned, `//` and `%%` signed, `>>` logical,
// `>>>` arithmetic). Registers may appear inside effective addresses, where the evaluator
// reduces the expression to base + index*scale + displacement.
import { registerByName, type Register } from '../registers.ts';
import type { Token } from './lexer.ts';

export type Expr =
  | { readonly k: 'num'; readonly v: bigint }
  | { readonly k: 'sym'; readonly name: string }
  | { readonly k: 'here' }
  | { readonly k: 'start' }
  | { readonly k: 'reg'; readonly reg: Register }
  | { readonly k: 'un'; readonly op: string; readonly a: Expr }
  | { readonly k: 'bin'; readonly op: string; readonly a: Expr; readonly b: Expr }
  /** `c ? a : b` (NASM's conditional operator, lowest precedence). */
  | { readonly k: 'cond'; readonly c: Expr; readonly a: Expr; readonly b: Expr };

/** A problem in the source text of an expression (reported on the first pass). */
export class ExprSyntaxError extends Error {}

/**
 * A problem found while evaluating (undefined symbol on the final pass, ...). `immediate`
 * errors are ones NASM reports in whichever pass meets them, stopping after that pass
 * (division by zero with known operands).
 */
export class EvalError extends Error {
  constructor(message: string, readonly immediate = false) {
    super(message);
  }
}

/** Words that are never symbols inside an expression. */
const RESERVED = new Set([
  'byte', 'word', 'dword', 'qword', 'tword', 'oword', 'yword', 'zword',
  'short', 'near', 'far', 'strict', 'nosplit', 'seg', 'wrt', 'to',
]);

export function isReservedWord(lowerName: string): boolean {
  return RESERVED.has(lowerName);
}

/** Little-endian integer value of a character constant such as 'ab' (at most 8 bytes kept). */
export function charConstValue(bytes: Uint8Array): bigint {
  let v = 0n;
  const n = Math.min(bytes.length, 8);
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  return BigInt.asIntN(64, v);
}

/** A cursor over one line's tokens, shared by the expression and statement parsers. */
export class TokenStream {
  i = 0;
  constructor(readonly toks: readonly Token[]) {}
  peek(off = 0): Token | undefined { return this.toks[this.i + off]; }
  next(): Token | undefined { return this.toks[this.i++]; }
  atEnd(): boolean { return this.i >= this.toks.length; }
  /** True (and consumes it) when the next token is the operator `op`. */
  eatOp(op: string): boolean {
    const t = this.toks[this.i];
    if (t && t.kind === 'op' && t.text === op) { this.i++; return true; }
    return false;
  }
  isOp(op: string, off = 0): boolean {
    const t = this.toks[this.i + off];
    return t !== undefined && t.kind === 'op' && t.text === op;
  }
}

export interface ExprParseContext {
  /** Turns a name as written (`.loop`, `foo`, `..@3.x`) into its full symbol name. */
  qualify(name: string): string;
}

const LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['^^'],
  ['&&'],
  ['=', '==', '<', '>', '<=', '>=', '<>', '!=', '<=>'],
  ['|'],
  ['^'],
  ['&'],
  ['<<', '>>', '<<<', '>>>'],
  ['+', '-'],
  ['*', '/', '//', '%', '%%'],
];

/** Parses an expression starting at the stream's position; stops before a token that cannot continue it. */
export function parseExpr(ts: TokenStream, ctx: ExprParseContext): Expr {
  const c = parseLevel(ts, ctx, 0);
  // A lone `?` is an operator token (`a?b` is one identifier).
  const q = ts.peek();
  if (!q || q.kind !== 'op' || q.text !== '?') return c;
  ts.next();
  const a = parseExpr(ts, ctx);
  if (!ts.eatOp(':')) throw new ExprSyntaxError('`?\' without matching `:\'');
  const b = parseExpr(ts, ctx);
  return { k: 'cond', c, a, b };
}

function parseLevel(ts: TokenStream, ctx: ExprParseContext, level: number): Expr {
  if (level === LEVELS.length) return parseUnary(ts, ctx);
  const ops = LEVELS[level];
  let left = parseLevel(ts, ctx, level + 1);
  for (;;) {
    const t = ts.peek();
    if (!t || t.kind !== 'op' || !ops.includes(t.text)) return left;
    ts.next();
    const right = parseLevel(ts, ctx, level + 1);
    left = { k: 'bin', op: t.text, a: left, b: right };
  }
}

function parseUnary(ts: TokenStream, ctx: ExprParseContext): Expr {
  const t = ts.peek();
  if (!t) throw new ExprSyntaxError('expression syntax error');
  if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '~' || t.text === '!')) {
    ts.next();
    const a = parseUnary(ts, ctx);
    if (t.text === '+') return a;
    if (a.k === 'num') return { k: 'num', v: foldUnary(t.text, a.v) };
    return { k: 'un', op: t.text, a };
  }
  return parsePrimary(ts, ctx);
}

function parsePrimary(ts: TokenStream, ctx: ExprParseContext): Expr {
  const t = ts.next();
  if (!t) throw new ExprSyntaxError('expression syntax error');
  switch (t.kind) {
    case 'num': return { k: 'num', v: BigInt.asIntN(64, t.value!) };
    case 'str': return { k: 'num', v: charConstValue(t.bytes!) };
    case 'float': throw new ExprSyntaxError('floating-point constant not valid in an integer expression');
    case 'id': {
      if (!t.escaped) {
        const reg = registerByName(t.text);
        // NASM has no `rip` register name: RIP-relative addressing is written [rel x].
        if (reg && reg.cls !== 'ip') return { k: 'reg', reg };
        const lower = t.text.toLowerCase();
        if (lower === 'seg' || lower === 'wrt') throw new ExprSyntaxError(`\`${lower}' is not supported in flat binary output`);
        if (RESERVED.has(lower)) throw new ExprSyntaxError('expression syntax error');
      }
      return { k: 'sym', name: ctx.qualify(t.text) };
    }
    case 'op':
      if (t.text === '(') {
        const e = parseExpr(ts, ctx);
        if (!ts.eatOp(')')) throw new ExprSyntaxError('expecting `)\'');
        return e;
      }
      if (t.text === '$') return { k: 'here' };
      if (t.text === '$$') return { k: 'start' };
      break;
  }
  ts.i--;
  throw new ExprSyntaxError('expression syntax error');
}

function foldUnary(op: string, v: bigint): bigint {
  switch (op) {
    case '-': return BigInt.asIntN(64, -v);
    case '~': return BigInt.asIntN(64, ~v);
    case '!': return v === 0n ? 1n : 0n;
    default: return v;
  }
}

/**
 * A section as the evaluator sees it. A label's value is an offset in its section; the
 * section's address (`base`) is settled only when the layout of a pass is done. NASM keeps
 * such values relocatable: `push label` never takes the short form, `push label2-label` may.
 */
export interface Sect {
  readonly base: bigint;
  readonly baseKnown: boolean;
}

/** The "section" of a value mixing several relocatable terms: the offset is then absolute. */
export const MIXED: Sect = Object.freeze({ base: 0n, baseKnown: true });

/** What the evaluator needs from the assembler: symbol values and the current position. */
export interface EvalEnv {
  /** Value of a symbol into `out`; known false when it has no value yet. May throw EvalError. */
  lookup(name: string, out: SymbolValue): void;
  /** `$` (as section + offset). */
  here(out: SymbolValue): void;
  /** `$$`. */
  start(out: SymbolValue): void;
}

export interface SymbolValue {
  /** Offset within `sec`, or the plain number when `sec` is null. */
  value: bigint;
  known: boolean;
  sec: Sect | null;
}

/** One register term of an effective address, in order of first appearance. */
export interface RegTerm {
  reg: Register;
  coef: bigint;
  /** The register was multiplied explicitly (`eax*1`): NASM then prefers it as the index. */
  multiplied: boolean;
}

/** base + index*scale + disp before the choice of base and index; `sec` as in SymbolValue. */
export interface LinearForm {
  disp: bigint;
  sec: Sect | null;
  terms: RegTerm[];
}

const DIVISION_OPS: Record<string, string> = { '/': 'division', '//': 'signed division', '%': 'modulo', '%%': 'signed modulo' };

/**
 * Evaluates expressions against an environment. `unknown` becomes true when any part of the
 * value depended on something not yet known; the caller resets it before each evaluation.
 * `sec` tells the section of the last result (null: a plain number).
 */
export class Evaluator {
  unknown = false;
  sec: Sect | null = null;
  private readonly tmp: SymbolValue = { value: 0n, known: true, sec: null };

  constructor(private env: EvalEnv) {}

  setEnv(env: EvalEnv): void { this.env = env; }

  /** Absolute value of an offset in `sec`. */
  absolute(v: bigint, sec: Sect | null): bigint {
    if (!sec) return v;
    if (!sec.baseKnown) this.unknown = true;
    return BigInt.asIntN(64, v + sec.base);
  }

  /** Evaluates to an absolute value; `sec` afterwards tells whether it was relocatable. */
  evalAbs(e: Expr): bigint {
    const v = this.eval(e);
    return this.absolute(v, this.sec);
  }

  /** Evaluates a scalar expression (result relative to `this.sec`); registers are an error. */
  eval(e: Expr): bigint {
    switch (e.k) {
      case 'num': this.sec = null; return e.v;
      case 'sym': this.env.lookup(e.name, this.tmp); return this.took();
      case 'here': this.env.here(this.tmp); return this.took();
      case 'start': this.env.start(this.tmp); return this.took();
      case 'reg':
        throw new EvalError('invalid use of register in expression');
      case 'un': {
        const a = this.eval(e.a);
        const sa = this.sec;
        this.sec = e.op === '-' && sa ? MIXED : null;
        return foldUnary(e.op, this.absolute(a, sa));
      }
      case 'cond': {
        // All three parts are evaluated (an undefined name in either branch is an error, as
        // in NASM); only the chosen branch's value, section and unknown-ness count.
        const outer = this.unknown;
        this.unknown = false;
        const c = this.eval(e.c);
        if (this.sec !== null) throw new EvalError('the left-hand side of `?\' must be a scalar value', true);
        const uc = this.unknown;
        this.unknown = false;
        const a = this.eval(e.a);
        const sa = this.sec;
        const ua = this.unknown;
        this.unknown = false;
        const b = this.eval(e.b);
        const sb = this.sec;
        const ub = this.unknown;
        if (uc) {
          this.unknown = true;
          this.sec = null;
          return 0n;
        }
        this.unknown = outer || (c !== 0n ? ua : ub);
        this.sec = c !== 0n ? sa : sb;
        return c !== 0n ? a : b;
      }
      case 'bin': {
        // Both sides are evaluated even for && and ||, as NASM does.
        const a = this.eval(e.a);
        const sa = this.sec;
        const b = this.eval(e.b);
        const sb = this.sec;
        return this.combine(e.op, a, sa, b, sb);
      }
    }
  }

  private took(): bigint {
    if (!this.tmp.known) this.unknown = true;
    this.sec = this.tmp.sec;
    return this.tmp.value;
  }

  private combine(op: string, a: bigint, sa: Sect | null, b: bigint, sb: Sect | null): bigint {
    if (!sa && !sb) {
      this.sec = null;
      return this.binary(op, a, b);
    }
    if (op === '+') {
      if (sa && sb) { this.sec = MIXED; return BigInt.asIntN(64, this.absolute(a, sa) + this.absolute(b, sb)); }
      this.sec = sa ?? sb;
      return BigInt.asIntN(64, a + b);
    }
    if (op === '-') {
      if (sa && !sb) { this.sec = sa; return BigInt.asIntN(64, a - b); }
      if (sa && sa === sb && sa !== MIXED) { this.sec = null; return BigInt.asIntN(64, a - b); }
      this.sec = MIXED;
      return BigInt.asIntN(64, this.absolute(a, sa) - this.absolute(b, sb));
    }
    const div = DIVISION_OPS[op];
    if (div) throw new EvalError(`${div} operator may only be applied to scalar values`);
    const r = this.binary(op, this.absolute(a, sa), this.absolute(b, sb));
    this.sec = op === '*' ? MIXED : null;
    return r;
  }

  private binary(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+': return BigInt.asIntN(64, a + b);
      case '-': return BigInt.asIntN(64, a - b);
      case '*': return BigInt.asIntN(64, a * b);
      case '/': case '%': case '//': case '%%': {
        if (b === 0n) {
          if (this.unknown) return 0n;
          throw new EvalError('division by zero', true);
        }
        if (op === '/') return BigInt.asIntN(64, BigInt.asUintN(64, a) / BigInt.asUintN(64, b));
        if (op === '%') return BigInt.asIntN(64, BigInt.asUintN(64, a) % BigInt.asUintN(64, b));
        if (op === '//') return BigInt.asIntN(64, a / b);
        return BigInt.asIntN(64, a % b);
      }
      case '<<': case '<<<': return b >= 64n || b < 0n ? 0n : BigInt.asIntN(64, a << b);
      case '>>': return b >= 64n || b < 0n ? 0n : BigInt.asIntN(64, BigInt.asUintN(64, a) >> b);
      case '>>>': return b >= 64n || b < 0n ? (a < 0n ? -1n : 0n) : a >> b;
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
      case '=': case '==': return a === b ? 1n : 0n;
      case '!=': case '<>': return a !== b ? 1n : 0n;
      case '<': return a < b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
      case '<=>': return a < b ? -1n : a > b ? 1n : 0n;
      case '&&': return a !== 0n && b !== 0n ? 1n : 0n;
      case '||': return a !== 0n || b !== 0n ? 1n : 0n;
      case '^^': return (a !== 0n) !== (b !== 0n) ? 1n : 0n;
    }
    throw new EvalError(`unknown operator \`${op}'`);
  }

  /** Reduces an effective-address expression to registers with coefficients plus a displacement. */
  linear(e: Expr): LinearForm {
    switch (e.k) {
      case 'reg': return { disp: 0n, sec: null, terms: [{ reg: e.reg, coef: 1n, multiplied: false }] };
      case 'un':
        if (e.op === '-') return this.scaleForm(this.linear(e.a), -1n, false);
        break;
      case 'bin':
        if (e.op === '+' || e.op === '-') {
          const a = this.linear(e.a);
          const b = this.linear(e.b);
          return this.addForms(a, b, e.op);
        }
        if (e.op === '*' && containsRegister(e)) {
          const a = this.linear(e.a);
          const b = this.linear(e.b);
          if (b.terms.length === 0) return this.scaleForm(a, this.absolute(b.disp, b.sec), true);
          if (a.terms.length === 0) return this.scaleForm(b, this.absolute(a.disp, a.sec), true);
          throw new EvalError('invalid effective address: impossible register multiplication');
        }
        break;
    }
    if (!containsRegister(e)) {
      const disp = this.eval(e);
      return { disp, sec: this.sec, terms: [] };
    }
    throw new EvalError('invalid effective address');
  }

  private scaleForm(f: LinearForm, by: bigint, explicit: boolean): LinearForm {
    let disp: bigint;
    let sec: Sect | null;
    if (f.sec && by !== 1n) { disp = BigInt.asIntN(64, this.absolute(f.disp, f.sec) * by); sec = MIXED; }
    else { disp = BigInt.asIntN(64, f.disp * by); sec = f.sec; }
    return {
      disp, sec,
      terms: f.terms.map((t) => ({ reg: t.reg, coef: t.coef * by, multiplied: t.multiplied || explicit })),
    };
  }

  private addForms(a: LinearForm, b: LinearForm, op: '+' | '-'): LinearForm {
    const disp = this.combine(op, a.disp, a.sec, b.disp, b.sec);
    const sec = this.sec;
    const terms = a.terms.slice();
    for (const t0 of b.terms) {
      const t = op === '-' ? { reg: t0.reg, coef: -t0.coef, multiplied: t0.multiplied } : t0;
      const j = terms.findIndex((u) => u.reg === t.reg);
      if (j < 0) terms.push(t);
      else terms[j] = { reg: t.reg, coef: terms[j].coef + t.coef, multiplied: terms[j].multiplied || t.multiplied };
    }
    return { disp, sec, terms };
  }
}

function containsRegister(e: Expr): boolean {
  switch (e.k) {
    case 'reg': return true;
    case 'un': return containsRegister(e.a);
    case 'bin': return containsRegister(e.a) || containsRegister(e.b);
    case 'cond': return containsRegister(e.c) || containsRegister(e.a) || containsRegister(e.b);
    default: return false;
  }
}

/** True when the expression has no symbol, `$` or `$$` in it (its value can never change). */
export function isConstant(e: Expr): boolean {
  switch (e.k) {
    case 'num': return true;
    case 'un': return isConstant(e.a);
    case 'bin': return isConstant(e.a) && isConstant(e.b);
    case 'cond': return isConstant(e.c) && isConstant(e.a) && isConstant(e.b);
    default: return false;
  }
}
