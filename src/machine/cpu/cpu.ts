// The CPU: reset state, the execution loop over decoded blocks, exceptions with double and
// triple fault, hardware interrupts between instructions, hlt, and the BIOS trap stubs.
//
// Execution model. Code is decoded once into blocks of `Insn` records (decoder.ts), cached by
// physical address and code size. A block ends at a control transfer, an instruction that can
// change the mode or talk to devices, a page end, or 64 instructions. `executeBlock` is the one
// place where a block runs: per instruction it computes the effective address, calls the
// instruction's execution function (a pure function of the CPU state and the record) and moves
// RIP on. A later block compiler replaces exactly that loop. Guest writes into a page that
// holds decoded code drop that page's blocks (through the memory's code-page marks when it has
// them, else through the CPU's own write check).
import type { BiosHandler, BiosRegisters, InterruptController, IoBus, PhysicalMemory } from '../types.ts';
import { decodeInto, Insn } from './decoder.ts';
import { FORM_ENDS, FORM_EXEC, type Exec } from './exec/index.ts';
import { fastPath } from './exec/fast.ts';
import { x87Exec } from './exec/x87.ts';
import { compileBlock, compileTrace, type CompiledBlock } from './compile.ts';
import { buildTrace } from './jit/trace.ts';
import { deliver, hasErrorCode, IntKind } from './interrupts.ts';
import { computeEA, fetchLin8, pop, raise } from './memory-access.ts';
import { Access, translate } from './paging.ts';
import { AC, CF, CpuState, FAULT, GuestFault, IF, RF, Seg, TF, ZF } from './state.ts';

export { FAULT } from './state.ts';

/** What `Cpu.run` reports. */
export const enum RunResult {
  /** The instruction budget is used up. */
  Budget = 0,
  /** hlt (or a waiting BIOS service) with IF=1: waiting for an interrupt; skip time forward. */
  Waiting = 1,
  /** hlt with IF=0: nothing will ever wake the CPU. */
  Halted = 2,
  /** Triple fault: `tripleFaultMessage` says why. */
  TripleFault = 3,
  /** Someone called `requestStop` (a device: debug exit, reset). */
  Stopped = 4,
}

/** BIOS trap stubs: where they are and what serves them (see bios/index.ts). */
export interface BiosHook {
  /** The interrupt vector whose stub is at this linear address, or -1. */
  stubVector(linear: number): number;
  /** Services by vector (undefined: the stub just returns). */
  handlers: readonly (BiosHandler | undefined)[];
  /** Linear address range of the stubs (checked first, cheaply). */
  start: number;
  end: number;
}

export interface CpuOptions {
  mem: PhysicalMemory;
  io: IoBus;
  pic?: InterruptController | null;
  bios?: BiosHook | null;
}

interface MemoryWithCodeMarks extends PhysicalMemory {
  readonly codePages: Uint8Array;
  onCodeWrite: ((page: number) => void) | null;
}

class Block {
  readonly insns: Insn[] = [];
  valid = true;
  /** The block that ran after this one last time, and under which conditions (a one-entry link). */
  next: Block | null = null;
  nextLin = NaN;
  nextEpoch = -1;
  nextCpl = -1;
  nextA20 = true;
  /** Times the interpreter ran this block; at HOT_RUNS it is compiled. */
  runs = 0;
  compiled: CompiledBlock | null = null;
  /** The physical pages its bytes came from. */
  pages: number[] = [];
  /** This block and its linked successors compiled as one (jit/trace.ts), valid at one linear address, TLB epoch, CPL and A20 state. */
  trace: CompiledBlock | null = null;
  traceLin = NaN;
  traceEpoch = -1;
  traceCpl = -1;
  traceA20 = true;
  constructor(readonly key: number, readonly bits: number) {}
}

const MAX_BLOCK = 64;
/** Interpreted runs after which a block is compiled to a JavaScript function. */
const HOT_RUNS = 64;

export class Cpu extends CpuState {
  bios: BiosHook | null;
  /** The TSC is guest time plus this offset (wrmsr to the TSC sets it). */
  tscOffset = 0;
  tripleFaultMessage = '';
  /** Compile hot blocks to JavaScript functions (off: always interpret). */
  compileBlocks = true;
  /** Interpreted runs after which a block is compiled (tests set 1 to compile everything). */
  hotRuns = HOT_RUNS;
  private stopRequested = false;
  private readonly blocks = new Map<number, Block>();
  private readonly pageBlocks = new Map<number, Block[]>();
  /** Pages whose code keeps being overwritten (self-modifying code): decoded one instruction a block. */
  private readonly smcPages = new Map<number, number>();
  /** The memory marks code pages itself (GuestMemory): the CPU need not check its writes. */
  private readonly memoryMarksCode: boolean;
  private readonly biosRegs: BiosRegisters;

  constructor(opts: CpuOptions) {
    super(opts.mem, opts.io, opts.pic ?? null);
    this.bios = opts.bios ?? null;
    const m = opts.mem as Partial<MemoryWithCodeMarks>;
    this.memoryMarksCode = m.codePages instanceof Uint8Array && 'onCodeWrite' in m;
    this.cpuMarksCode = !this.memoryMarksCode;
    if (this.memoryMarksCode) (opts.mem as MemoryWithCodeMarks).onCodeWrite = (page) => this.invalidatePage(page);
    this.codeWritten = (page) => this.invalidatePage(page);
    this.codeMarks = this.marks;
    const ram = opts.mem.ram;
    const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
    if (littleEndian && ram.byteOffset % 4 === 0) {
      this.ram32 = new Int32Array(ram.buffer, ram.byteOffset, ram.byteLength >>> 2);
      this.ramDirectEnd = Math.min(ram.byteLength, opts.mem.size) - 8;
    }
    this.biosRegs = makeBiosRegisters(this);
    this.reset();
  }

  /** The code-page marks in use (the memory's, or the CPU's own). */
  private get marks(): Uint8Array {
    return this.memoryMarksCode ? (this.mem as MemoryWithCodeMarks).codePages : this.codePages;
  }

  /**
   * The state a PC BIOS leaves when it jumps to the boot sector: real mode, CS:IP = 0000:7C00,
   * DL = 0x80, SS:SP = 0000:7C00 (just below the boot sector), interrupts enabled.
   */
  reset(): void {
    this.regs.fill(0);
    this.fpu.reset();
    this.regs[4] = 0x80;          // DL: boot drive
    this.regs[8] = 0x7c00;        // SP
    for (let s = 0; s < 6; s++) {
      this.segSel[s] = 0;
      this.segBase[s] = 0;
      this.segLimit[s] = 0xffff;
      this.segAttr[s] = s === Seg.CS ? 0x9b : 0x93;
    }
    this.segSel[Seg.LDTR] = 0; this.segBase[Seg.LDTR] = 0; this.segLimit[Seg.LDTR] = 0xffff; this.segAttr[Seg.LDTR] = 0x82;
    this.segSel[Seg.TR] = 0; this.segBase[Seg.TR] = 0; this.segLimit[Seg.TR] = 0xffff; this.segAttr[Seg.TR] = 0x8b;
    this.rip = 0x7c00;
    this.nextRip = 0x7c00;
    this.flags = 0x202;
    this.fOp = 0;
    this.cr0 = 0x60000010; this.cr2 = 0; this.cr3 = 0; this.cr3Hi = 0; this.cr4 = 0; this.cr8 = 0;
    this.efer = 0;
    this.dr.fill(0); this.dr[6] = 0xffff0ff0; this.dr[7] = 0x400;
    this.gdtBase = 0; this.gdtLimit = 0xffff; this.idtBase = 0; this.idtLimit = 0x3ff;
    this.msrs.clear();
    this.cpl = 0;
    this.halted = false;
    this.shadowUntil = -1;
    this.tscOffset = 0;
    this.tripleFaultMessage = '';
    this.tlb.flush();
    this.updateModeFromSegments();
    this.flushCodeCache();
  }

  /** Asks `run` to return (RunResult.Stopped) after the current instruction. */
  requestStop(): void { this.stopRequested = true; this.exitBlock = true; }

  /** Drops every decoded block. */
  flushCodeCache(): void {
    this.blocks.clear();
    this.smcPages.clear();
    this.lastBlock = null;
    for (const page of this.pageBlocks.keys()) this.marks[page] = 0;
    this.pageBlocks.clear();
  }

  private invalidatePage(page: number): void {
    const list = this.pageBlocks.get(page);
    if (list) {
      // (A block may be listed under a page after a newer block replaced it in the cache: a trace's head.)
      for (const b of list) { b.valid = false; if (this.blocks.get(b.key) === b) this.blocks.delete(b.key); }
      this.pageBlocks.delete(page);
      this.exitBlock = true;
      this.smcPages.set(page, (this.smcPages.get(page) ?? 0) + 1);
    }
    if (page < this.marks.length) this.marks[page] = 0;
  }

  /** Linear address of the current instruction. */
  ripLinear(): number {
    return this.bits === 64 ? this.rip : (this.segBase[Seg.CS] + this.rip) % 4294967296;
  }

  // ------------------------------------------------------------ execution

  /**
   * Runs up to `budget` instructions. Returns why it stopped; `icount` tells how many ran.
   */
  run(budget: number): RunResult {
    const end = this.icount + budget;
    this.stopRequested = false;
    while (this.icount < end) {
      if (this.tripleFaultMessage) return RunResult.TripleFault;
      if (this.halted) {
        if (!(this.flags & IF)) return RunResult.Halted;
        if (!this.pic || !this.pic.hasPending()) return RunResult.Waiting;
      }
      if ((this.flags & IF) && this.pic && this.icount !== this.shadowUntil && this.pic.hasPending()) {
        const vector = this.pic.acknowledge();
        this.halted = false;
        this.guarded(() => deliver(this, vector, -1, IntKind.Hardware, this.rip));
        continue;
      }
      if (this.bios && !this.protectedMode) {
        const lin = this.ripLinear();
        if (lin >= this.bios.start && lin < this.bios.end) {
          const v = this.bios.stubVector(lin);
          if (v >= 0) {
            this.guarded(() => this.callBios(v));
            this.icount++;
            if (this.stopRequested) return RunResult.Stopped;
            continue;
          }
        }
      }
      this.executeBlock(end);
      if (this.stopRequested) return RunResult.Stopped;
    }
    return this.tripleFaultMessage ? RunResult.TripleFault : RunResult.Budget;
  }

  /** Looks up or decodes the block at RIP and runs it (up to the instruction `end`). */
  executeBlock(end: number): void {
    let block: Block;
    try {
      block = this.blockAt();
    } catch (e) {
      if (e !== FAULT) throw e;
      this.exception(FAULT.vector, FAULT.errorCode);
      return;
    }
    const compiled = block.compiled;
    if (this.flags & TF) { this.singleStep(block); return; }
    if (compiled !== null && this.icount + block.insns.length <= end) {
      try {
        this.runCompiled(block, compiled, end);
        // Chain: run the linked compiled successor directly while nothing that the loop in
        // `run` checks between blocks needs doing (an exit request, hlt, TF, a deliverable
        // interrupt, real mode's BIOS stubs) and the link is valid as blockAt checks it.
        let b = block;
        while (!this.exitBlock && !this.halted && (this.cr0 & 1) !== 0 && (this.flags & TF) === 0 &&
          !((this.flags & IF) !== 0 && this.pic !== null && this.icount !== this.shadowUntil && this.pic.hasPending())) {
          const next = b.next;
          if (next === null || next.compiled === null || b.nextLin !== this.ripLinear() || b.nextEpoch !== this.tlb.epoch ||
            b.nextCpl !== this.cpl || b.nextA20 !== this.mem.a20 || !next.valid || next.bits !== this.bits ||
            this.icount + next.insns.length > end) break;
          this.lastBlock = next;
          b = next;
          this.runCompiled(next, next.compiled, end);
        }
      } catch (e) {
        if (e !== FAULT) throw e;
        this.exception(FAULT.vector, FAULT.errorCode);
      }
      return;
    }
    if (++block.runs === this.hotRuns && this.compileBlocks) {
      block.compiled = compileBlock(block.insns, computeEA as never);
      if (block.compiled !== null) this.compileTraceAt(block);
    }
    const insns = block.insns;
    const n = insns.length;
    this.exitBlock = false;
    try {
      for (let k = 0; k < n && this.icount < end; k++) {
        const i = insns[k];
        this.nextRip = this.rip + i.len;
        if (i.ea) computeEA(this, i);
        (i.fn as Exec)(this, i);
        this.rip = this.nextRip;
        this.icount++;
        if (this.exitBlock) break;
      }
    } catch (e) {
      if (e !== FAULT) throw e;
      this.exception(FAULT.vector, FAULT.errorCode);
    }
  }

  /** A compiled block, or its trace when it has one valid here (see compileTraceAt). */
  private runCompiled(block: Block, compiled: CompiledBlock, end: number): void {
    if (block.trace !== null && block.traceLin === this.rip && block.traceEpoch === this.tlb.epoch &&
      block.traceCpl === this.cpl && block.traceA20 === this.mem.a20) block.trace(this, end);
    else compiled(this, end);
  }

  /** TF set: one instruction, then a #DB trap (DR6.BS) with RIP after it. */
  private singleStep(block: Block): void {
    const i = block.insns[0];
    this.exitBlock = false;
    try {
      this.nextRip = this.rip + i.len;
      if (i.ea) computeEA(this, i);
      (i.fn as Exec)(this, i);
      this.rip = this.nextRip;
      this.icount++;
    } catch (e) {
      if (e !== FAULT) throw e;
      this.exception(FAULT.vector, FAULT.errorCode);
      return;
    }
    if (this.halted) return;
    this.dr[6] = (this.dr[6] | 0x4000) >>> 0;
    this.exception(1, -1);
  }

  /**
   * Compiles the trace that starts with `head` (at RIP, 64-bit code) through its linked
   * successors, if there is one. The head is listed under the pages of every block of the
   * trace, so a write into any of them drops it (and its trace) as it drops the block.
   */
  private compileTraceAt(head: Block): void {
    const t = buildTrace(head, this.rip, this.tlb.epoch, this.cpl, this.mem.a20);
    if (t === null) return;
    const fn = compileTrace(t.steps, computeEA as never);
    if (fn === null) return;
    head.trace = fn;
    head.traceLin = this.rip; head.traceEpoch = this.tlb.epoch; head.traceCpl = this.cpl; head.traceA20 = this.mem.a20;
    for (const b of t.blocks) {
      for (const p of b.pages) {
        const list = this.pageBlocks.get(p);
        if (list === undefined) { head.valid = false; this.blocks.delete(head.key); return; }   // cannot happen: b is valid
        if (!list.includes(head)) list.push(head);
      }
    }
  }

  private blockKey(phys: number): number {
    return phys * 4 + (this.bits === 16 ? 0 : this.bits === 32 ? 1 : 2);
  }

  private lastBlock: Block | null = null;

  private blockAt(): Block {
    const lin = this.ripLinear();
    const prev = this.lastBlock;
    const epoch = this.tlb.epoch;
    if (prev !== null && prev.nextLin === lin && prev.nextEpoch === epoch && prev.nextCpl === this.cpl && prev.nextA20 === this.mem.a20) {
      const n = prev.next!;
      if (n.valid && n.bits === this.bits) { this.lastBlock = n; return n; }
    }
    const phys = translate(this, lin, Access.Exec);
    const key = this.blockKey(phys);
    const block = this.blocks.get(key) ?? this.decodeBlock(lin, phys, key);
    if (prev !== null && prev.valid) {
      prev.next = block; prev.nextLin = lin; prev.nextEpoch = this.tlb.epoch; prev.nextCpl = this.cpl; prev.nextA20 = this.mem.a20;
    }
    this.lastBlock = block;
    return block;
  }

  private decodeBlock(lin: number, phys: number, key: number): Block {
    const block = new Block(key, this.bits);
    const bits = this.bits;
    const pages = new Set<number>();
    let at = lin;
    const fetch = (k: number) => fetchLin8(this, at + k);
    const savedCr2 = this.cr2;
    const maxLen = (this.smcPages.get(Math.floor(phys / 4096)) ?? 0) > 16 ? 1 : MAX_BLOCK;
    for (let n = 0; n < maxLen; n++) {
      const insn = new Insn();
      try {
        decodeInto(fetch, bits, insn);
      } catch (e) {
        if (e !== FAULT || n === 0) throw e;
        this.cr2 = savedCr2;      // the fault belongs to a later instruction: end the block before it
        break;
      }
      const ud = insn.invalid || insn.lockUd;
      insn.fn = (ud ? raiseUd : insn.x87 >= 0 ? x87Exec(insn) : fastPath(insn) ?? FORM_EXEC[insn.formId]) as Insn['fn'];
      // lea and the multi-byte nop name memory without touching it: no address check.
      insn.ea = insn.mem && !ud && (insn.x87 >= 0 || (insn.form.mnemonic !== 'lea' && insn.form.mnemonic !== 'nop'));
      insn.ends = ud || FORM_ENDS[insn.formId] === 1;
      block.insns.push(insn);
      // The physical pages the instruction's bytes came from.
      const first = Math.floor(translate(this, at, Access.Exec) / 4096);
      pages.add(first);
      const lastLin = at + insn.len - 1;
      if (Math.floor(lastLin / 4096) !== Math.floor(at / 4096)) {
        try { pages.add(Math.floor(translate(this, lastLin, Access.Exec) / 4096)); } catch (e) { if (e !== FAULT) throw e; this.cr2 = savedCr2; }
      }
      at += insn.len;
      if (insn.ends) break;
      if (Math.floor(at / 4096) !== Math.floor(lin / 4096)) break;
    }
    this.blocks.set(key, block);
    block.pages = [...pages];
    const marks = this.marks;
    for (const p of pages) {
      let list = this.pageBlocks.get(p);
      if (!list) this.pageBlocks.set(p, (list = []));
      list.push(block);
      if (p < marks.length) marks[p] = 1;
    }
    return block;
  }

  /** Runs a function that may raise a guest exception, delivering it if so. */
  private guarded(fn: () => void): void {
    try { fn(); } catch (e) {
      if (e !== FAULT) throw e;
      this.exception(FAULT.vector, FAULT.errorCode);
    }
  }

  // ------------------------------------------------------------ exceptions

  /**
   * Delivers exception `vector` for the instruction at RIP. A fault while delivering turns
   * into #DF for contributory/page-fault combinations (or is delivered itself when benign);
   * a fault while delivering #DF is a triple fault: the CPU stops.
   */
  exception(vector: number, errorCode: number): void {
    let v = vector;
    let code = hasErrorCode(v) ? (errorCode < 0 ? 0 : errorCode) : -1;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        deliver(this, v, code, IntKind.Exception, this.rip);
        return;
      } catch (e) {
        if (!(e instanceof GuestFault)) throw e;
        const second = e.vector;
        if (v === 8) { this.tripleFault(`#${name(vector)} then #DF delivery failed with #${name(second)}`); return; }
        const contributory = (x: number) => x === 0 || (x >= 10 && x <= 13);
        if ((contributory(v) && contributory(second)) || (v === 14 && (contributory(second) || second === 14))) {
          v = 8; code = 0;
        } else {
          v = second;
          code = hasErrorCode(second) ? Math.max(0, e.errorCode) : -1;
        }
      }
    }
    this.tripleFault(`#${name(vector)}: exception delivery kept faulting`);
  }

  private tripleFault(why: string): void {
    this.tripleFaultMessage = `triple fault (${why})\n${this.dump()}`;
    this.halted = true;
    this.flags &= ~IF;
  }

  // ------------------------------------------------------------ BIOS stubs

  private callBios(vector: number): void {
    const handler = this.bios!.handlers[vector];
    const result = handler ? handler(this.biosRegs, this.mem) : undefined;
    if (result === 'retry') {
      // Stay on the stub and wait for an interrupt with IF=1.
      this.flags |= IF;
      this.halted = true;
      return;
    }
    // Return as IRET does, keeping the CF, ZF and IF the handler left in `flags`.
    const keep = CF | ZF | IF;
    const now = this.getFlags();
    const ip = pop(this, 2);
    const cs = pop(this, 2);
    const fl = pop(this, 2);
    this.segSel[Seg.CS] = cs;
    this.segBase[Seg.CS] = cs * 16;
    this.rip = ip;
    this.flags = ((fl & ~keep) | (now & keep) | 2) & ~(RF | TF | AC) | (fl & (TF | AC));
    this.fOp = 0;
  }

  // ------------------------------------------------------------ reports

  /** A register dump for triple faults and debugging. */
  dump(): string {
    const h = (n: number, w = 16) => (n >>> 0).toString(16).padStart(w > 8 ? 8 : w, '0');
    const r64 = (n: number) => h(this.regs[2 * n + 1], 8) + h(this.regs[2 * n], 8);
    const names = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];
    const lines: string[] = [];
    for (let n = 0; n < 16; n += 4) lines.push(names.slice(n, n + 4).map((nm, k) => `${nm.padStart(3)}=${r64(n + k)}`).join(' '));
    const rip = this.rip < 0 ? this.rip + 2 ** 64 : this.rip;
    lines.push(`rip=${rip.toString(16).padStart(16, '0')} rflags=${h(this.getFlags(), 8)} mode=${this.mode()} cpl=${this.cpl}`);
    const segs = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'];
    lines.push(segs.map((s, k) => `${s}=${this.segSel[k].toString(16).padStart(4, '0')}`).join(' ') +
      ` cs.base=${this.segBase[Seg.CS].toString(16)}`);
    lines.push(`cr0=${h(this.cr0, 8)} cr2=${this.cr2.toString(16)} cr3=${h(this.cr3Hi, 8)}${h(this.cr3, 8)} cr4=${h(this.cr4, 8)} efer=${h(this.efer, 8)}`);
    lines.push(`gdt=${this.gdtBase.toString(16)}/${this.gdtLimit.toString(16)} idt=${this.idtBase.toString(16)}/${this.idtLimit.toString(16)}`);
    return lines.join('\n');
  }
}

/** The execution function of bytes that are no instruction. */
function raiseUd(): void { raise(6); }

function name(v: number): string {
  return ['DE', 'DB', 'NMI', 'BP', 'OF', 'BR', 'UD', 'NM', 'DF', 'CSO', 'TS', 'NP', 'SS', 'GP', 'PF', '15', 'MF', 'AC', 'MC', 'XM'][v] ?? String(v);
}


const R8 = { al: 0, cl: 1, dl: 2, bl: 3, ah: 16, ch: 17, dh: 18, bh: 19 } as const;
const R16 = { ax: 0, cx: 1, dx: 2, bx: 3, sp: 4, bp: 5, si: 6, di: 7 } as const;
const R32 = { eax: 0, ecx: 1, edx: 2, ebx: 3, esp: 4, ebp: 5, esi: 6, edi: 7 } as const;
const SEGS = { es: 0, cs: 1, ss: 2, ds: 3, fs: 4, gs: 5 } as const;

/** The register view BIOS services get (one object per CPU, no allocation per call). */
function makeBiosRegisters(c: Cpu): BiosRegisters {
  return {
    getReg8: (n) => c.r8(R8[n]),
    setReg8: (n, v) => c.w8(R8[n], v),
    getReg16: (n) => c.r16(R16[n]),
    setReg16: (n, v) => c.w16(R16[n], v),
    getReg32: (n) => c.regs[R32[n] << 1] >>> 0,
    setReg32: (n, v) => { c.regs[R32[n] << 1] = v | 0; },
    getSeg: (n) => c.segSel[SEGS[n]],
    getSegBase: (n) => c.segBase[SEGS[n]],
    setSeg: (n, sel) => { c.segSel[SEGS[n]] = sel & 0xffff; c.segBase[SEGS[n]] = (sel & 0xffff) * 16; },
    setCarry: (v) => c.setArith(CF, v ? CF : 0),
    setZero: (v) => c.setArith(ZF, v ? ZF : 0),
    setInterruptFlag: (v) => { if (v) c.flags |= IF; else c.flags &= ~IF; },
  };
}
