// Turns one preprocessed line into a statement: an optional label, then an instruction with
// its prefixes and operands, a data or reservation directive, `times`, `equ`, or one of the
// assembler directives. Expressions stay as trees; the passes evaluate them.
import { registerByName, type Register } from '../registers.ts';
import type { RepPrefix } from '../types.ts';
import { tokenize, LexError, type Token } from './lexer.ts';
import { parseExpr, TokenStream, ExprSyntaxError, isReservedWord, type Expr } from './expr.ts';
import { isNasmMnemonic } from './mnemonics.ts';

export class ParseError extends Error {}

/** Size keywords and the operand size they name (yword/zword exist but no encoding takes them). */
const SIZE_WORDS: Record<string, number> = {
  byte: 1, word: 2, dword: 4, qword: 8, tword: 10, oword: 16, yword: 32, zword: 64,
};

export const DATA_UNITS: Record<string, number> = {
  db: 1, dw: 2, dd: 4, dq: 8, dt: 10, do: 16, dy: 32, dz: 64,
};

export const RES_UNITS: Record<string, number> = {
  resb: 1, resw: 2, resd: 4, resq: 8, rest: 10, reso: 16, resy: 32, resz: 64,
};

/** Mnemonics whose plain numeric operand is a branch target (a `rel` operand). */
const BRANCHES = new Set([
  'jmp', 'call', 'jcxz', 'jecxz', 'jrcxz', 'loop', 'loope', 'loopz', 'loopne', 'loopnz', 'xbegin',
  'jo', 'jno', 'jb', 'jc', 'jnae', 'jae', 'jnb', 'jnc', 'je', 'jz', 'jne', 'jnz', 'jbe', 'jna',
  'ja', 'jnbe', 'js', 'jns', 'jp', 'jpe', 'jnp', 'jpo', 'jl', 'jnge', 'jge', 'jnl', 'jle', 'jng',
  'jg', 'jnle',
]);

export function isBranchMnemonic(m: string): boolean {
  return BRANCHES.has(m);
}

const DIRECTIVES = new Set([
  'bits', 'use16', 'use32', 'use64', 'org', 'section', 'segment', 'default', 'cpu', 'global',
  'extern', 'common', 'static', 'required', 'absolute', 'align', 'alignb', 'sectalign',
  'float', 'struc', 'endstruc', 'istruc', 'at', 'iend',
]);

/** Directives that NASM's standard macros provide: a label may precede them. */
const MACRO_DIRECTIVES = new Set(['align', 'alignb', 'istruc', 'at', 'iend']);

/** Directives NASM knows only in their bracketed form here; as a bare word they are labels. */
const BRACKET_ONLY = new Set(['warning', 'list', 'map', 'debug']);

const PREFIXES = new Set(['lock', 'rep', 'repe', 'repz', 'repne', 'repnz', 'o16', 'o32', 'o64', 'a16', 'a32', 'a64']);

export type OperandAst =
  | { readonly kind: 'reg'; readonly reg: Register }
  | {
    readonly kind: 'imm';
    readonly expr: Expr;
    readonly size?: number;
    readonly strict?: boolean;
    readonly dist?: 'short' | 'near';
  }
  | {
    readonly kind: 'mem';
    readonly expr: Expr;
    readonly size?: number;
    readonly seg?: Register;
    readonly dispSize?: 1 | 2 | 4 | 8;
    readonly rel?: boolean;
    readonly nosplit?: boolean;
    readonly hasRegs: boolean;
  }
  | {
    readonly kind: 'far';
    readonly selector: Expr;
    readonly offset: Expr;
    readonly size?: number;
  };

export interface InsnStmt {
  readonly kind: 'insn';
  readonly mnemonic: string;
  readonly operands: readonly OperandAst[];
  readonly lock?: boolean;
  readonly rep?: RepPrefix;
  readonly opsize?: 2 | 4 | 8;
  readonly addrsize?: 2 | 4 | 8;
  readonly far?: boolean;
  readonly segPrefix?: Register;
}

export type DataItem =
  | { readonly kind: 'expr'; readonly expr: Expr }
  | { readonly kind: 'str'; readonly bytes: Uint8Array }
  | { readonly kind: 'float'; readonly text: string; readonly negative: boolean }
  | { readonly kind: 'undef' };

export interface DataStmt { readonly kind: 'data'; readonly unit: number; readonly items: readonly DataItem[] }
export interface ResStmt { readonly kind: 'res'; readonly unit: number; readonly count: Expr }
export interface IncbinStmt { readonly kind: 'incbin'; readonly file: string; readonly skip?: Expr; readonly len?: Expr }

/** What `times` may repeat and `align` may pad with. */
export type Body = InsnStmt | DataStmt | ResStmt | IncbinStmt;

export type Stmt =
  | { readonly kind: 'empty' }
  | Body
  | { readonly kind: 'equ'; readonly expr: Expr }
  | { readonly kind: 'times'; readonly count: Expr; readonly body: Body }
  | { readonly kind: 'align'; readonly boundary: Expr; readonly fill?: Body; readonly b: boolean }
  | { readonly kind: 'bits'; readonly bits: 16 | 32 | 64 }
  | { readonly kind: 'org'; readonly expr: Expr }
  | {
    readonly kind: 'section';
    readonly name: string;
    readonly align?: number;
    readonly nobits?: boolean;
    readonly attrError?: string;
  }
  | { readonly kind: 'sectalign'; readonly boundary: Expr }
  | { readonly kind: 'default'; readonly rel: boolean }
  | { readonly kind: 'extern'; readonly names: readonly string[] }
  /** `global`/`static` names; `special` is the type text after a colon (`function`, `data`...). */
  | { readonly kind: 'global'; readonly names: readonly { readonly name: string; readonly special?: string }[] }
  | { readonly kind: 'absolute'; readonly expr: Expr }
  | { readonly kind: 'struc'; readonly name: string; readonly offset?: Expr }
  | { readonly kind: 'endstruc' }
  | { readonly kind: 'istruc'; readonly name: string }
  | { readonly kind: 'at'; readonly field: Expr; readonly body?: Body }
  | { readonly kind: 'iend' }
  | { readonly kind: 'ignored' };

export interface ParsedLine {
  /** Full name of the label defined on this line (also the name an `equ` defines). */
  readonly label?: string;
  readonly stmt: Stmt;
}

/**
 * Parser state that carries from line to line: the last non-local label, which scopes
 * `.local` names. Parse lines in source order.
 */
export class LineParser {
  private base = '';

  qualify = (name: string): string => {
    if (name.startsWith('.') && !name.startsWith('..')) return this.base + name;
    return name;
  };

  /** Parses one line; throws ParseError with NASM's wording for malformed lines. */
  parse(text: string): ParsedLine {
    let toks: Token[];
    try {
      toks = tokenize(text);
    } catch (e) {
      if (e instanceof LexError) throw new ParseError(e.message);
      throw e;
    }
    if (toks.length === 0) return { stmt: { kind: 'empty' } };
    const ts = new TokenStream(toks);
    try {
      return this.parseTokens(ts);
    } catch (e) {
      if (e instanceof ExprSyntaxError) throw new ParseError(e.message);
      throw e;
    }
  }

  private parseTokens(ts: TokenStream): ParsedLine {
    const first = ts.peek()!;
    // [directive ...]
    if (first.kind === 'op' && first.text === '[') {
      const t = ts.peek(1);
      if (t && t.kind === 'id' && (DIRECTIVES.has(t.text.toLowerCase()) || BRACKET_ONLY.has(t.text.toLowerCase()))) {
        const close = ts.toks.findIndex((x, k) => k > 0 && x.kind === 'op' && x.text === ']');
        if (close < 0) throw new ParseError('missing `]\' after directive');
        const inner = new TokenStream(ts.toks.slice(1, close));
        inner.next();
        const stmt = this.directive(t.text.toLowerCase(), inner);
        return { stmt };
      }
      throw new ParseError('label or instruction expected at start of line');
    }
    if (first.kind !== 'id') throw new ParseError('label or instruction expected at start of line');
    const lower = first.escaped ? '' : first.text.toLowerCase();
    if (DIRECTIVES.has(lower)) {
      ts.next();
      return { stmt: this.directive(lower, ts) };
    }

    let label: string | undefined;
    // A word followed by a colon is a label even when it names an instruction (`loop:`).
    const colonLabel = ts.isOp(':', 1) && !registerByName(first.text);
    if (first.escaped || colonLabel || !this.startsStatement(lower)) {
      if (!first.escaped && (registerByName(first.text) || isReservedWord(lower))) {
        throw new ParseError('label or instruction expected at start of line');
      }
      ts.next();
      label = this.qualify(first.text);
      ts.eatOp(':');
      const next = ts.peek();
      if (next === undefined) {
        this.noteLabel(first.text);
        return { label, stmt: { kind: 'empty' } };
      }
      if (next.kind === 'id' && !next.escaped && next.text.toLowerCase() === 'equ') {
        ts.next();
        const expr = this.expr(ts);
        this.expectEnd(ts);
        return { label, stmt: { kind: 'equ', expr } };
      }
      this.noteLabel(first.text);
      if (next.kind === 'id' && !next.escaped) {
        const nl = next.text.toLowerCase();
        // NASM implements these as macros, so a label may stand before them.
        if (MACRO_DIRECTIVES.has(nl)) {
          ts.next();
          return { label, stmt: this.directive(nl, ts) };
        }
      }
      if (next.kind !== 'id' || next.escaped || !this.startsStatement(next.text.toLowerCase())) {
        throw new ParseError('parser: instruction expected');
      }
    }
    if (ts.peek()!.kind === 'id' && ts.peek()!.text.toLowerCase() === 'equ') {
      throw new ParseError('EQU not preceded by label');
    }
    return { label, stmt: this.statement(ts) };
  }

  /**
   * `global a, b:function ...`: names with an optional special type after a colon. The flat
   * binary format rejects special types, at each such symbol's definition (see the passes).
   */
  private globalDecl(directive: string, ts: TokenStream): Stmt {
    const names: { name: string; special?: string }[] = [];
    if (ts.atEnd()) return { kind: 'ignored' };
    for (;;) {
      let special: string | undefined;
      const t = ts.next()!;
      if (t.kind !== 'id') throw new ParseError(`identifier expected after ${directive}, got \`${t.text}'`);
      if (ts.eatOp(':')) {
        const words: string[] = [];
        while (!ts.atEnd() && !ts.isOp(',')) words.push(ts.next()!.text);
        if (words.length > 0) special = words.join(' ');
      } else if (!ts.atEnd() && !ts.isOp(',')) {
        throw new ParseError(`invalid syntax in ${directive} declaration`);
      }
      names.push({ name: this.qualify(t.text), ...(special !== undefined && { special }) });
      if (!ts.eatOp(',') || ts.atEnd()) break;
    }
    return { kind: 'global', names };
  }

  private noteLabel(name: string): void {
    if (!(name.startsWith('.'))) this.base = name;
  }

  private startsStatement(lower: string): boolean {
    return isNasmMnemonic(lower) || PREFIXES.has(lower) || lower in DATA_UNITS || lower in RES_UNITS
      || lower === 'times' || lower === 'incbin' || lower === 'equ'
      || (registerByName(lower)?.cls === 'seg');
  }

  /** times / data / res / incbin / instruction, at the stream's position. */
  private statement(ts: TokenStream): Stmt {
    const t = ts.peek()!;
    const lower = t.text.toLowerCase();
    if (lower === 'times') {
      ts.next();
      const count = this.expr(ts);
      const nt = ts.peek();
      if (!nt || nt.kind !== 'id' || nt.escaped || !this.startsStatement(nt.text.toLowerCase())) {
        throw new ParseError('parser: instruction expected');
      }
      const body = this.statement(ts);
      if (body.kind === 'times') return { kind: 'times', count: { k: 'bin', op: '*', a: count, b: body.count }, body: body.body };
      return { kind: 'times', count, body: body as Body };
    }
    return this.body(ts);
  }

  private body(ts: TokenStream): Body {
    const t = ts.next()!;
    const lower = t.text.toLowerCase();
    if (lower in DATA_UNITS) return { kind: 'data', unit: DATA_UNITS[lower], items: this.dataItems(ts) };
    if (lower in RES_UNITS) {
      const count = this.expr(ts);
      this.expectEnd(ts);
      return { kind: 'res', unit: RES_UNITS[lower], count };
    }
    if (lower === 'incbin') return this.incbin(ts);
    return this.instruction(t, ts);
  }

  private instruction(first: Token, ts: TokenStream): InsnStmt {
    let lock = false;
    let rep: RepPrefix | undefined;
    let opsize: 2 | 4 | 8 | undefined;
    let addrsize: 2 | 4 | 8 | undefined;
    let segPrefix: Register | undefined;
    let t: Token | undefined = first;
    for (;;) {
      if (!t || t.kind !== 'id') throw new ParseError('parser: instruction expected');
      const lower = t.text.toLowerCase();
      const seg = registerByName(lower);
      if (lower === 'lock') lock = true;
      else if (lower === 'rep') rep = 'rep';
      else if (lower === 'repe' || lower === 'repz') rep = 'repe';
      else if (lower === 'repne' || lower === 'repnz') rep = 'repne';
      else if (lower === 'o16' || lower === 'o32' || lower === 'o64') opsize = (Number(lower.slice(1)) / 8) as 2 | 4 | 8;
      else if (lower === 'a16' || lower === 'a32' || lower === 'a64') addrsize = (Number(lower.slice(1)) / 8) as 2 | 4 | 8;
      else if (seg && seg.cls === 'seg') segPrefix = seg;
      else break;
      t = ts.next();
      if (!t) {
        // A prefix alone on a line: NASM assembles just the prefix byte, which we cannot express.
        throw new ParseError(`a prefix (\`${lower}') alone on a line is not supported`);
      }
    }
    const mnemonic = t.text.toLowerCase();
    if (!isNasmMnemonic(mnemonic)) throw new ParseError('parser: instruction expected');
    const operands: OperandAst[] = [];
    let far = false;
    const branch = BRANCHES.has(mnemonic);
    if (!ts.atEnd()) {
      for (;;) {
        const op = this.operand(ts, branch);
        if (op.far) far = true;
        operands.push(op.op);
        if (ts.atEnd()) break;
        if (!ts.eatOp(',')) throw new ParseError('comma, colon, decorator or end of line expected after operand');
        if (ts.atEnd()) throw new ParseError('expression syntax error');
      }
    }
    return {
      kind: 'insn', mnemonic, operands,
      ...(lock && { lock }), ...(rep && { rep }), ...(opsize && { opsize }), ...(addrsize && { addrsize }),
      ...(far && { far }), ...(segPrefix && { segPrefix }),
    };
  }

  private operand(ts: TokenStream, branch: boolean): { op: OperandAst; far: boolean } {
    let size: number | undefined;
    let strict = false;
    let dist: 'short' | 'near' | undefined;
    let far = false;
    for (;;) {
      const t = ts.peek();
      if (!t || t.kind !== 'id' || t.escaped) break;
      const lower = t.text.toLowerCase();
      if (lower in SIZE_WORDS) size = SIZE_WORDS[lower];
      else if (lower === 'strict') strict = true;
      else if (lower === 'short') dist = 'short';
      else if (lower === 'near') dist = 'near';
      else if (lower === 'far') far = true;
      else if (lower === 'to') { /* x87 `to`: no meaning for the forms we encode */ }
      else break;
      ts.next();
    }
    if (ts.atEnd()) throw new ParseError('expression syntax error');
    // seg:[mem]
    const t0 = ts.peek()!;
    if (t0.kind === 'id' && !t0.escaped && ts.isOp(':', 1) && ts.isOp('[', 2)) {
      const seg = registerByName(t0.text);
      if (seg && seg.cls === 'seg') {
        ts.next(); ts.next();
        const m = this.memory(ts, size, seg);
        return { op: m, far };
      }
    }
    if (ts.isOp('[')) return { op: this.memory(ts, size, undefined), far };
    const e = this.expr(ts);
    // `8[ebx]`, and MASM's `dword ptr [ebx]` (ptr is then a symbol): NASM adds the expression
    // before the brackets to the address.
    if (ts.isOp('[') && e.k !== 'reg') {
      const m = this.memory(ts, size, undefined);
      if (m.kind === 'mem') {
        const expr: Expr = { k: 'bin', op: '+', a: e, b: m.expr };
        return { op: { ...m, expr, hasRegs: hasRegister(expr) }, far };
      }
      return { op: m, far };
    }
    if (e.k === 'reg' && !ts.isOp(':')) return { op: { kind: 'reg', reg: e.reg }, far };
    if (ts.eatOp(':')) {
      // `jmp 0x08:dword entry`: a size may also stand before the offset.
      for (let t = ts.peek(); t && t.kind === 'id' && !t.escaped && t.text.toLowerCase() in SIZE_WORDS; t = ts.peek()) {
        size = SIZE_WORDS[t.text.toLowerCase()];
        ts.next();
      }
      const offset = this.expr(ts);
      return { op: { kind: 'far', selector: e, offset, ...(size !== undefined && { size }) }, far };
    }
    if (far && branch) {
      throw new ParseError('binary output format does not support segment base references');
    }
    return {
      op: {
        kind: 'imm', expr: e,
        ...(size !== undefined && { size }), ...(strict && { strict }), ...(dist && { dist }),
      },
      far,
    };
  }

  private memory(ts: TokenStream, size: number | undefined, outerSeg: Register | undefined): OperandAst {
    ts.next(); // [
    let seg = outerSeg;
    let dispSize: 1 | 2 | 4 | 8 | undefined;
    let rel: boolean | undefined;
    let nosplit = false;
    for (;;) {
      const t = ts.peek();
      if (!t || t.kind !== 'id' || t.escaped) break;
      const lower = t.text.toLowerCase();
      if (lower === 'byte') dispSize = 1;
      else if (lower === 'word') dispSize = 2;
      else if (lower === 'dword') dispSize = 4;
      else if (lower === 'qword') dispSize = 8;
      else if (lower === 'rel') rel = true;
      else if (lower === 'abs') rel = false;
      else if (lower === 'nosplit') nosplit = true;
      else if (ts.isOp(':', 1) && registerByName(lower)?.cls === 'seg') {
        seg = registerByName(lower);
        ts.next();
      } else break;
      ts.next();
    }
    const expr = this.expr(ts);
    if (ts.eatOp(':')) {
      // [es:bx] where the segment came through the expression parser as a register
      if (expr.k === 'reg' && expr.reg.cls === 'seg') {
        seg = expr.reg;
        return this.finishMemory(ts, this.expr(ts), size, seg, dispSize, rel, nosplit);
      }
      throw new ParseError('invalid segment override');
    }
    return this.finishMemory(ts, expr, size, seg, dispSize, rel, nosplit);
  }

  private finishMemory(
    ts: TokenStream, expr: Expr, size: number | undefined, seg: Register | undefined,
    dispSize: 1 | 2 | 4 | 8 | undefined, rel: boolean | undefined, nosplit: boolean,
  ): OperandAst {
    if (!ts.eatOp(']')) throw new ParseError('expecting ] at end of memory operand');
    return {
      kind: 'mem', expr, hasRegs: hasRegister(expr),
      ...(size !== undefined && { size }), ...(seg && { seg }), ...(dispSize && { dispSize }),
      ...(rel !== undefined && { rel }), ...(nosplit && { nosplit }),
    };
  }

  private dataItems(ts: TokenStream): DataItem[] {
    const items: DataItem[] = [];
    if (ts.atEnd()) return items;
    for (;;) {
      const t = ts.peek()!;
      const endsItem = (off: number) => ts.peek(off) === undefined || ts.isOp(',', off);
      if (t.kind === 'str' && endsItem(1)) {
        ts.next();
        items.push({ kind: 'str', bytes: t.bytes! });
      } else if (t.kind === 'op' && t.text === '?' && endsItem(1)) {
        ts.next();
        items.push({ kind: 'undef' });
      } else if (t.kind === 'float' && endsItem(1)) {
        ts.next();
        items.push({ kind: 'float', text: t.text, negative: false });
      } else if (t.kind === 'op' && (t.text === '-' || t.text === '+') && ts.peek(1)?.kind === 'float' && endsItem(2)) {
        ts.next();
        const f = ts.next()!;
        items.push({ kind: 'float', text: f.text, negative: t.text === '-' });
      } else {
        items.push({ kind: 'expr', expr: this.expr(ts) });
      }
      if (ts.atEnd()) break;
      if (!ts.eatOp(',')) throw new ParseError('comma expected after operand');
      if (ts.atEnd()) throw new ParseError('expression syntax error');
    }
    return items;
  }

  private incbin(ts: TokenStream): IncbinStmt {
    const t = ts.next();
    if (!t || t.kind !== 'str') throw new ParseError('`incbin\' expects a file name');
    let file = '';
    for (const b of t.bytes!) file += String.fromCharCode(b);
    file = decodeLatin1AsUtf8(file);
    let skip: Expr | undefined;
    let len: Expr | undefined;
    if (ts.eatOp(',')) {
      skip = this.expr(ts);
      if (ts.eatOp(',')) len = this.expr(ts);
    }
    this.expectEnd(ts);
    return { kind: 'incbin', file, ...(skip && { skip }), ...(len && { len }) };
  }

  private directive(name: string, ts: TokenStream): Stmt {
    switch (name) {
      case 'bits': {
        const t = ts.next();
        const v = t && t.kind === 'num' ? Number(t.value) : NaN;
        if (v !== 16 && v !== 32 && v !== 64) {
          throw new ParseError(`\`${t ? t.text : ''}' is not a valid segment size; must be 16, 32 or 64`);
        }
        this.expectEnd(ts);
        return { kind: 'bits', bits: v };
      }
      case 'use16': case 'use32': case 'use64':
        this.expectEnd(ts);
        return { kind: 'bits', bits: Number(name.slice(3)) as 16 | 32 | 64 };
      case 'org': {
        if (ts.atEnd()) throw new ParseError('No or invalid offset specified in ORG directive.');
        const expr = this.expr(ts);
        this.expectEnd(ts);
        return { kind: 'org', expr };
      }
      case 'section': case 'segment':
        return this.section(ts);
      case 'default': {
        const words = ts.toks.slice(ts.i).map((t) => t.text.toLowerCase());
        let rel: boolean | undefined;
        for (const w of words) {
          if (w === 'rel') rel = true;
          else if (w === 'abs') rel = false;
          else if (w === 'bnd' || w === 'nobnd' || w === ',') continue;
          else throw new ParseError(`unknown \`default' parameter: \`${w}'`);
        }
        if (rel === undefined) return { kind: 'ignored' };
        return { kind: 'default', rel };
      }
      case 'extern': {
        const names: string[] = [];
        for (const t of ts.toks.slice(ts.i)) {
          if (t.kind === 'id') names.push(this.qualify(t.text));
          else if (t.kind === 'op' && (t.text === ',' || t.text === ':')) continue;
          else break;
        }
        return { kind: 'extern', names };
      }
      case 'align': case 'alignb': {
        const boundary = this.expr(ts);
        let fill: Body | undefined;
        if (ts.eatOp(',')) {
          const nt = ts.peek();
          if (!nt || nt.kind !== 'id' || !this.startsStatement(nt.text.toLowerCase())) {
            throw new ParseError('parser: instruction expected');
          }
          const s = this.statement(ts);
          if (s.kind === 'times') throw new ParseError('`times\' is not allowed as the fill of `align\'');
          fill = s as Body;
        } else {
          this.expectEnd(ts);
        }
        return { kind: 'align', boundary, b: name === 'alignb', ...(fill && { fill }) };
      }
      case 'sectalign': {
        const t = ts.peek();
        if (t && t.kind === 'id' && /^(on|off)$/i.test(t.text)) return { kind: 'ignored' };
        const boundary = this.expr(ts);
        this.expectEnd(ts);
        return { kind: 'sectalign', boundary };
      }
      case 'global': case 'static':
        return this.globalDecl(name, ts);
      case 'cpu': case 'common': case 'required': case 'warning':
      case 'list': case 'map': case 'float': case 'debug':
        return { kind: 'ignored' };
      case 'absolute': {
        const expr = this.expr(ts);
        this.expectEnd(ts);
        return { kind: 'absolute', expr };
      }
      case 'struc': {
        const t = ts.next();
        if (!t || t.kind !== 'id') throw new ParseError('`struc\' expects a structure name');
        let offset: Expr | undefined;
        if (ts.eatOp(',')) offset = this.expr(ts);
        this.expectEnd(ts);
        // The structure's name is a label at its start: fields written `.x` belong to it.
        this.noteLabel(t.text);
        return { kind: 'struc', name: this.qualify(t.text), ...(offset && { offset }) };
      }
      case 'endstruc':
        this.expectEnd(ts);
        return { kind: 'endstruc' };
      case 'istruc': {
        const t = ts.next();
        if (!t || t.kind !== 'id') throw new ParseError('`istruc\' expects a structure name');
        this.expectEnd(ts);
        return { kind: 'istruc', name: this.qualify(t.text) };
      }
      case 'at': {
        const field = this.expr(ts);
        let body: Body | undefined;
        if (ts.eatOp(',')) {
          const nt = ts.peek();
          if (!nt || nt.kind !== 'id' || !this.startsStatement(nt.text.toLowerCase())) {
            throw new ParseError('parser: instruction expected');
          }
          const s = this.statement(ts);
          if (s.kind === 'times') throw new ParseError('`times\' is not allowed after `at\'');
          body = s as Body;
        } else {
          this.expectEnd(ts);
        }
        return { kind: 'at', field, ...(body && { body }) };
      }
      case 'iend':
        this.expectEnd(ts);
        return { kind: 'iend' };
      default:
        throw new ParseError(`\`${name}' is not supported by this assembler`);
    }
  }

  private section(ts: TokenStream): Stmt {
    // Section names are written without quotes and may contain dots: take the raw tokens up to whitespace.
    const t = ts.next();
    if (!t) throw new ParseError('section name expected');
    let name = t.text;
    if (t.kind === 'str') {
      name = '';
      for (const b of t.bytes!) name += String.fromCharCode(b);
    }
    let align: number | undefined;
    let nobits: boolean | undefined;
    // NASM checks section attributes on its final pass: report them as such (attrError).
    let attrError: string | undefined;
    const fail = (m: string) => { attrError ??= m; };
    while (!ts.atEnd()) {
      const a = ts.next()!;
      const key = a.text.toLowerCase();
      if (key === 'progbits') { nobits = false; continue; }
      if (key === 'nobits') { nobits = true; continue; }
      if (key === 'align') {
        if (!ts.eatOp('=')) { fail('`align\' section attribute expects a value'); continue; }
        const v = ts.next();
        if (!v || v.kind !== 'num') { fail('`align\' section attribute expects a number'); continue; }
        const n = Number(v.value);
        if (n <= 0 || (n & (n - 1)) !== 0) { fail('argument to `align\' is not a power of two'); continue; }
        align = n;
        continue;
      }
      if (['start', 'vstart', 'follows', 'vfollows'].includes(key)) {
        fail(`section attribute \`${key}' is not supported by this assembler`);
        if (ts.eatOp('=')) ts.next();
        continue;
      }
      if (['exec', 'noexec', 'write', 'nowrite', 'alloc', 'noalloc'].includes(key)) {
        if (ts.eatOp('=')) ts.next();
        continue;
      }
      fail(`unknown section attribute \`${a.text}'`);
    }
    return {
      kind: 'section', name,
      ...(align !== undefined && { align }), ...(nobits !== undefined && { nobits }), ...(attrError && { attrError }),
    };
  }

  private expr(ts: TokenStream): Expr {
    return parseExpr(ts, this);
  }

  private expectEnd(ts: TokenStream): void {
    if (!ts.atEnd()) throw new ParseError('comma, colon, decorator or end of line expected after operand');
  }
}

function hasRegister(e: Expr): boolean {
  switch (e.k) {
    case 'reg': return true;
    case 'un': return hasRegister(e.a);
    case 'bin': return hasRegister(e.a) || hasRegister(e.b);
    case 'cond': return hasRegister(e.c) || hasRegister(e.a) || hasRegister(e.b);
    default: return false;
  }
}

/** File names come from string bytes (UTF-8); turn them back into a JS string. */
function decodeLatin1AsUtf8(s: string): string {
  const bytes = Uint8Array.from(s, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
