// The CPU's register file and lazy flags. Everything the execution functions touch lives in
// this one object (typed arrays for the general registers and segment caches), so a later
// block compiler can generate code against the same fields, and save/restore is a copy.
//
// Conventions
// - A 64-bit quantity is two 32-bit halves: `lo` (an int32, i.e. JS `| 0` form) and `hi`.
//   General register n lives in regs[2n] (low half) and regs[2n+1] (high half).
// - Values of 8/16-bit operands are carried as non-negative numbers masked to their size;
//   32-bit values as int32 (compare with `>>> 0`); the high half of a 64-bit value travels in
//   `th` (a scratch field) next to the low half a function returns.
// - Linear addresses are JS numbers. In 64-bit mode they are canonical addresses written as
//   signed 48-bit numbers (0xffff8000_00000000 is -2^47), so they stay exact in a double.
// - 8-bit register codes: 0-15 are the low bytes of the 16 registers (al..dil, r8b..r15b with
//   REX), 16-19 are ah, ch, dh, bh (codes 4-7 without REX).
import type { InterruptController, IoBus, PhysicalMemory } from '../types.ts';
import { FpuState } from './fpu-state.ts';

export const enum Seg { ES = 0, CS = 1, SS = 2, DS = 3, FS = 4, GS = 5, LDTR = 6, TR = 7 }

/** EFLAGS bits. */
export const CF = 0x1, PF = 0x4, AF = 0x10, ZF = 0x40, SF = 0x80, TF = 0x100, IF = 0x200, DF = 0x400, OF = 0x800;
export const IOPL = 0x3000, NT = 0x4000, RF = 0x10000, VM = 0x20000, AC = 0x40000, ID = 0x200000;
export const ARITH_FLAGS = CF | PF | AF | ZF | SF | OF;

/** CR0 / CR4 / EFER bits used by the machine. */
export const CR0_PE = 1, CR0_MP = 2, CR0_EM = 4, CR0_TS = 8, CR0_ET = 0x10, CR0_NE = 0x20, CR0_WP = 0x10000,
  CR0_AM = 0x40000, CR0_NW = 0x20000000, CR0_CD = 0x40000000, CR0_PG = 0x80000000 | 0;
export const CR4_PSE = 0x10, CR4_PAE = 0x20, CR4_PGE = 0x80, CR4_OSFXSR = 0x200;
export const EFER_SCE = 0x1, EFER_LME = 0x100, EFER_LMA = 0x400, EFER_NXE = 0x800;

/** Lazy flag operations: the flags are computed from the last one when read. */
export const enum FlagOp { None = 0, Add = 1, Sub = 2, Logic = 3 }

/** How the CPU is running, for reports and for the decoder's default sizes. */
export type CpuMode = 'real' | 'protected16' | 'protected32' | 'compatibility16' | 'compatibility32' | 'long64';

export const PARITY = new Uint8Array(256);
for (let i = 0; i < 256; i++) {
  let p = 1;
  for (let b = i; b; b >>= 1) p ^= b & 1;
  PARITY[i] = p ? PF : 0;
}

/** A guest exception in flight (thrown by execution functions; one shared object). */
export class GuestFault {
  vector = 0;
  errorCode = -1;  // -1: none
}
export const FAULT = new GuestFault();

export const MSR = {
  TSC: 0x10, APIC_BASE: 0x1b, SYSENTER_CS: 0x174, SYSENTER_ESP: 0x175, SYSENTER_EIP: 0x176, PAT: 0x277,
  MISC_ENABLE: 0x1a0, EFER: 0xc0000080, STAR: 0xc0000081, LSTAR: 0xc0000082, CSTAR: 0xc0000083, SFMASK: 0xc0000084,
  FS_BASE: 0xc0000100, GS_BASE: 0xc0000101, KERNEL_GS_BASE: 0xc0000102, TSC_AUX: 0xc0000103,
} as const;

export const TLB_SIZE = 4096;

/** The TLB: virtual page number (as a number) -> physical page address and permissions (see paging.ts). */
export class Tlb {
  readonly tag = new Float64Array(TLB_SIZE).fill(NaN);
  readonly phys = new Float64Array(TLB_SIZE);
  readonly perm = new Uint8Array(TLB_SIZE);
  /** Bumped by every flush: cached links between decoded blocks are only valid within one epoch. */
  epoch = 0;
  flush(): void { this.tag.fill(NaN); this.epoch++; }
  flushPage(lin: number): void {
    this.epoch++;
    const vpn = Math.floor(lin / 4096);
    const i = vpn & (TLB_SIZE - 1);
    if (this.tag[i] === vpn) this.tag[i] = NaN;
  }
}

export class CpuState {
  readonly tlb = new Tlb();
  /** Per 4 KiB physical page: 1 when decoded blocks were made from it (see cpu.ts). */
  readonly codePages = new Uint8Array(1 << 20);
  /** The CPU checks its own writes against codePages (when the memory does not mark code pages itself). */
  cpuMarksCode = true;
  /** The RAM as 32-bit words for direct aligned accesses (null on big-endian hosts), and the end of it. */
  ram32: Int32Array | null = null;
  ramDirectEnd = 0;
  /** The code-page marks in use (the memory's when it keeps them, else codePages). */
  codeMarks: Uint8Array = this.codePages;
  /** Called when the CPU writes into a page marked in codePages. */
  codeWritten: (page: number) => void = () => {};

  /** General registers: lo at 2n, hi at 2n+1. */
  readonly regs = new Int32Array(32);
  /** x87 and XMM registers, MXCSR (exec/x87.ts, exec/sse.ts). */
  readonly fpu = new FpuState();
  /** Instruction pointer (of the instruction executing, while it executes). */
  rip = 0;
  /** Where execution continues after the current instruction (branches set it). */
  nextRip = 0;

  // Segment registers 0-5 (ES CS SS DS FS GS), LDTR (6), TR (7): selector and hidden cache.
  readonly segSel = new Uint16Array(8);
  /** Segment base (a linear address; 64-bit FS/GS bases as signed 48-bit numbers). */
  readonly segBase = new Float64Array(8);
  readonly segLimit = new Uint32Array(8);
  /** Access rights: descriptor bytes 5 (type, S, DPL, P) and 6's high nibble (G, D/B, L, AVL) << 8. */
  readonly segAttr = new Uint16Array(8);

  // Lazy flags.
  /** EFLAGS; its arithmetic bits are stale while fOp != None. */
  flags = 0x2;
  fOp: FlagOp = FlagOp.None;
  fSize = 4;
  fA = 0; fAH = 0; fB = 0; fBH = 0; fR = 0; fRH = 0;
  /** Carry-in (adc/sbb) of the lazy operation. */
  fCin = 0;
  /** Set by inc/dec: CF is taken from `flags`, not from the lazy operation. */
  fKeepCF = false;

  cr0 = 0x60000010;
  cr2 = 0;
  cr3 = 0;
  cr3Hi = 0;
  cr4 = 0;
  cr8 = 0;
  efer = 0;
  readonly dr = new Float64Array(8);
  gdtBase = 0; gdtLimit = 0xffff;
  idtBase = 0; idtLimit = 0x3ff;
  /** MSRs kept as lo/hi pairs, by number. */
  readonly msrs = new Map<number, [number, number]>();

  cpl = 0;
  /** Code size the decoder uses: 16, 32 or 64. */
  bits: 16 | 32 | 64 = 16;
  /** Stack size (SS.B): 2, 4, or 8 in 64-bit mode. */
  stackSize: 2 | 4 | 8 = 2;

  /** Instructions retired since reset (drives guest time and the TSC). */
  icount = 0;
  /** Guest nanoseconds added by hlt skipping time forward. */
  skippedNs = 0;
  halted = false;
  /** Set to leave the current block after this instruction (hlt, a stop request, self-modified code). */
  exitBlock = false;
  /** icount at which the sti / mov ss interrupt shadow ends. */
  shadowUntil = -1;
  /** A20 mask applied to physical addresses (0xffefffff when the gate is off). */
  a20Mask = -1;

  // Scratch registers of execution functions.
  /** High half of the last 64-bit value a helper returned. */
  th = 0;
  /** Effective address of the current instruction's memory operand: offset (lo/hi) and linear. */
  eaLo = 0; eaHi = 0; eaLin = 0;

  constructor(
    public mem: PhysicalMemory,
    public io: IoBus,
    public pic: InterruptController | null,
  ) {}

  // ---------------------------------------------------------------- registers

  getReg64(n: number): bigint {
    return (BigInt(this.regs[2 * n + 1] >>> 0) << 32n) | BigInt(this.regs[2 * n] >>> 0);
  }
  setReg64(n: number, v: bigint): void {
    this.regs[2 * n] = Number(v & 0xffffffffn) | 0;
    this.regs[2 * n + 1] = Number((v >> 32n) & 0xffffffffn) | 0;
  }

  r8(code: number): number {
    return code < 16 ? this.regs[code << 1] & 0xff : (this.regs[(code - 16) << 1] >> 8) & 0xff;
  }
  w8(code: number, v: number): void {
    if (code < 16) this.regs[code << 1] = (this.regs[code << 1] & ~0xff) | (v & 0xff);
    else { const i = (code - 16) << 1; this.regs[i] = (this.regs[i] & ~0xff00) | ((v & 0xff) << 8); }
  }
  r16(n: number): number { return this.regs[n << 1] & 0xffff; }
  w16(n: number, v: number): void { this.regs[n << 1] = (this.regs[n << 1] & ~0xffff) | (v & 0xffff); }
  r32(n: number): number { return this.regs[n << 1]; }
  /** A 32-bit register write clears the high half (as in 64-bit mode; harmless elsewhere). */
  w32(n: number, v: number): void { this.regs[n << 1] = v; this.regs[(n << 1) + 1] = 0; }
  w64(n: number, lo: number, hi: number): void { this.regs[n << 1] = lo; this.regs[(n << 1) + 1] = hi; }

  /** Reads general register n at `size` bytes (8-bit: a byte-register code); hi half in `th`. */
  readReg(n: number, size: number): number {
    if (size === 4) { this.th = 0; return this.regs[n << 1]; }
    if (size === 8) { this.th = this.regs[(n << 1) + 1]; return this.regs[n << 1]; }
    this.th = 0;
    return size === 1 ? this.r8(n) : this.regs[n << 1] & 0xffff;
  }
  writeReg(n: number, size: number, lo: number, hi: number): void {
    if (size === 4) { this.regs[n << 1] = lo; this.regs[(n << 1) + 1] = 0; }
    else if (size === 8) { this.regs[n << 1] = lo; this.regs[(n << 1) + 1] = hi; }
    else if (size === 2) this.regs[n << 1] = (this.regs[n << 1] & ~0xffff) | (lo & 0xffff);
    else this.w8(n, lo);
  }

  // ---------------------------------------------------------------- flags

  /** Records an add (b with carry-in cin) for lazy flags. Values masked to size; hi halves for size 8. */
  setAdd(size: number, a: number, aH: number, b: number, bH: number, r: number, rH: number, cin: number): void {
    this.fOp = FlagOp.Add; this.fSize = size; this.fKeepCF = false;
    this.fA = a; this.fAH = aH; this.fB = b; this.fBH = bH; this.fR = r; this.fRH = rH; this.fCin = cin;
  }
  setSub(size: number, a: number, aH: number, b: number, bH: number, r: number, rH: number, cin: number): void {
    this.fOp = FlagOp.Sub; this.fSize = size; this.fKeepCF = false;
    this.fA = a; this.fAH = aH; this.fB = b; this.fBH = bH; this.fR = r; this.fRH = rH; this.fCin = cin;
  }
  /** and/or/xor/test: OF = CF = 0; AF (undefined) is left 0, as Intel and AMD processors do. */
  setLogic(size: number, r: number, rH: number): void {
    this.fOp = FlagOp.Logic; this.fSize = size; this.fKeepCF = false;
    this.fR = r; this.fRH = rH;
  }
  /** inc/dec: lazy like add/sub, but CF stays what it was. */
  setIncDec(size: number, a: number, aH: number, r: number, rH: number, dec: boolean): void {
    const cf = this.getCF();
    this.flags = (this.flags & ~CF) | cf;
    this.fOp = dec ? FlagOp.Sub : FlagOp.Add; this.fSize = size; this.fKeepCF = true;
    this.fA = a; this.fAH = aH; this.fB = 1; this.fBH = 0; this.fR = r; this.fRH = rH; this.fCin = 0;
  }

  private signOf(size: number, lo: number, hi: number): number {
    switch (size) {
      case 1: return (lo >> 7) & 1;
      case 2: return (lo >> 15) & 1;
      case 4: return lo >>> 31;
      default: return hi >>> 31;
    }
  }

  getCF(): number {
    switch (this.fOp) {
      case FlagOp.None: return this.flags & CF;
      case FlagOp.Logic: return 0;
      case FlagOp.Add: {
        if (this.fKeepCF) return this.flags & CF;
        if (this.fSize === 8) {
          const rH = this.fRH >>> 0, aH = this.fAH >>> 0, r = this.fR >>> 0, a = this.fA >>> 0;
          const lt = rH < aH || (rH === aH && r < a);
          return lt || (this.fCin !== 0 && rH === aH && r === a) ? 1 : 0;
        }
        const r = this.fR >>> 0, a = this.fA >>> 0;
        return r < a || (this.fCin !== 0 && r === a) ? 1 : 0;
      }
      case FlagOp.Sub: {
        if (this.fKeepCF) return this.flags & CF;
        if (this.fSize === 8) {
          const aH = this.fAH >>> 0, bH = this.fBH >>> 0, a = this.fA >>> 0, b = this.fB >>> 0;
          const lt = aH < bH || (aH === bH && a < b);
          return lt || (this.fCin !== 0 && aH === bH && a === b) ? 1 : 0;
        }
        const a = this.fA >>> 0, b = this.fB >>> 0;
        return a < b || (this.fCin !== 0 && a === b) ? 1 : 0;
      }
    }
  }
  getZF(): boolean {
    if (this.fOp === FlagOp.None) return (this.flags & ZF) !== 0;
    return this.fSize === 8 ? (this.fR | this.fRH) === 0 : this.fR === 0;
  }
  getSF(): boolean {
    if (this.fOp === FlagOp.None) return (this.flags & SF) !== 0;
    return this.signOf(this.fSize, this.fR, this.fRH) !== 0;
  }
  getOF(): boolean {
    switch (this.fOp) {
      case FlagOp.None: return (this.flags & OF) !== 0;
      case FlagOp.Logic: return false;
      case FlagOp.Add: {
        const lo = (this.fA ^ this.fR) & (this.fB ^ this.fR), hi = (this.fAH ^ this.fRH) & (this.fBH ^ this.fRH);
        return this.signOf(this.fSize, lo, hi) !== 0;
      }
      case FlagOp.Sub: {
        const lo = (this.fA ^ this.fB) & (this.fA ^ this.fR), hi = (this.fAH ^ this.fBH) & (this.fAH ^ this.fRH);
        return this.signOf(this.fSize, lo, hi) !== 0;
      }
    }
  }
  getPF(): boolean {
    if (this.fOp === FlagOp.None) return (this.flags & PF) !== 0;
    return PARITY[this.fR & 0xff] !== 0;
  }
  getAF(): boolean {
    if (this.fOp === FlagOp.None) return (this.flags & AF) !== 0;
    if (this.fOp === FlagOp.Logic) return false;
    return ((this.fA ^ this.fB ^ this.fR) & 0x10) !== 0;
  }

  /** The whole EFLAGS register, arithmetic flags computed. */
  getFlags(): number {
    if (this.fOp === FlagOp.None) return this.flags;
    let f = this.flags & ~ARITH_FLAGS;
    if (this.getCF()) f |= CF;
    if (this.getPF()) f |= PF;
    if (this.getAF()) f |= AF;
    if (this.getZF()) f |= ZF;
    if (this.getSF()) f |= SF;
    if (this.getOF()) f |= OF;
    return f;
  }
  /** Makes `flags` authoritative again. */
  materializeFlags(): void {
    if (this.fOp !== FlagOp.None) { this.flags = this.getFlags(); this.fOp = FlagOp.None; }
  }
  /** Sets the arithmetic flags explicitly (shifts, multiplies, bit tests...). */
  setArith(mask: number, value: number): void {
    this.materializeFlags();
    this.flags = (this.flags & ~mask) | (value & mask);
  }
  /** SF, ZF and PF of a result, as flag bits. */
  szp(size: number, lo: number, hi: number): number {
    let f = PARITY[lo & 0xff];
    if (size === 8 ? (lo | hi) === 0 : lo === 0) f |= ZF;
    if (this.signOf(size, lo, hi)) f |= SF;
    return f;
  }

  /** Condition code cc (0-15 in encoding order) against the current flags. */
  cond(cc: number): boolean {
    let r: boolean;
    switch (cc >> 1) {
      case 0: r = this.getOF(); break;
      case 1: r = this.getCF() !== 0; break;
      case 2: r = this.getZF(); break;
      case 3: r = this.getCF() !== 0 || this.getZF(); break;
      case 4: r = this.getSF(); break;
      case 5: r = this.getPF(); break;
      case 6: r = this.getSF() !== this.getOF(); break;
      default: r = this.getZF() || this.getSF() !== this.getOF(); break;
    }
    return (cc & 1) ? !r : r;
  }

  // ---------------------------------------------------------------- modes

  get longMode(): boolean { return (this.efer & EFER_LMA) !== 0; }
  get protectedMode(): boolean { return (this.cr0 & CR0_PE) !== 0; }
  get paging(): boolean { return (this.cr0 & CR0_PG) !== 0; }

  mode(): CpuMode {
    if (!this.protectedMode) return 'real';
    if (this.longMode) return this.bits === 64 ? 'long64' : this.bits === 32 ? 'compatibility32' : 'compatibility16';
    return this.bits === 32 ? 'protected32' : 'protected16';
  }

  /** Recomputes the code and stack sizes from the CS and SS caches. */
  updateModeFromSegments(): void {
    const cs = this.segAttr[Seg.CS];
    if (this.longMode && (cs & 0x2000)) this.bits = 64;
    else this.bits = this.protectedMode && (cs & 0x4000) ? 32 : 16;
    if (this.bits === 64) this.stackSize = 8;
    else this.stackSize = this.protectedMode && (this.segAttr[Seg.SS] & 0x4000) ? 4 : 2;
  }

  /** Guest time in nanoseconds: one instruction is one nanosecond, plus hlt skips. */
  get nowNs(): number { return this.icount + this.skippedNs; }

  getMsr(n: number): [number, number] {
    return this.msrs.get(n) ?? [0, 0];
  }
}
