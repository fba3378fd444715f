// Guest memory as instructions see it: effective addresses, segmentation (real-mode bases,
// cached protected-mode bases; 64-bit mode uses bases only for FS and GS), paging through the
// TLB, accesses that cross a page, the stack, and generic operand reads and writes.
//
// Segment limits are not checked (documented choice): real code that relies on them does so
// by expecting large limits (unreal mode), which the cached descriptors give.
import { Access, translate } from './paging.ts';
import { FAULT, Seg, type CpuState } from './state.ts';
import { K, type Insn } from './decoder.ts';

const TWO32 = 4294967296;

/** Throws a guest exception (errorCode -1: none). */
export function raise(vector: number, errorCode = -1): never {
  FAULT.vector = vector;
  FAULT.errorCode = errorCode;
  throw FAULT;
}

/** A 64-bit value as a linear-address number; #GP (or #SS) when not canonical. */
export function canonical(lo: number, hi: number, ss = false): number {
  if (((hi << 16) >> 16) !== hi) raise(ss ? 12 : 13, 0);
  return hi * TWO32 + (lo >>> 0);
}

/** Linear address of seg:offset, the offset given as lo/hi halves (hi used in 64-bit mode). */
export function linear(c: CpuState, seg: number, lo: number, hi: number): number {
  if (c.bits === 64) {
    const a = canonical(lo, hi, seg === Seg.SS);
    return seg >= Seg.FS ? a + c.segBase[seg] : a;
  }
  return (c.segBase[seg] + (lo >>> 0)) % TWO32;
}

/** Computes the effective address of the instruction's memory operand into eaLo/eaHi/eaLin. */
export function computeEA(c: CpuState, i: Insn): void {
  computeOffset(c, i);
  c.eaLin = linear(c, i.seg, c.eaLo, c.eaHi);
}

/** The offset part only (lea): into eaLo/eaHi. */
export function computeOffset(c: CpuState, i: Insn): void {
  const regs = c.regs;
  const asize = i.asize;
  if (asize === 2) {
    let a = i.disp;
    if (i.base >= 0) a += regs[i.base << 1];
    if (i.index >= 0) a += regs[i.index << 1];
    c.eaLo = a & 0xffff;
    c.eaHi = 0;
  } else if (asize === 4) {
    let a = i.disp;
    if (i.base >= 0) a += i.base === 16 ? c.rip + i.len : regs[i.base << 1];
    if (i.index >= 0) a += regs[i.index << 1] * (1 << i.scale);
    c.eaLo = a | 0;
    c.eaHi = 0;
  } else {
    let lo = i.disp >>> 0;
    let hi = i.dispHi;
    if (i.base === 16) {
      const next = c.rip + i.len;
      lo += next % TWO32 < 0 ? next % TWO32 + TWO32 : next % TWO32;
      hi += Math.floor(next / TWO32);
    } else if (i.base >= 0) {
      lo += regs[i.base << 1] >>> 0;
      hi += regs[(i.base << 1) + 1];
    }
    if (i.index >= 0) {
      const s = 1 << i.scale;
      lo += (regs[i.index << 1] >>> 0) * s;
      hi += Math.imul(regs[(i.index << 1) + 1], s);
    }
    const carry = Math.floor(lo / TWO32);
    c.eaLo = lo | 0;
    c.eaHi = (hi + carry) | 0;
  }
}

// ------------------------------------------------------------ linear accesses

function codeCheck(c: CpuState, phys: number): void {
  if (!c.cpuMarksCode) return;
  const page = Math.floor(phys / 4096);
  if (page < c.codePages.length && c.codePages[page]) c.codeWritten(page);
}

export function readLin8(c: CpuState, lin: number): number {
  return c.mem.read8(translate(c, lin, Access.Read));
}
export function readLin16(c: CpuState, lin: number): number {
  if ((lin & 0xfff) > 0xffe) return readLin8(c, lin) | (readLin8(c, lin + 1) << 8);
  return c.mem.read16(translate(c, lin, Access.Read));
}
export function readLin32(c: CpuState, lin: number): number {
  if ((lin & 0xfff) > 0xffc) return readLin16(c, lin) | (readLin16(c, lin + 2) << 16);
  const p = translate(c, lin, Access.Read);
  if ((p & 3) === 0 && p < c.ramDirectEnd && fastRam(c, p)) return c.ram32![p >>> 2];
  return c.mem.read32(p) | 0;
}

/**
 * Whether an aligned access at physical address p may go straight to the RAM array: RAM
 * outside the legacy 0xA0000-0xFFFFF window (video memory and ROM stay with the memory
 * object's own methods), A20 enabled, little-endian host.
 */
function fastRam(c: CpuState, p: number): boolean {
  return (p < 0xa0000 || p >= 0x100000) && c.mem.a20;
}

/** After a direct RAM write: drop decoded code of that page. */
function noteDirectWrite(c: CpuState, p: number): void {
  const page = p >>> 12;
  if (c.codeMarks[page] !== 0) c.codeWritten(page);
}
/** Reads 64 bits: low half returned, high half in c.th. */
export function readLin64(c: CpuState, lin: number): number {
  if ((lin & 0xfff) > 0xff8) {
    const lo = readLin32(c, lin);
    c.th = readLin32(c, lin + 4);
    return lo;
  }
  const p = translate(c, lin, Access.Read);
  if ((p & 7) === 0 && p < c.ramDirectEnd && fastRam(c, p)) {
    const w = p >>> 2, ram = c.ram32!;
    c.th = ram[w + 1];
    return ram[w];
  }
  c.th = c.mem.read32(p + 4) | 0;
  return c.mem.read32(p) | 0;
}
export function writeLin8(c: CpuState, lin: number, v: number): void {
  const p = translate(c, lin, Access.Write);
  codeCheck(c, p);
  c.mem.write8(p, v & 0xff);
}
export function writeLin16(c: CpuState, lin: number, v: number): void {
  if ((lin & 0xfff) > 0xffe) {
    // Translate both pages before writing either, so a fault leaves memory unchanged.
    translate(c, lin + 1, Access.Write);
    writeLin8(c, lin, v); writeLin8(c, lin + 1, v >> 8); return;
  }
  const p = translate(c, lin, Access.Write);
  codeCheck(c, p);
  c.mem.write16(p, v & 0xffff);
}
export function writeLin32(c: CpuState, lin: number, v: number): void {
  if ((lin & 0xfff) > 0xffc) {
    translate(c, lin, Access.Write); translate(c, lin + 3, Access.Write);
    writeLin16(c, lin, v); writeLin16(c, lin + 2, v >>> 16); return;
  }
  const p = translate(c, lin, Access.Write);
  if ((p & 3) === 0 && p < c.ramDirectEnd && fastRam(c, p)) {
    c.ram32![p >>> 2] = v;
    noteDirectWrite(c, p);
    return;
  }
  codeCheck(c, p);
  c.mem.write32(p, v >>> 0);
}
export function writeLin64(c: CpuState, lin: number, lo: number, hi: number): void {
  if ((lin & 0xfff) > 0xff8) {
    translate(c, lin, Access.Write); translate(c, lin + 7, Access.Write);
    writeLin32(c, lin, lo);
    writeLin32(c, lin + 4, hi);
    return;
  }
  const p = translate(c, lin, Access.Write);
  if ((p & 7) === 0 && p < c.ramDirectEnd && fastRam(c, p)) {
    const w = p >>> 2, ram = c.ram32!;
    ram[w] = lo; ram[w + 1] = hi;
    noteDirectWrite(c, p);
    return;
  }
  codeCheck(c, p);
  c.mem.write32(p, lo >>> 0);
  c.mem.write32(p + 4, hi >>> 0);
}
/** Fetches one code byte for the decoder. */
export function fetchLin8(c: CpuState, lin: number): number {
  return c.mem.read8(translate(c, lin, Access.Exec));
}

/** Reads `size` bytes at a linear address (8: high half in c.th). */
export function readLin(c: CpuState, lin: number, size: number): number {
  switch (size) {
    case 1: c.th = 0; return readLin8(c, lin);
    case 2: c.th = 0; return readLin16(c, lin);
    case 4: c.th = 0; return readLin32(c, lin);
    default: return readLin64(c, lin);
  }
}
export function writeLin(c: CpuState, lin: number, size: number, lo: number, hi: number): void {
  switch (size) {
    case 1: writeLin8(c, lin, lo); break;
    case 2: writeLin16(c, lin, lo); break;
    case 4: writeLin32(c, lin, lo); break;
    default: writeLin64(c, lin, lo, hi); break;
  }
}

// ------------------------------------------------------------ operands

/** Reads operand `kind` (of `size` bytes) of the current instruction; high half in c.th. */
export function readOp(c: CpuState, i: Insn, kind: K, size: number): number {
  switch (kind) {
    case K.Reg: return c.readReg(i.reg, size);
    case K.Rm: return i.mem ? readLin(c, c.eaLin, size) : c.readReg(i.rm, size);
    case K.Imm: c.th = i.immHi; return i.imm;
    case K.Acc: return c.readReg(0, size);
    case K.Cl: c.th = 0; return c.regs[2] & 0xff;
    case K.Dx: c.th = 0; return c.regs[4] & 0xffff;
    case K.One: c.th = 0; return 1;
    case K.SegFixed: case K.Sreg: c.th = 0; return c.segSel[i.sreg];
    default: c.th = 0; return 0;
  }
}

export function writeOp(c: CpuState, i: Insn, kind: K, size: number, lo: number, hi: number): void {
  switch (kind) {
    case K.Reg: c.writeReg(i.reg, size, lo, hi); break;
    case K.Rm: if (i.mem) writeLin(c, c.eaLin, size, lo, hi); else c.writeReg(i.rm, size, lo, hi); break;
    case K.Acc: c.writeReg(0, size, lo, hi); break;
    default: throw new Error(`cpu: operand kind ${kind} is not writable`);
  }
}

/** Masks a value to an operand size (8: unchanged). */
export function mask(size: number, v: number): number {
  return size === 1 ? v & 0xff : size === 2 ? v & 0xffff : v | 0;
}

// ------------------------------------------------------------ stack

/** Pushes `size` bytes (2, 4 or 8). */
export function push(c: CpuState, size: number, lo: number, hi: number): void {
  const regs = c.regs;
  if (c.stackSize === 8) {
    let spLo = (regs[8] >>> 0) - size, spHi = regs[9];
    if (spLo < 0) { spLo += TWO32; spHi = (spHi - 1) | 0; }
    const lin = canonical(spLo, spHi, true);
    writeLin(c, lin, size, lo, hi);
    regs[8] = spLo | 0; regs[9] = spHi;
  } else if (c.stackSize === 4) {
    const sp = (regs[8] - size) | 0;
    writeLin(c, (c.segBase[Seg.SS] + (sp >>> 0)) % TWO32, size, lo, hi);
    regs[8] = sp;
  } else {
    const sp = (regs[8] - size) & 0xffff;
    writeLin(c, (c.segBase[Seg.SS] + sp) % TWO32, size, lo, hi);
    regs[8] = (regs[8] & ~0xffff) | sp;
  }
}

/** Reads the value `offset` bytes above the stack pointer without popping. */
export function stackRead(c: CpuState, offset: number, size: number): number {
  const regs = c.regs;
  if (c.stackSize === 8) {
    let lo = (regs[8] >>> 0) + offset, hi = regs[9];
    if (lo >= TWO32) { lo -= TWO32; hi = (hi + 1) | 0; }
    return readLin(c, canonical(lo, hi, true), size);
  }
  const sp = c.stackSize === 4 ? (regs[8] + offset) >>> 0 : (regs[8] + offset) & 0xffff;
  return readLin(c, (c.segBase[Seg.SS] + sp) % TWO32, size);
}

/** Moves the stack pointer by `n` bytes (at the stack size). */
export function adjustSp(c: CpuState, n: number): void {
  const regs = c.regs;
  if (c.stackSize === 8) {
    let lo = (regs[8] >>> 0) + n, hi = regs[9];
    if (lo >= TWO32) { lo -= TWO32; hi = (hi + 1) | 0; } else if (lo < 0) { lo += TWO32; hi = (hi - 1) | 0; }
    regs[8] = lo | 0; regs[9] = hi;
  } else if (c.stackSize === 4) regs[8] = (regs[8] + n) | 0;
  else regs[8] = (regs[8] & ~0xffff) | ((regs[8] + n) & 0xffff);
}

/** Pops `size` bytes; high half in c.th. */
export function pop(c: CpuState, size: number): number {
  const lo = stackRead(c, 0, size);
  const hi = c.th;
  adjustSp(c, size);
  c.th = hi;
  return lo;
}

/** RIP as lo/hi halves (hi in c.th). */
export function ripHalves(c: CpuState, rip: number): number {
  c.th = Math.floor(rip / TWO32) | 0;
  return rip % TWO32 | 0;
}
