// Hot decoded blocks, and traces of blocks (jit/trace.ts), compiled to JavaScript functions.
// A compiled function does exactly what the interpreter loop in cpu.ts does for the same
// records (registers, flags, memory, RIP and the instruction count after each instruction,
// the exit flag, faults at the right instruction); it runs only when the instruction budget
// covers its first block, and leaves at a block boundary where the dispatcher would stop.
//
// - Guest registers used by inline code live in JavaScript locals (x<n> low half, y<n> high
//   half) for the whole call: loaded at entry, written back (those changed) before anything
//   that can read them (a called execution function, which may also fault) and at every
//   exit, and reloaded after a call (only those read later). So does the instruction count
//   (IC).
// - The commonest forms are emitted inline (jit/shapes.ts), with exactly the semantics of
//   their execution functions. Their flags stay symbolic (jit/flags.ts): stored only where
//   something could read them; a jcc tests the locals.
// - 64-bit mode memory accesses go straight to the RAM array when the TLB allows
//   (jit/memory.ts: the last page that passed is remembered until the next call), else to the
//   instruction's own function, with RIP, the count, the flags and the registers brought up
//   to date on that path only.
// - Code that jumps back to its own start loops inside its function while `stay` holds: the
//   budget covers another round and nothing the dispatcher checks between blocks (TF, a
//   deliverable interrupt, real mode's BIOS stubs) may need it; only a called function can
//   change those, so `stay` is set at entry and after each call. Memory operands whose
//   registers the loop does not change are translated once, and again after each call
//   (which may change the TLB, CPL, A20 or code-page marks).
// - A trace goes on through jmp, call, the ret back to its own call and a jcc the way it went
//   when it was built, leaving (with everything up to date) where the guest goes elsewhere.
// Everything else calls the instruction's execution function from its own call site.
import type { CpuState } from './state.ts';
import type { Insn } from './decoder.ts';
import { PARITY } from './state.ts';
import { carryBit, condition, storeFlags, type FlagState } from './jit/flags.ts';
import { byteAlu, byteReg, isRelJump, MEMORY_OPS, shapeOf, type Shape } from './jit/shapes.ts';
import { addressCode, ENV_DECL, ENV_LOAD, mulHigh, mulOverflows, ramWord, wordCode } from './jit/memory.ts';

/** Runs the whole block (more than once when it loops on itself, up to the instruction `end`). */
export type CompiledBlock = (c: CpuState, end: number) => void;

/** Whether the host allows generating code (a Worker under a strict CSP may not). */
let allowed: boolean | null = null;
function canCompile(): boolean {
  if (allowed === null) {
    try { allowed = new Function('return 1')() === 1; } catch { allowed = false; }
  }
  return allowed;
}

/** A dispatcher check between blocks would not simply run this block again (see cpu.ts `run`). */
const MUST_LEAVE = '(c.flags & 0x100) !== 0 || (c.cr0 & 1) === 0 || ((c.flags & 0x200) !== 0 && c.pic !== null && c.pic.hasPending())';

/** What the first (discarding) pass learns about a block, for the second. */
interface Facts {
  /** Registers inline code reads or writes (held in locals). */
  used: Set<number>;
  /** Registers inline code writes. */
  written: Set<number>;
  /** Registers referenced by each instruction's inline code. */
  refs: Set<number>[];
  /** Loops only: the body relies on the flags the previous round left (they must be stored at the back edge). */
  entryFlagsRead: boolean;
  /** ... and computes a condition or a carry from them (not only stores them where something may read them). */
  entryFlagsCond: boolean;
  /** Loops only: the symbolic flags at the back edge. */
  backEdge: FlagState | null;
}

class BlockEmitter {
  private code = '';
  private preamble = '';
  /** Instructions since the count in the local IC (c.icount is set from IC + pending where it is read). */
  private pending = 0;
  /** Bytes from R (the block's start) to the current instruction. */
  private off = 0;
  private flags: FlagState | null = null;
  /**
   * Loops whose body only stores the previous round's flags (where something may read them):
   * the back edge copies its symbolic state into function-level locals (F_*, FL: they hold a
   * round's state) instead of storing it into the CPU every round; the next round starts with
   * this state, stored (when FL says it is there) only on the paths that store flags.
   */
  private readonly carried: FlagState | null = null;
  private fullWritten = false;
  /** Registers whose locals differ from c.regs. */
  private dirty = new Set<number>();
  /** Memory operands translated before the loop: instruction index -> word local. */
  private readonly hoisted = new Map<number, string>();
  private rehoist = '';
  private consts = '';
  private k = 0;
  readonly facts: Facts;
  readonly names: string[] = ['EA', 'P', 'WORD', 'MULHI', 'MULOVF'];
  readonly values: unknown[];
  /** The code loops: its last instruction jumps back to its start. */
  private readonly selfLoop: boolean;
  private readonly lastJump: boolean;
  /**
   * Has block boundaries or loops: `stay` says whether it may go on past one: nothing the
   * dispatcher checks between blocks needs doing, and the budget covers the rest of the round
   * (so that it covers every block the dispatcher would run; leaving earlier is always safe).
   * Only a call can change either; it is set at entry and after every call.
   */
  private readonly checks: boolean;
  private readonly insns: readonly Insn[];
  /** Return offsets of the calls followed so far (a ret inside the trace is predicted to return there). */
  private readonly returns: number[] = [];

  constructor(private readonly steps: readonly TraceStep[], private readonly shapes: readonly (Shape | null)[],
    computeEA: unknown, private readonly prior: Facts | null) {
    this.values = [computeEA, PARITY, ramWord, mulHigh, mulOverflows];
    this.insns = steps.map((t) => t.insn);
    const last = steps[steps.length - 1]!;
    this.lastJump = isRelJump(last.insn);
    this.selfLoop = this.lastJump && last.off + last.insn.len + last.insn.imm === 0;
    this.checks = this.selfLoop || steps.some((t, k) => k > 0 && t.blockLen > 0);
    this.facts = { used: new Set(), written: new Set(), refs: steps.map(() => new Set<number>()), entryFlagsRead: false, entryFlagsCond: false, backEdge: null };
    if (this.selfLoop && prior !== null) for (const d of prior.written) this.dirty.add(d);
    if (this.selfLoop && prior !== null && prior.entryFlagsRead && !prior.entryFlagsCond && prior.backEdge !== null) this.carried = carriedFlags(prior.backEdge);
  }

  // ---------------------------------------------------------------- registers and state

  /** Locals (computed once at entry) holding the int32 halves of the address R + off. */
  private address(off: number): [string, string] {
    const name = `A${off < 0 ? `m${-off}` : off}`;
    if (!this.consts.includes(`${name}l `)) {
      this.consts += `const ${name}l = (R + ${off}) | 0, ${name}h = Math.floor((R + ${off}) / 4294967296) | 0;\n`;
    }
    return [`${name}l`, `${name}h`];
  }

  private reg(n: number): [string, string] {
    this.facts.used.add(n);
    this.facts.refs[this.k]!.add(n);
    return [`x${n}`, `y${n}`];
  }
  private setReg(n: number, lo: string, hi: string): string {
    const [l, h] = this.reg(n);
    this.dirty.add(n);
    this.facts.written.add(n);
    return `${l} = ${lo}; ${h} = ${hi};\n`;
  }
  private writeBack(): string {
    let s = '';
    for (const n of [...this.dirty].sort((a, b) => a - b)) s += `r[${n << 1}] = x${n}; r[${(n << 1) + 1}] = y${n};\n`;
    return s;
  }
  /** After a call: registers read by later instructions (all of them in a loop) from c.regs, and the RAM test's inputs. */
  private reload(extra: ReadonlySet<number> = new Set()): string {
    const later = new Set<number>(extra);
    const refs = this.prior?.refs ?? this.facts.refs;
    for (let j = this.selfLoop ? 0 : this.k + 1; j < refs.length; j++) for (const n of refs[j]!) later.add(n);
    let s = '';
    for (const n of [...later].sort((a, b) => a - b)) s += `x${n} = r[${n << 1}]; y${n} = r[${(n << 1) + 1}];\n`;
    // The call may have changed what MUST_LEAVE tests (checked again at the next block boundary).
    const rest = this.insns.length - this.k - 1;
    return s + ENV_LOAD + this.rehoist + (this.checks ? `stay = !(${MUST_LEAVE}) && IC + ${this.pending + rest} <= end;\n` : '');
  }
  /** The code relies on the CPU's flag state being current here (`cond`: computes from it, not only stores it). */
  private readsFlags(cond = false): void {
    if (this.flags === null && !this.fullWritten) {
      this.facts.entryFlagsRead = true;
      if (cond) this.facts.entryFlagsCond = true;
    }
  }
  /** Code that stores the symbolic flags (those carried from the previous round only when they are there). */
  private storedFlags(): string {
    if (this.flags !== null && this.flags === this.carried) return `if (FL) { ${storeFlags(this.flags).trimEnd()} }\n`;
    return storeFlags(this.flags);
  }
  /** Flags, registers, count and RIP brought up to date before a call (the path's own copy; state unchanged). */
  private leave(): string {
    this.readsFlags();
    return this.storedFlags() + this.writeBack() +
      `c.icount = IC + ${this.pending}; c.rip = R + ${this.off};\n`;
  }
  private setFlags(f: FlagState, full: boolean): void {
    this.flags = f;
    if (full) this.fullWritten = true;
  }

  // ---------------------------------------------------------------- the block

  emit(): string {
    const n = this.insns.length;
    if (this.selfLoop && this.prior !== null) this.hoist();
    if (this.carried !== null) {
      this.preamble += `let FL = false${carriedFields(this.carried).map(([field]) => `, F_${field} = 0`).join('')};\n`;
      this.flags = this.carried;
    }
    for (this.k = 0; this.k < n; this.k++) this.instruction(this.k);
    const regs = [...(this.prior?.used ?? this.facts.used)].sort((a, b) => a - b);
    const head = 'const r = c.regs, T = c.tlb, RAM = c.ram32, RAM8 = c.mem.ram, CM = c.codeMarks;\n' + ENV_DECL + ENV_LOAD +
      (regs.length > 0 ? `let ${regs.map((g) => `x${g} = r[${g << 1}], y${g} = r[${(g << 1) + 1}]`).join(', ')};\n` : '') +
      'c.exitBlock = false;\nconst R = c.rip;\nlet IC = c.icount;\n' + this.consts;
    const stay = this.checks ? `let stay = !(${MUST_LEAVE}) && IC + ${n} <= end;\n` : '';
    if (this.selfLoop) return `return function block(c, end) {\n${head}${stay}${this.preamble}for (;;) {\n${this.code}}\n};`;
    return `return function block(c, end) {\n${head}${stay}${this.code}};`;
  }

  /**
   * Loops: memory operands whose registers the loop does not change are translated before
   * the loop, and again after every call (see reload).
   */
  private hoist(): void {
    for (let k = 0; k < this.insns.length; k++) {
      const i = this.insns[k]!, s = this.shapes[k];
      if (s === null || s === undefined || !MEMORY_OPS.has(s.op) || !i.ea) continue;
      if (![i.base, i.index].every((g) => g < 0 || !this.prior!.written.has(g))) continue;
      this.k = k;
      const e = `e${k}`, h = `h${k}`, w = `w${k}`;
      const bytes = s.op === 'loadzx8' || s.op === 'store8' ? 1 : s.size;
      const compute = addressCode(i, e, h, (g) => this.reg(g)) + wordCode(w, e, h, bytes, s.op === 'store' || s.op === 'store8', i.base === 4);
      this.preamble += `let ${e} = 0, ${h} = 0, ${w} = -1;\n${compute}`;
      this.rehoist += compute;
      this.hoisted.set(k, w);
    }
  }

  private instruction(k: number): void {
    const step = this.steps[k]!;
    const i = step.insn;
    const s = this.shapes[k] ?? null;
    const last = k === this.insns.length - 1;
    this.off = step.off;
    if (k > 0 && step.blockLen > 0) this.boundary();
    if (last && this.lastJump) { this.jump(i); return; }
    if (isRelJump(i)) { this.followJump(i, step.taken); return; }
    if (s !== null && !MEMORY_OPS.has(s.op)) {
      this.code += this.register(k, i, s);
      this.pending++;
      if (last) this.finish(`R + ${this.off + i.len}`);
      return;
    }
    if (s !== null) { this.memory(k, i, s, last); return; }
    this.called(k, i, last);
  }

  /**
   * Between two blocks of a trace: the dispatcher would run the next block compiled only if
   * nothing it checks needs doing and the budget covers it (`stay`); otherwise leave here.
   */
  private boundary(): void {
    this.readsFlags();
    this.code += (this.pending > 0 ? `IC += ${this.pending};\n` : '') +
      `if (!stay) { c.icount = IC; ${this.storedFlags()}${this.writeBack()}c.rip = R + ${this.off}; return; }\n`;
    this.pending = 0;
  }

  /** Leaves the block after its last instruction (not a called one): count, flags, registers, RIP. */
  private finish(rip: string): void {
    this.readsFlags();
    this.code += `c.icount = IC + ${this.pending};\n` + this.storedFlags() + this.writeBack() + `c.rip = ${rip};\n`;
  }

  /** An instruction without an inline form: its execution function, from its own call site. */
  private called(k: number, i: Insn, last: boolean): void {
    this.names.push(`i${k}`, `f${k}`);
    this.values.push(i, i.fn);
    this.code += this.leave() + `c.nextRip = R + ${this.off + i.len};\n` + (i.ea ? `EA(c, i${k});\n` : '') +
      `f${k}(c, i${k});\nc.rip = c.nextRip;\nc.icount++;\n`;
    this.pending = 0;
    this.dirty.clear();
    this.flags = null;
    if (!last) this.code += 'if (c.exitBlock || c.icount >= end) return;\nIC = c.icount;\n' + this.reload();
  }

  /** A jmp or jcc inside a trace: a jcc leaves it when its condition goes the other way. */
  private followJump(i: Insn, taken: boolean | undefined): void {
    this.pending++;
    if (i.form.mnemonic === 'jmp' || taken === undefined) return;
    const cc = i.opcode & 15;
    let cond: string;
    if (this.flags !== null) cond = condition(cc, this.flags);
    else { this.readsFlags(true); cond = `c.cond(${cc})`; }
    const t = `R + ${this.off + i.len + i.imm}`;
    const other = taken ? `R + ${this.off + i.len}` : t;
    this.readsFlags();
    this.code += `if (${taken ? `!(${cond})` : cond}) { c.icount = IC + ${this.pending}; ${this.storedFlags()}${this.writeBack()}c.rip = ${other}; return; }\n`;
  }

  /** jmp rel / jcc rel, last in the block. */
  private jump(i: Insn): void {
    const isJmp = i.form.mnemonic === 'jmp';
    let cond = 'true';
    if (!isJmp) {
      const cc = i.opcode & 15;
      if (this.flags !== null) cond = condition(cc, this.flags);
      else { this.readsFlags(true); cond = `c.cond(${cc})`; }
    }
    const next = `R + ${this.off + i.len}`;
    const t = `R + ${this.off + i.len + i.imm}`;
    const target = i.osize === 2 ? `((${t}) & 0xffff)` : i.bits !== 64 ? `((${t}) >>> 0)` : t;
    this.pending++;
    if (!this.selfLoop) {
      if (cond === 'true') { this.finish(target); return; }
      this.code += `const taken = ${cond};\n`;
      this.finish(`taken ? ${target} : ${next}`);
      return;
    }
    this.readsFlags();
    const leave = this.storedFlags() + this.writeBack();
    this.code += `IC += ${this.pending};\n` +
      (cond === 'true' ? '' : `if (!(${cond})) { c.icount = IC; ${leave}c.rip = ${next}; return; }\n`) +
      `if (!stay || IC + ${this.insns.length} > end) { c.icount = IC; ${leave}c.rip = ${target}; return; }\n` +
      this.backEdge();
    this.pending = 0;
  }

  /** At a loop's back edge: the flags for the next round, when it reads them first (see `carried`). */
  private backEdge(): string {
    if (this.prior === null) { this.facts.backEdge = this.flags; return ''; }
    if (!this.prior.entryFlagsRead) return '';
    if (this.carried === null || this.flags === null || this.flags === this.carried) return this.storedFlags();
    return 'FL = true; ' + carriedFields(this.flags).map(([field, value]) => `F_${field} = ${value}; `).join('') + '\n';
  }

  // ---------------------------------------------------------------- register forms

  private register(k: number, i: Insn, s: Shape): string {
    const d = i.dst;
    if (s.op === 'shl' || s.op === 'shr' || s.op === 'sar') return this.shift(k, i.rm, s);
    if (s.op === 'imul') return this.imul(k, i, s);
    if (s.op === 'lea') return this.lea(k, i, s);
    if (s.op === 'setcc' || s.op === 'cmovcc') return this.conditional(k, i, s);
    if (s.op === 'alu8') return this.alu8(k, i, s);
    const [aL, aH] = s.op === 'mov' ? ['', ''] : this.reg(d);
    let bL: string, bH: string;
    if (s.imm) { bL = String(i.imm | 0); bH = String(i.immHi | 0); } else [bL, bH] = this.reg(i.src);
    if (s.op === 'mov') return this.setReg(d, bL, s.size === 8 ? bH : '0');
    if (s.op === 'inc' || s.op === 'dec') {
      const dec = s.op === 'dec';
      if (this.flags === null) this.readsFlags(true);
      const cf = carryBit(this.flags);
      let code: string;
      if (s.size === 4) {
        code = `const a${k} = ${aL}, v${k} = (a${k} + ${dec ? -1 : 1}) | 0, cf${k} = ${cf};\n` + this.setReg(d, `v${k}`, '0');
        this.setFlags({ kind: 'incdec', size: 4, dec, a: `a${k}`, aH: '0', v: `v${k}`, vH: '0', cf: `cf${k}` }, false);
      } else {
        // The high half moves when the low half wraps (int32 arithmetic throughout).
        code = `const a${k} = ${aL}, aH${k} = ${aH}, cf${k} = ${cf};\n` +
          (dec ? `const v${k} = (a${k} - 1) | 0, vH${k} = (aH${k} - (a${k} === 0 ? 1 : 0)) | 0;\n`
            : `const v${k} = (a${k} + 1) | 0, vH${k} = (aH${k} + (v${k} === 0 ? 1 : 0)) | 0;\n`) + this.setReg(d, `v${k}`, `vH${k}`);
        this.setFlags({ kind: 'incdec', size: 8, dec, a: `a${k}`, aH: `aH${k}`, v: `v${k}`, vH: `vH${k}`, cf: `cf${k}` }, false);
      }
      return code;
    }
    const op = s.op;
    const write = op !== 'cmp' && op !== 'test';
    const arith = op === 'add' || op === 'sub' || op === 'cmp';
    let code: string;
    if (s.size === 4) {
      code = `const a${k} = ${aL}, b${k} = ${bL};\n`;
      if (arith) code += `const v${k} = (a${k} ${op === 'add' ? '+' : '-'} b${k}) | 0;\n`;
      else code += `const v${k} = a${k} ${op === 'and' || op === 'test' ? '&' : op === 'or' ? '|' : '^'} b${k};\n`;
      if (write) code += this.setReg(d, `v${k}`, '0');
      this.setFlags(arith
        ? { kind: op === 'add' ? 'add' : 'sub', size: 4, a: `a${k}`, aH: '0', b: `b${k}`, bH: '0', v: `v${k}`, vH: '0' }
        : { kind: 'logic', size: 4, v: `v${k}`, vH: '0' }, true);
      return code;
    }
    code = `const a${k} = ${aL}, aH${k} = ${aH}, b${k} = ${bL}, bH${k} = ${bH};\n`;
    // Carry and borrow out of the low half as unsigned compares (int32 arithmetic throughout).
    if (op === 'add') code += `const v${k} = (a${k} + b${k}) | 0, vH${k} = (aH${k} + bH${k} + ((v${k} >>> 0) < (a${k} >>> 0) ? 1 : 0)) | 0;\n`;
    else if (arith) code += `const v${k} = (a${k} - b${k}) | 0, vH${k} = (aH${k} - bH${k} - ((a${k} >>> 0) < (b${k} >>> 0) ? 1 : 0)) | 0;\n`;
    else {
      const o = op === 'and' || op === 'test' ? '&' : op === 'or' ? '|' : '^';
      code += `const v${k} = a${k} ${o} b${k}, vH${k} = aH${k} ${o} bH${k};\n`;
    }
    if (write) code += this.setReg(d, `v${k}`, `vH${k}`);
    this.setFlags(arith
      ? { kind: op === 'add' ? 'add' : 'sub', size: 8, a: `a${k}`, aH: `aH${k}`, b: `b${k}`, bH: `bH${k}`, v: `v${k}`, vH: `vH${k}` }
      : { kind: 'logic', size: 8, v: `v${k}`, vH: `vH${k}` }, true);
    return code;
  }

  /**
   * setcc r8 / cmovcc r, r: the condition from the symbolic flags (or the CPU's). As cmovI
   * does, a 32-bit destination is zero-extended whether or not the condition holds.
   */
  private conditional(k: number, i: Insn, s: Shape): string {
    const cc = i.opcode & 15;
    let cond: string;
    if (this.flags !== null) cond = condition(cc, this.flags);
    else { this.readsFlags(true); cond = `c.cond(${cc})`; }
    let code = `const t${k} = ${cond};\n`;
    if (s.op === 'setcc') {
      const low = s.n < 16;
      const [xl, xh] = this.reg(low ? s.n : s.n - 16);
      code += this.setReg(low ? s.n : s.n - 16, low ? `(${xl} & ~0xff) | (t${k} ? 1 : 0)` : `(${xl} & ~0xff00) | (t${k} ? 0x100 : 0)`, xh);
      return code;
    }
    const [dl, dh] = this.reg(i.reg);
    const [sl, sh] = this.reg(s.n);
    return code + this.setReg(i.reg, `t${k} ? ${sl} : ${dl}`, s.size === 8 ? `t${k} ? ${sh} : ${dh}` : '0');
  }

  /**
   * add/sub/cmp/and/or/xor/test of byte registers (al..r15b, ah..bh): what binary/testI in
   * exec/alu.ts compute at size 1 (operands and result 0..255, the record's size 1), the
   * result merged into its register's low byte or bits 8-15.
   */
  private alu8(k: number, i: Insn, s: Shape): string {
    const op = byteAlu(i)!;
    const byte = (g: number) => (g < 16 ? `(${this.reg(g)[0]} & 0xff)` : `((${this.reg(g - 16)[0]} >> 8) & 0xff)`);
    const d = byteReg(i, i.op0);
    let code = `const a${k} = ${byte(d)}, b${k} = ${s.imm ? i.imm & 0xff : byte(byteReg(i, i.op1))};\n`;
    const arith = op === 'add' || op === 'sub' || op === 'cmp';
    code += arith ? `const v${k} = (a${k} ${op === 'add' ? '+' : '-'} b${k}) & 0xff;\n`
      : `const v${k} = a${k} ${op === 'and' || op === 'test' ? '&' : op === 'or' ? '|' : '^'} b${k};\n`;
    if (op !== 'cmp' && op !== 'test') {
      const g = d < 16 ? d : d - 16;
      const [xl, xh] = this.reg(g);
      code += this.setReg(g, d < 16 ? `(${xl} & ~0xff) | v${k}` : `(${xl} & ~0xff00) | (v${k} << 8)`, xh);
    }
    this.setFlags(arith
      ? { kind: op === 'add' ? 'add' : 'sub', size: 1, a: `a${k}`, aH: '0', b: `b${k}`, bH: '0', v: `v${k}`, vH: '0' }
      : { kind: 'logic', size: 1, v: `v${k}`, vH: '0' }, true);
    return code;
  }

  /** lea r, [base + index*scale + disp] in 64-bit addressing (RIP-relative too): what computeOffset and leaI compute. */
  private lea(k: number, i: Insn, s: Shape): string {
    let l = String(i.disp >>> 0), h = String(i.dispHi);
    if (i.base === 16) { const [bl, bh] = this.address(this.off + i.len); l += ` + (${bl} >>> 0)`; h += ` + ${bh}`; }
    else if (i.base >= 0) { const [bl, bh] = this.reg(i.base); l += ` + (${bl} >>> 0)`; h += ` + ${bh}`; }
    if (i.index >= 0) {
      const [xl, xh] = this.reg(i.index);
      l += ` + (${xl} >>> 0) * ${1 << i.scale}`;
      h += ` + Math.imul(${xh}, ${1 << i.scale})`;
    }
    return `const l${k} = ${l};\n` + this.setReg(s.n, `l${k} | 0`, s.size === 8 ? `(${h} + Math.floor(l${k} / 4294967296)) | 0` : '0');
  }

  /** imul r, r / imul r, r, imm: the low half of the product (what imulI writes), flags lazily (overflow only when stored). */
  private imul(k: number, i: Insn, s: Shape): string {
    const [al, ah] = this.reg(s.n);
    let bl: string, bh: string;
    if (s.imm) { bl = String(i.imm | 0); bh = String(i.immHi | 0); } else [bl, bh] = this.reg(i.rm);
    if (s.size === 4) {
      const code = `const a${k} = ${al}, b${k} = ${bl}, v${k} = Math.imul(a${k}, b${k});\n` + this.setReg(i.reg, `v${k}`, '0');
      this.setFlags({ kind: 'mul', size: 4, v: `v${k}`, vH: '0', ovf: `(a${k} * b${k} !== v${k})` }, true);
      return code;
    }
    const code = `const a${k} = ${al}, aH${k} = ${ah}, b${k} = ${bl}, bH${k} = ${bh};\n` +
      `const v${k} = Math.imul(a${k}, b${k}), vH${k} = MULHI(a${k}, aH${k}, b${k}, bH${k});\n` + this.setReg(i.reg, `v${k}`, `vH${k}`);
    this.setFlags({ kind: 'mul', size: 8, v: `v${k}`, vH: `vH${k}`, ovf: `MULOVF(a${k}, aH${k}, b${k}, bH${k})` }, true);
    return code;
  }

  /**
   * shl/shr/sar of a register by a constant count n (1..31 or 1..63): what shiftGroup in
   * exec/shift.ts computes for that count (OF by the count-1 formula for every count).
   */
  private shift(k: number, d: number, s: Shape): string {
    const n = s.n, op = s.op;
    const [xl, xh] = this.reg(d);
    const a = `a${k}`, v = `v${k}`, cf = `cf${k}`, of = `of${k}`;
    if (s.size === 4) {
      let code: string;
      if (op === 'shl') code = `const ${v} = ${a} << ${n}, ${cf} = (${a} >>> ${32 - n}) & 1, ${of} = (${v} >>> 31) ^ ${cf};\n`;
      else if (op === 'shr') code = `const ${v} = (${a} >>> ${n}) | 0, ${cf} = (${a} >>> ${n - 1}) & 1, ${of} = ${a} >>> 31;\n`;
      else code = `const ${v} = ${a} >> ${n}, ${cf} = (${a} >> ${n - 1}) & 1, ${of} = 0;\n`;
      this.setFlags({ kind: 'shift', size: 4, v, vH: '0', cf, of }, true);
      return `const ${a} = ${xl};\n${code}` + this.setReg(d, v, '0');
    }
    const aH = `aH${k}`, vH = `vH${k}`;
    let lo: string, hi: string, c: string;
    const bitOf = (b: number) => (b < 32 ? `((${a} >>> ${b}) & 1)` : `((${aH} >>> ${b - 32}) & 1)`);
    if (op === 'shl') {
      if (n < 32) { hi = `(${aH} << ${n}) | (${a} >>> ${32 - n})`; lo = `${a} << ${n}`; } else { hi = `${a} << ${n - 32}`; lo = '0'; }
      c = bitOf(64 - n);
    } else {
      if (n < 32) { hi = op === 'shr' ? `${aH} >>> ${n}` : `${aH} >> ${n}`; lo = `(${a} >>> ${n}) | (${aH} << ${32 - n})`; }
      else { hi = op === 'shr' ? '0' : `${aH} >> 31`; lo = op === 'shr' ? `${aH} >>> ${n - 32}` : `${aH} >> ${n - 32}`; }
      c = bitOf(n - 1);
    }
    const ofExpr = op === 'shl' ? `(${vH} >>> 31) ^ ${cf}` : op === 'shr' ? `${aH} >>> 31` : '0';
    this.setFlags({ kind: 'shift', size: 8, v, vH, cf, of }, true);
    return `const ${a} = ${xl}, ${aH} = ${xh};\n` +
      `const ${v} = (${lo}) | 0, ${vH} = (${hi}) | 0, ${cf} = ${c}, ${of} = ${ofExpr};\n` + this.setReg(d, v, vH);
  }

  // ---------------------------------------------------------------- memory forms

  /**
   * A form with an inline RAM path: the test, then the fast path (registers and symbolic
   * flags as for register forms) or the called function with everything brought up to date
   * first (after it, the later instructions see the same state as after the fast path).
   */
  private memory(k: number, i: Insn, s: Shape, last: boolean): void {
    this.names.push(`i${k}`, `f${k}`);
    this.values.push(i, i.fn);
    const w = `w${k}`;
    const stack = s.op === 'push' || s.op === 'pop' || s.op === 'call' || s.op === 'ret';
    const write = s.op === 'store' || s.op === 'store8' || s.op === 'push' || s.op === 'call';
    const bytes = s.op === 'loadzx8' || s.op === 'store8' ? 1 : s.size;
    const slowStart = this.leave() + `c.nextRip = R + ${this.off + i.len};\n` + (i.ea ? `EA(c, i${k});\n` : '') + `f${k}(c, i${k});\nc.rip = c.nextRip;\nc.icount++;\n`;
    let test = '';
    let fast = '';
    let afterSlow = '';
    let declare = '';
    if (!stack) {
      const e = `e${k}`, h = `h${k}`;
      if (!this.hoisted.has(k)) test = `let ${e} = 0, ${h} = 0, ${w} = -1;\n` + addressCode(i, e, h, (g) => this.reg(g)) + wordCode(w, e, h, bytes, write, i.base === 4);
    }
    const sp = () => this.reg(4);
    switch (s.op) {
      case 'load': {
        const d = i.dst;
        fast = this.setReg(d, `RAM[${w}]`, s.size === 8 ? `RAM[${w} + 1]` : '0');
        break;
      }
      case 'loadzx8':
        fast = this.setReg(s.n, `RAM8[${w}]`, '0');
        break;
      case 'store8': {
        let v: string;
        if (s.imm) v = String(i.imm & 0xff);
        else if (s.n < 16) v = `${this.reg(s.n)[0]} & 0xff`;
        else v = `(${this.reg(s.n - 16)[0]} >> 8) & 0xff`;
        fast = `RAM8[${w}] = ${v};\n`;
        break;
      }
      case 'store': {
        let lo: string, hi: string;
        if (s.imm) { lo = String(i.imm | 0); hi = String(i.immHi | 0); } else [lo, hi] = this.reg(i.src);
        fast = `RAM[${w}] = ${lo};${s.size === 8 ? ` RAM[${w} + 1] = ${hi};` : ''}\n`;
        break;
      }
      case 'push': case 'call': {
        const [xl, xh] = sp();
        let lo: string, hi: string;
        if (s.op === 'push') [lo, hi] = this.reg(s.n);
        else {
          if (!last) this.returns.push(this.off + i.len);
          [lo, hi] = this.address(this.off + i.len);
        }
        test = `const sl${k} = (${xl} - 8) | 0, sh${k} = (${xl} >>> 0) < 8 ? (${xh} - 1) | 0 : ${xh};\nlet ${w} = -1;\n` + wordCode(w, `sl${k}`, `sh${k}`, 8, true, true);
        fast = `RAM[${w}] = ${lo}; RAM[${w} + 1] = ${hi};\n` + this.setReg(4, `sl${k}`, `sh${k}`);
        break;
      }
      case 'pop': case 'ret': {
        const [xl, xh] = sp();
        test = `let ${w} = -1;\n` + wordCode(w, xl, xh, 8, false, true);
        if (s.op === 'ret' && !last) {
          // A ret the trace follows: the fast path only when it returns where the trace's call
          // returns to (the called function takes any other address, and the trace is left).
          const [bl, bh] = this.address(this.returns[this.returns.length - 1]!);
          test += `if (${w} >= 0 && (RAM[${w}] !== ${bl} || RAM[${w} + 1] !== ${bh})) ${w} = -1;\n`;
        } else if (s.op === 'ret') test += `if (${w} >= 0 && ((RAM[${w} + 1] << 16) >> 16) !== RAM[${w} + 1]) ${w} = -1;\n`;
        const pop = `const pl${k} = (${xl} >>> 0) + 8;\n` + this.setReg(4, `pl${k} | 0`, `pl${k} >= 4294967296 ? (${xh} + 1) | 0 : ${xh}`);
        if (s.op === 'pop') fast = `const v${k} = RAM[${w}], vH${k} = RAM[${w} + 1];\n${pop}` + this.setReg(s.n, `v${k}`, `vH${k}`);
        else if (!last) fast = pop;
        else {
          declare = `let rl${k} = 0, rh${k} = 0;\n`;
          fast = `rl${k} = RAM[${w}]; rh${k} = RAM[${w} + 1];\n${pop}`;
        }
        break;
      }
      case 'mcmpi': case 'mtesti': {
        // cmp/test [mem], imm at 1, 4 or 8 bytes: cmpI/testI's flag record (a byte's operands
        // and result are 0..255), kept symbolic; the called function's record is read back on its path.
        const size = s.size, b8 = size === 8, cmp = s.op === 'mcmpi';
        declare = `let a${k} = 0, aH${k} = 0, b${k} = ${size === 1 ? i.imm & 0xff : i.imm | 0}, bH${k} = ${b8 ? i.immHi | 0 : 0}, v${k} = 0, vH${k} = 0;\n`;
        fast = size === 1 ? `a${k} = RAM8[${w}];\n` : `a${k} = RAM[${w}];${b8 ? ` aH${k} = RAM[${w} + 1];` : ''}\n`;
        if (!cmp) fast += `v${k} = a${k} & b${k};${b8 ? ` vH${k} = aH${k} & bH${k};` : ''}\n`;
        else if (size === 1) fast += `v${k} = (a${k} - b${k}) & 0xff;\n`;
        else if (size === 4) fast += `v${k} = (a${k} - b${k}) | 0;\n`;
        else fast += `v${k} = (a${k} - b${k}) | 0; vH${k} = (aH${k} - bH${k} - ((a${k} >>> 0) < (b${k} >>> 0) ? 1 : 0)) | 0;\n`;
        afterSlow = cmp
          ? `a${k} = c.fA | 0; aH${k} = c.fAH | 0; b${k} = c.fB | 0; bH${k} = c.fBH | 0; v${k} = c.fR | 0; vH${k} = c.fRH | 0;\n`
          : `v${k} = c.fR | 0; vH${k} = c.fRH | 0;\n`;
        this.setFlags(cmp
          ? { kind: 'sub', size, a: `a${k}`, aH: b8 ? `aH${k}` : '0', b: `b${k}`, bH: b8 ? `bH${k}` : '0', v: `v${k}`, vH: b8 ? `vH${k}` : '0' }
          : { kind: 'logic', size, v: `v${k}`, vH: b8 ? `vH${k}` : '0' }, true);
        break;
      }
      default: {
        // add/sub/cmp/and/or/xor reg, [mem]: the flag record the called function leaves is read back on its path.
        const op = s.op.slice(1);
        const d = s.n;
        const [al, ah] = this.reg(d);
        const arith = op === 'add' || op === 'sub' || op === 'cmp';
        const size = s.size;
        const b8 = size === 8;
        declare = `let a${k} = ${al}, aH${k} = ${b8 ? ah : '0'}, b${k} = 0, bH${k} = 0, v${k} = 0, vH${k} = 0;\n`;
        fast = `b${k} = RAM[${w}];${b8 ? ` bH${k} = RAM[${w} + 1];` : ''}\n`;
        if (size === 4) {
          fast += arith ? `v${k} = (a${k} ${op === 'add' ? '+' : '-'} b${k}) | 0;\n`
            : `v${k} = a${k} ${op === 'and' ? '&' : op === 'or' ? '|' : '^'} b${k};\n`;
        } else if (op === 'add') fast += `v${k} = (a${k} + b${k}) | 0; vH${k} = (aH${k} + bH${k} + ((v${k} >>> 0) < (a${k} >>> 0) ? 1 : 0)) | 0;\n`;
        else if (arith) fast += `v${k} = (a${k} - b${k}) | 0; vH${k} = (aH${k} - bH${k} - ((a${k} >>> 0) < (b${k} >>> 0) ? 1 : 0)) | 0;\n`;
        else { const o = op === 'and' ? '&' : op === 'or' ? '|' : '^'; fast += `v${k} = a${k} ${o} b${k}; vH${k} = aH${k} ${o} bH${k};\n`; }
        if (op !== 'cmp') fast += this.setReg(d, `v${k}`, b8 ? `vH${k}` : '0');
        afterSlow = arith
          ? `a${k} = c.fA | 0; aH${k} = c.fAH | 0; b${k} = c.fB | 0; bH${k} = c.fBH | 0; v${k} = c.fR | 0; vH${k} = c.fRH | 0;\n`
          : `v${k} = c.fR | 0; vH${k} = c.fRH | 0;\n`;
        this.setFlags(arith
          ? { kind: op === 'add' ? 'add' : 'sub', size, a: `a${k}`, aH: b8 ? `aH${k}` : '0', b: `b${k}`, bH: b8 ? `bH${k}` : '0', v: `v${k}`, vH: b8 ? `vH${k}` : '0' }
          : { kind: 'logic', size, v: `v${k}`, vH: b8 ? `vH${k}` : '0' }, true);
      }
    }
    // The slow path: written after the fast path's register effects are known (its own
    // state is the one before the instruction: leave() was taken first).
    let slow: string;
    if (last) slow = `${slowStart}return;\n`;
    else {
      // (A followed ret leaves when it went elsewhere: everything is up to date after the call.)
      const elsewhere = s.op === 'ret' ? ` || c.rip !== R + ${this.returns[this.returns.length - 1]!}` : '';
      slow = `${slowStart}if (c.exitBlock || c.icount >= end${elsewhere}) return;\nIC = c.icount - ${this.pending + 1};\n`;
    }
    this.pending++;
    // Registers the fast path changed are reloaded too: they are written back later.
    if (!last) slow += this.reload(this.dirty) + afterSlow;
    this.code += declare + test + `if (${w} >= 0) {\n${fast}} else {\n${slow}}\n`;
    if (last) {
      if (s.op === 'call') this.finish(`R + ${this.off + i.len + i.imm}`);
      else if (s.op === 'ret') this.finish(`rh${k} * 4294967296 + (rl${k} >>> 0)`);
      else this.finish(`R + ${this.off + i.len}`);
    } else if (s.op === 'ret') this.returns.pop();
  }
}

/** The fields of a flag state that name locals (not constants), with their values. */
function carriedFields(f: FlagState): [string, string][] {
  return Object.entries(f).filter(([field, v]) => field !== 'kind' && field !== 'size' && field !== 'dec' && /^[A-Za-z_]\w*$/.test(String(v))) as [string, string][];
}

/** The state `f` with its locals renamed to the loop-carried F_* ones; null for imul's (its overflow is an expression). */
function carriedFlags(f: FlagState): FlagState | null {
  if (f.kind === 'mul') return null;
  const renamed: Record<string, unknown> = { ...f };
  for (const [field] of carriedFields(f)) renamed[field] = `F_${field}`;
  return renamed as FlagState;
}

/** An instruction of a trace: where it is (bytes from the trace's start) and, at the start of a block, the block's length. */
export interface TraceStep {
  insn: Insn; off: number; blockLen: number;
  /** A jcc inside a trace: the way the trace goes on (the other way leaves it). */
  taken?: boolean;
}

export function compileBlock(insns: readonly Insn[], computeEA: (c: CpuState, i: Insn) => void): CompiledBlock | null {
  let off = 0;
  return compileTrace(insns.map((insn, k) => { const t = { insn, off, blockLen: k === 0 ? insns.length : 0 }; off += insn.len; return t; }), computeEA);
}

/**
 * Compiles a trace: blocks that follow each other through jmp rel, call rel and a ret to the
 * trace's own call (see trace.ts), run as one function.
 */
export function compileTrace(steps: readonly TraceStep[], computeEA: (c: CpuState, i: Insn) => void): CompiledBlock | null {
  if (!canCompile() || steps.length === 0) return null;
  const shapes = steps.map((t) => shapeOf(t.insn));
  // Pass 1 learns which registers and flags the code touches; pass 2 emits with that knowledge.
  const first = new BlockEmitter(steps, shapes, computeEA, null);
  first.emit();
  const e = new BlockEmitter(steps, shapes, computeEA, first.facts);
  const source = e.emit();
  const factory = new Function(...e.names, source) as (...a: unknown[]) => CompiledBlock;
  return factory(...e.values);
}
