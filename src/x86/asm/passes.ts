// The assembler's passes over the parsed lines. Every pass evaluates every line with the
// symbol values known so far (forward references take the previous pass's values), encodes
// and lays out the sections. Passes repeat until no label, equate or section address moves;
// that stable pass is the final one, and only its errors (undefined symbols, bad operand
// combinations...) are reported. Errors that NASM reports on its first pass (redefined
// labels, non-constant `times` counts, ...) stop assembly after the pass that finds them.
// Branches whose target is not known yet are assumed short, as NASM's optimiser does; after
// GROW_AFTER passes an instruction may only keep or grow its size, so the passes end.
import type { EncodeContext, Instruction, Operand } from '../types.ts';
import { EncodeError } from '../types.ts';
import { Evaluator, EvalError, isConstant, type EvalEnv, type Expr, type Sect, type SymbolValue } from './expr.ts';
import { buildOperand } from './operands.ts';
import { isBranchMnemonic, type Body, type DataStmt, type InsnStmt, type Stmt } from './parser.ts';
import { Section, layoutSections, linkImage } from './sections.ts';
import { intBytes, stringBytes, floatBytes, parseFloatText, FloatError } from './data.ts';
import { originallyDefinedNote, type Diagnostic } from './diagnostics.ts';
import type { Loc } from './preproc.ts';

export type Encoder = (ins: Instruction, ctx: EncodeContext) => Uint8Array;

export interface Line {
  readonly label?: string;
  readonly stmt: Stmt;
  readonly loc: Loc;
  /** A preprocessor or syntax error found before the passes. */
  readonly error?: string;
  readonly fatal?: boolean;
  /** An `%error` message: reported with the final pass's errors. */
  readonly userError?: string;
}

export interface PassOptions {
  /** The main file: messages about the whole program name only it. */
  readonly fileName: string;
  readonly bits: 16 | 32 | 64;
  readonly encoder: Encoder;
  /** Contents of an `incbin` file (search path already applied), or undefined when missing. */
  readonly loadBinary: (name: string) => Uint8Array | undefined;
}

export type PassResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

const GROW_AFTER = 12;
const MAX_PASSES = 400;
const MAX_TIMES = 100_000_000;

interface SymbolEntry {
  kind: 'label' | 'equ' | 'extern';
  sec: Sect | null;
  value: bigint;
  known: boolean;
  /** Pass in which it was last defined. */
  pass: number;
  /** Line index of the definition in that pass. */
  line: number;
  loc: Loc;
}

interface Indexed {
  readonly line: number;
  readonly order: number;
  readonly diag: Diagnostic;
}

export function runPasses(lines: readonly Line[], opts: PassOptions): PassResult {
  return new Assembler(lines, opts).run();
}

class Assembler implements EvalEnv {
  private readonly symbols = new Map<string, SymbolEntry>();
  private readonly sections: Section[] = [];
  private readonly sectionsByName = new Map<string, Section>();
  private readonly text: Section;
  private cur: Section;
  /** The section named last by a `section` directive (where `endstruc` returns). */
  private lastSection: Section;
  private strucs: { name: string; prev: Section }[] = [];
  private istrucs: { name: string; start: number }[] = [];
  private bits: 16 | 32 | 64;
  private defaultRel = false;
  private pass = 0;
  private org = 0n;
  private orgSetAt = -1;
  private lineIndex = 0;
  /** Offset of `$` in the current section: the start of the line (or of this `times` round). */
  private here0 = 0;
  private changed = false;
  private readonly ev: Evaluator;
  private hard: Indexed[] = [];
  private soft: Indexed[] = [];
  private order = 0;
  private readonly maxSize: Int32Array;
  /** Bytes of instructions that are the same in every pass (see isFixed), by line. */
  private readonly encoded: (Uint8Array | undefined)[];
  /** Per line: 0 not yet looked at, 1 fixed, 2 may change. */
  private readonly fixed: Uint8Array;
  private growOnly = false;
  private readonly binaries = new Map<string, Uint8Array | undefined>();
  /** Names declared `global name:special`, with the special text and the declaring line. */
  private readonly specials = new Map<string, { special: string; line: number }>();

  constructor(private readonly lines: readonly Line[], private readonly opts: PassOptions) {
    this.text = new Section('.text', 0, false, 1);
    this.text.baseKnown = true;
    this.sections.push(this.text);
    this.sectionsByName.set('.text', this.text);
    this.cur = this.text;
    this.lastSection = this.text;
    this.bits = opts.bits;
    this.ev = new Evaluator(this);
    this.maxSize = new Int32Array(lines.length);
    this.encoded = new Array(lines.length);
    this.fixed = new Uint8Array(lines.length);
  }

  run(): PassResult {
    for (let pass = 1; ; pass++) {
      this.runPass(pass);
      if (pass === 1 || this.hard.length > 0) {
        const pre: Indexed[] = [];
        this.lines.forEach((l, i) => {
          if (l.error) pre.push({ line: i, order: -1, diag: { loc: l.loc, message: l.error, ...(l.fatal && { fatal: true }) } });
        });
        if (pre.length > 0 || this.hard.length > 0) return { ok: false, errors: sortDiags([...pre, ...this.hard]) };
      }
      const moved = layoutSections(this.sections, this.org);
      if (pass >= 2 && !this.changed && !moved) {
        // NASM hands global symbols to the output format before its final pass; the flat
        // binary format rejects special symbol types there, and assembly stops.
        const special = this.specialSymbolErrors();
        if (special.length > 0) return { ok: false, errors: sortDiags(special) };
        if (this.soft.length > 0) return { ok: false, errors: sortDiags(this.soft) };
        return { ok: true, bytes: linkImage(this.sections, this.org) };
      }
      if (pass >= MAX_PASSES) {
        const loc = { file: this.opts.fileName, line: 0 };
        const message = `unable to find valid values for all labels after ${MAX_PASSES} passes; giving up.`;
        return { ok: false, errors: [{ loc, message }] };
      }
    }
  }

  private specialSymbolErrors(): Indexed[] {
    const out: Indexed[] = [];
    for (const name of this.specials.keys()) {
      const s = this.symbols.get(name);
      if (!s || s.kind === 'extern' || s.pass === 0) continue;
      out.push({
        line: s.line, order: 0,
        diag: { loc: s.loc, message: 'binary format does not support any special symbol types' },
      });
    }
    return out;
  }

  // ---- EvalEnv -------------------------------------------------------------------------------

  lookup(name: string, out: SymbolValue): void {
    const s = this.symbols.get(name);
    if (!s || s.pass === 0) {
      // After the first pass every definition has been seen once: the name has none.
      if (this.pass >= 2) throw new EvalError(`symbol \`${name}' not defined`);
      out.value = 0n;
      out.known = false;
      out.sec = null;
      return;
    }
    if (s.kind === 'extern') throw new EvalError('binary output format does not support external references');
    out.value = s.value;
    out.known = s.known;
    out.sec = s.sec;
  }

  here(out: SymbolValue): void {
    const abs = this.cur.absolute;
    out.value = abs ? this.cur.base + BigInt(this.here0) : BigInt(this.here0);
    out.known = true;
    out.sec = abs ? null : this.cur;
  }

  start(out: SymbolValue): void {
    const abs = this.cur.absolute;
    out.value = abs ? this.cur.base : 0n;
    out.known = true;
    out.sec = abs ? null : this.cur;
  }

  // ---- diagnostics ---------------------------------------------------------------------------

  /** Reports an evaluation error: at once (first-pass style) or with the final pass's errors. */
  private evalError(e: EvalError): void {
    if (e.immediate) this.hardError(e.message);
    else this.softError(e.message);
  }

  private softError(message: string): void {
    this.soft.push({ line: this.lineIndex, order: this.order++, diag: { loc: this.lines[this.lineIndex].loc, message } });
  }

  private hardError(message: string, notes?: string[]): void {
    this.hard.push({
      line: this.lineIndex, order: this.order++,
      diag: { loc: this.lines[this.lineIndex].loc, message, ...(notes && { notes }) },
    });
  }

  // ---- one pass ------------------------------------------------------------------------------

  private runPass(pass: number): void {
    this.pass = pass;
    this.changed = false;
    this.soft = [];
    this.order = 0;
    this.growOnly = pass > GROW_AFTER;
    for (const s of this.sections) s.reset();
    this.cur = this.text;
    this.lastSection = this.text;
    this.strucs = [];
    this.istrucs = [];
    this.bits = this.opts.bits;
    this.defaultRel = false;
    this.orgSetAt = -1;
    const lines = this.lines;
    for (let i = 0; i < lines.length; i++) {
      this.lineIndex = i;
      const line = lines[i];
      if (line.error) continue;
      if (line.userError !== undefined) { this.softError(line.userError); continue; }
      this.here0 = this.cur.size;
      if (line.label !== undefined) {
        if (line.stmt.kind === 'equ') {
          this.defineEqu(line.label, line.stmt.expr);
          continue;
        }
        this.defineLabelHere(line.label);
      }
      this.statement(line.stmt);
    }
  }

  private defineLabelHere(name: string): void {
    const c = this.cur;
    if (c.absolute) this.define(name, 'label', null, c.base + BigInt(c.size), true);
    else this.define(name, 'label', c, BigInt(c.size), true);
  }

  private define(name: string, kind: 'label' | 'equ', sec: Sect | null, value: bigint, known: boolean): void {
    const loc = this.lines[this.lineIndex].loc;
    const s = this.symbols.get(name);
    if (!s) {
      this.symbols.set(name, { kind, sec, value, known, pass: this.pass, line: this.lineIndex, loc });
      this.changed = true;
      return;
    }
    const same = s.kind === kind && s.sec === sec && s.value === value && s.known === known;
    if (s.pass === this.pass && s.kind !== 'extern') {
      if (s.line !== this.lineIndex && !same) {
        this.hardError(`label \`${name}' inconsistently redefined`, [originallyDefinedNote(s.loc, name)]);
      }
      return;
    }
    if (!same) this.changed = true;
    s.kind = kind;
    s.sec = sec;
    s.value = value;
    s.known = known;
    s.pass = this.pass;
    s.line = this.lineIndex;
    s.loc = loc;
  }

  private defineEqu(name: string, expr: Expr): void {
    let v = 0n;
    let known = false;
    let sec: Sect | null = null;
    try {
      this.ev.unknown = false;
      v = this.ev.eval(expr);
      sec = this.ev.sec;
      known = !this.ev.unknown;
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      this.evalError(e);
    }
    this.define(name, 'equ', sec, v, known);
  }

  /** Evaluates an expression that must be a plain number known now (NASM's "critical" expressions). */
  private critical(e: Expr, what: () => void): bigint | undefined {
    try {
      this.ev.unknown = false;
      const v = this.ev.eval(e);
      if (this.ev.unknown || this.ev.sec !== null) {
        what();
        return undefined;
      }
      return v;
    } catch (err) {
      if (!(err instanceof EvalError)) throw err;
      this.evalError(err);
      return undefined;
    }
  }

  private statement(stmt: Stmt): void {
    switch (stmt.kind) {
      case 'empty': case 'ignored': case 'equ':
        return;
      case 'bits':
        this.bits = stmt.bits;
        return;
      case 'default':
        this.defaultRel = stmt.rel;
        return;
      case 'org': {
        const v = this.critical(stmt.expr, () => this.hardError('No or invalid offset specified in ORG directive.'));
        if (v === undefined) return;
        if (this.orgSetAt >= 0 && v !== this.org) {
          this.hardError('program origin redefined');
          return;
        }
        this.orgSetAt = this.lineIndex;
        if (v !== this.org) {
          this.org = v;
          this.changed = true;
        }
        // The origin is the address of .text; apply it at once so this pass already uses it.
        this.text.base = v;
        return;
      }
      case 'section': {
        let s = this.sectionsByName.get(stmt.name);
        if (!s) {
          s = new Section(stmt.name, this.sections.length, stmt.nobits ?? stmt.name === '.bss', stmt.align);
          this.sections.push(s);
          this.sectionsByName.set(stmt.name, s);
        } else {
          if (stmt.align !== undefined) s.align = stmt.align;
          if (stmt.nobits !== undefined) s.nobits = stmt.nobits;
        }
        this.cur = s;
        this.lastSection = s;
        if (stmt.attrError) this.softError(stmt.attrError);
        return;
      }
      case 'absolute': {
        const v = this.critical(stmt.expr, () => this.hardError('non-constant argument supplied to ABSOLUTE'));
        if (v === undefined) return;
        this.cur = Section.absoluteAt(v);
        return;
      }
      case 'struc': {
        let at = 0n;
        if (stmt.offset) {
          const v = this.critical(stmt.offset, () => this.hardError('non-constant argument supplied to STRUC'));
          if (v === undefined) return;
          at = v;
        }
        this.strucs.push({ name: stmt.name, prev: this.lastSection });
        this.cur = Section.absoluteAt(at);
        this.defineLabelHere(stmt.name);
        return;
      }
      case 'endstruc': {
        const s = this.strucs.pop();
        if (!s) { this.hardError('`endstruc\' without a matching `struc\''); return; }
        this.define(`${s.name}_size`, 'equ', null, BigInt(this.cur.size), true);
        this.cur = s.prev;
        return;
      }
      case 'istruc':
        this.istrucs.push({ name: stmt.name, start: this.cur.size });
        return;
      case 'at': case 'iend': {
        const inst = this.istrucs[this.istrucs.length - 1];
        if (!inst) { this.hardError(`\`${stmt.kind}' without a matching \`istruc'`); return; }
        const target = stmt.kind === 'at'
          ? this.critical({ k: 'bin', op: '-', a: stmt.field, b: { k: 'sym', name: inst.name } },
            () => this.hardError('non-constant argument supplied to TIMES'))
          : this.critical({ k: 'sym', name: `${inst.name}_size` }, () => this.hardError('non-constant argument supplied to TIMES'));
        if (target === undefined) return;
        const pad = target - BigInt(this.cur.size - inst.start);
        if (pad < 0n) this.softError(`TIMES value ${pad} is negative`);
        else this.cur.fill(Number(pad), 0);
        if (stmt.kind === 'iend') this.istrucs.pop();
        else if (stmt.body) this.body(stmt.body);
        return;
      }
      case 'sectalign': {
        const n = this.critical(stmt.boundary, () => this.hardError('non-constant argument supplied to SECTALIGN'));
        if (n === undefined) return;
        if (!isPowerOfTwo(n)) { this.hardError(`section alignment ${n} is not a power of two`); return; }
        this.cur.innerAlign = Math.max(this.cur.innerAlign, Number(n));
        return;
      }
      case 'global':
        for (const { name, special } of stmt.names) {
          if (special === undefined) continue;
          const prev = this.specials.get(name);
          if (!prev) this.specials.set(name, { special, line: this.lineIndex });
          else if (prev.special !== special && prev.line !== this.lineIndex) {
            this.hardError(`symbol \`${name}' has inconsistent attributes \`${prev.special}' and \`${special}'`);
          }
        }
        return;
      case 'extern':
        for (const name of stmt.names) {
          if (!this.symbols.has(name)) {
            this.symbols.set(name, {
              kind: 'extern', sec: null, value: 0n, known: false, pass: this.pass, line: this.lineIndex,
              loc: this.lines[this.lineIndex].loc,
            });
          }
        }
        return;
      case 'times': {
        const n = this.critical(stmt.count, () => this.hardError('non-constant argument supplied to TIMES'));
        if (n === undefined) return;
        if (n < 0n) { this.softError(`TIMES value ${n} is negative`); return; }
        if (n > BigInt(MAX_TIMES)) { this.softError(`TIMES value ${n} is too large`); return; }
        this.repeat(stmt.body, Number(n));
        return;
      }
      case 'align': {
        const n = this.critical(stmt.boundary, () => this.hardError('non-constant argument supplied to ALIGN'));
        if (n === undefined) return;
        if (!isPowerOfTwo(n)) { this.hardError(`segment alignment \`${n}' is not power of two`); return; }
        const a = Number(n);
        this.cur.innerAlign = Math.max(this.cur.innerAlign, a);
        const pad = (a - (this.cur.size % a)) % a;
        if (!stmt.fill) this.cur.fill(pad, stmt.b ? 0 : 0x90);
        else this.repeat(stmt.fill, pad);
        return;
      }
      default:
        this.body(stmt);
    }
  }

  /** Assembles `body` `count` times; `$` keeps meaning the start of the line throughout. */
  private repeat(body: Body, count: number): void {
    if (count === 0) return;
    if (count > 1 && this.isRepeatable(body)) {
      const start = this.cur.size;
      this.body(body);
      const len = this.cur.size - start;
      if (len > 0 && !this.cur.nobits) {
        const bytes = this.cur.contents().slice(start, start + len);
        this.cur.repeat(bytes, count - 1);
      } else {
        this.cur.fill(len * (count - 1), 0);
      }
      return;
    }
    // Like NASM, a failing copy ends the repetition: the line's error is reported once.
    const errorsBefore = this.soft.length + this.hard.length;
    for (let k = 0; k < count; k++) {
      this.body(body);
      if (this.soft.length + this.hard.length !== errorsBefore) break;
    }
  }

  /** True when every copy of `body` assembles to the same bytes (no branch, no RIP-relative operand). */
  private isRepeatable(body: Body): boolean {
    if (body.kind !== 'insn') return true;
    if (isBranchMnemonic(body.mnemonic)) return false;
    return this.bits !== 64 || body.operands.every((o) => o.kind !== 'mem');
  }

  private body(b: Body): void {
    switch (b.kind) {
      case 'insn': this.instruction(b); return;
      case 'data': this.data(b); return;
      case 'res': {
        const n = this.critical(b.count, () => this.hardError('attempt to reserve non-constant quantity of BSS space'));
        if (n === undefined) return;
        if (n < 0n) { this.softError('attempt to reserve a negative amount of space'); return; }
        this.cur.fill(Number(n) * b.unit, 0);
        return;
      }
      case 'incbin': {
        let data = this.binaries.get(b.file);
        if (!this.binaries.has(b.file)) {
          data = this.opts.loadBinary(b.file);
          this.binaries.set(b.file, data);
        }
        if (!data) { this.hardError(`\`incbin': unable to get length of file \`${b.file}'`); return; }
        let skip = 0;
        let len = Infinity;
        if (b.skip) {
          const v = this.critical(b.skip, () => this.hardError('non-constant argument supplied to INCBIN'));
          if (v === undefined) return;
          skip = Number(v);
        }
        if (b.len) {
          const v = this.critical(b.len, () => this.hardError('non-constant argument supplied to INCBIN'));
          if (v === undefined) return;
          len = Number(v);
        }
        const from = Math.min(Math.max(skip, 0), data.length);
        this.cur.write(data.subarray(from, Math.min(data.length, from + Math.max(len, 0))));
        return;
      }
    }
  }

  private data(b: DataStmt): void {
    const unit = b.unit;
    for (const it of b.items) {
      switch (it.kind) {
        case 'str':
          this.cur.write(stringBytes(it.bytes, unit));
          break;
        case 'undef':
          this.cur.fill(unit, 0);
          break;
        case 'float':
          try {
            const v = parseFloatText(it.text);
            this.cur.write(floatBytes(it.negative ? -v : v, unit));
          } catch (e) {
            if (!(e instanceof FloatError)) throw e;
            this.softError(e.message);
            this.cur.fill(unit, 0);
          }
          break;
        case 'expr': {
          if (unit > 8) {
            this.softError(`integer supplied as ${unit * 8}-bit data`);
            this.cur.fill(unit, 0);
            break;
          }
          try {
            this.ev.unknown = false;
            const v = this.ev.evalAbs(it.expr);
            this.cur.write(intBytes(v, unit));
          } catch (e) {
            if (!(e instanceof EvalError)) throw e;
            this.evalError(e);
            this.cur.fill(unit, 0);
          }
          break;
        }
      }
    }
  }

  private instruction(b: InsnStmt): void {
    const idx = this.lineIndex;
    const cached = this.encoded[idx];
    if (cached) { this.cur.write(cached); return; }
    const address = (this.cur.baseKnown ? this.cur.base : 0n) + BigInt(this.cur.size);
    const ctx: EncodeContext = { bits: this.bits, address, defaultRel: this.defaultRel };
    let bytes: Uint8Array | undefined;
    try {
      bytes = this.encodeWith(b, ctx, false);
      if (this.isFixed(b)) this.encoded[idx] = bytes;
      if (this.growOnly && bytes.length < this.maxSize[idx]) {
        try {
          const longer = this.encodeWith(b, ctx, true);
          if (longer.length > bytes.length) bytes = longer;
        } catch (e) {
          if (!(e instanceof EncodeError) && !(e instanceof EvalError)) throw e;
        }
      }
      if (bytes.length > this.maxSize[idx]) this.maxSize[idx] = bytes.length;
    } catch (e) {
      if (e instanceof EvalError) { this.evalError(e); return; }
      if (e instanceof EncodeError) {
        // Keep the size it had (a `loop` or `jcxz` whose target moved out of range): dropping
        // its bytes would bring the target back in range, and the passes would never settle.
        for (const message of e.message.split('\n')) {
          if (e.firstPass) this.hardError(message);
          else this.softError(message);
        }
        this.cur.fill(this.maxSize[idx], 0);
        return;
      }
      throw e;
    }
    this.cur.write(bytes);
  }

  /**
   * True when the instruction's bytes cannot change from pass to pass: no symbol or `$` in
   * its operands, not a branch, no operand that could be RIP-relative. Its bytes are then
   * kept from the first pass. (A line's mode is the same in every pass.)
   */
  private isFixed(b: InsnStmt): boolean {
    const idx = this.lineIndex;
    if (this.fixed[idx] !== 0) return this.fixed[idx] === 1;
    let fixed = !isBranchMnemonic(b.mnemonic);
    for (const o of b.operands) {
      if (!fixed) break;
      if (o.kind === 'imm' || o.kind === 'mem') fixed = isConstant(o.expr) && !(o.kind === 'mem' && this.bits === 64 && !o.hasRegs);
      else if (o.kind === 'far') fixed = isConstant(o.selector) && isConstant(o.offset);
    }
    this.fixed[idx] = fixed ? 1 : 2;
    return fixed;
  }

  private encodeWith(b: InsnStmt, ctx: EncodeContext, pessimistic: boolean): Uint8Array {
    const branch = isBranchMnemonic(b.mnemonic);
    const octx = {
      bits: this.bits, address: ctx.address, defaultRel: this.defaultRel, branch, pessimistic, far: b.far === true,
    };
    let operands: Operand[] = b.operands.map((o) => buildOperand(o, this.ev, octx));
    let loneSegment: number | undefined;
    if (b.segPrefix) {
      const k = operands.findIndex((o) => o.kind === 'mem');
      const m = operands[k];
      if (k < 0) loneSegment = SEGMENT_PREFIX[b.segPrefix.name];
      else if (m.kind === 'mem' && !m.seg) {
        operands = operands.slice();
        operands[k] = { ...m, seg: b.segPrefix };
      }
    }
    const ins: Instruction = {
      mnemonic: b.mnemonic,
      operands,
      ...(b.lock && { lock: true }),
      ...(b.rep && { rep: b.rep }),
      ...(b.opsize && { opsizeOverride: b.opsize }),
      ...(b.addrsize && { addrsizeOverride: b.addrsize }),
      ...(b.far && { far: true }),
    };
    const bytes = this.opts.encoder(ins, ctx);
    return loneSegment === undefined ? bytes : insertSegmentPrefix(bytes, loneSegment);
  }
}

const SEGMENT_PREFIX: Record<string, number> = { es: 0x26, cs: 0x2e, ss: 0x36, ds: 0x3e, fs: 0x64, gs: 0x65 };

/**
 * `es lodsb`: a segment prefix on an instruction without a memory operand (string
 * instructions). NASM writes it after any lock/rep prefix and before operand/address size.
 */
function insertSegmentPrefix(bytes: Uint8Array, seg: number): Uint8Array {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0xf0 || bytes[i] === 0xf2 || bytes[i] === 0xf3)) i++;
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes.subarray(0, i));
  out[i] = seg;
  out.set(bytes.subarray(i), i + 1);
  return out;
}

function isPowerOfTwo(n: bigint): boolean {
  return n > 0n && (n & (n - 1n)) === 0n;
}

function sortDiags(list: readonly Indexed[]): Diagnostic[] {
  return [...list].sort((a, b) => a.line - b.line || a.order - b.order).map((x) => x.diag);
}
