// System instructions: port I/O, flag control, hlt, cpuid, rdtsc/rdtscp, rdmsr/wrmsr,
// descriptor-table loads and stores, lmsw/smsw, lldt/ltr/sldt/str, lar/lsl/verr/verw,
// invlpg, syscall/sysret, sysenter/sysexit, swapgs, and the no-ops and traps.
//
// CPUID (documented choice): vendor "GenuineIntel", family 6; leaf 1 reports FPU TSC MSR PAE
// CX8 APIC SEP PGE CMOV PAT PSE PSE36 and the FXSR/SSE/SSE2 bits that long mode architecturally
// requires (bootloaders check them) (edx), CX16 POPCNT (ecx); no MMX, SSE3+, AVX, XSAVE. The
// x87 and SSE instructions themselves are not modelled and raise #UD: the kernels of the post
// are built with SSE disabled, and CR0/CR4 writes that enable SSE are accepted. Leaf 7 reports
// BMI1 (so `rep bsf` is tzcnt, as the decoder treats it); 0x80000001 reports LM, NX, SYSCALL,
// 1 GiB pages, RDTSCP, LAHF in 64-bit mode and LZCNT; 0x80000002-4 the brand string
// "Bootlab virtual CPU". The TSC counts guest nanoseconds (a 1 GHz TSC).
import type { Cpu } from '../cpu.ts';
import { K, type Insn } from '../decoder.ts';
import { canonical, raise, readLin16, readLin32, readOp, writeLin16, writeLin32, writeOp } from '../memory-access.ts';
import { descLimit, loadSystemSeg, readDescriptor } from '../segments.ts';
import {
  CF, CR0_PE, CR0_PG, CR0_TS, DF, EFER_LMA, EFER_LME, EFER_NXE, IF, IOPL, MSR, RF, Seg, VM, ZF,
} from '../state.ts';
import { checkIopl } from './stack.ts';
import { writeCr } from './move.ts';

function privileged(c: Cpu): void {
  if (c.protectedMode && c.cpl !== 0) raise(13, 0);
}

/** IOPL check for port I/O (the TSS I/O bitmap is not consulted). */
export function checkIo(c: Cpu): void {
  if (c.protectedMode && (c.cpl > ((c.getFlags() & IOPL) >> 12) || (c.flags & VM))) raise(13, 0);
}

/**
 * Guest time one port access takes beyond its instruction, counted as instructions (1 ns each)
 * so that slices and timers see it: about an ISA bus cycle. Two back-to-back reads of a PIT
 * counter latch therefore see it count down, as on a PC and in QEMU, where calibration loops
 * depend on it.
 */
export const PORT_IO_NS = 1000;

export function inI(c: Cpu, i: Insn): void {
  checkIo(c);
  c.icount += PORT_IO_NS - 1;
  const port = i.op1 === K.Dx ? c.regs[4] & 0xffff : i.imm & 0xff;
  const size = i.osize as 1 | 2 | 4;
  c.writeReg(0, size, c.io.in(port, size) | 0, 0);
}

export function outI(c: Cpu, i: Insn): void {
  checkIo(c);
  c.icount += PORT_IO_NS - 1;
  const port = i.op0 === K.Dx ? c.regs[4] & 0xffff : i.imm & 0xff;
  const size = i.osize as 1 | 2 | 4;
  const v = c.readReg(0, size);
  c.io.out(port, size, size === 4 ? v >>> 0 : v);
}

export function hltI(c: Cpu): void {
  privileged(c);
  c.halted = true;
  c.exitBlock = true;
}

export function cmcI(c: Cpu): void { c.setArith(CF, c.getCF() ^ 1); }
export function clcI(c: Cpu): void { c.setArith(CF, 0); }
export function stcI(c: Cpu): void { c.setArith(CF, CF); }
export function cldI(c: Cpu): void { c.flags &= ~DF; }
export function stdI(c: Cpu): void { c.flags |= DF; }
export function cliI(c: Cpu): void { checkIopl(c); c.flags &= ~IF; }
export function stiI(c: Cpu): void {
  checkIopl(c);
  if (!(c.flags & IF)) c.shadowUntil = c.icount + 1;
  c.flags |= IF;
}
export function salcI(c: Cpu): void { c.w8(0, c.getCF() ? 0xff : 0); }
export function nopI(): void {}
export function udI(): void { raise(6); }

// ------------------------------------------------------------ cpuid

const BRAND = 'Bootlab virtual CPU';
function brandWord(n: number): number {
  let v = 0;
  for (let k = 3; k >= 0; k--) v = (v << 8) | (BRAND.charCodeAt(n * 4 + k) || 0);
  return v;
}
const VENDOR = 'GenuineIntel';
function vendorWord(n: number): number {
  let v = 0;
  for (let k = 3; k >= 0; k--) v = (v << 8) | VENDOR.charCodeAt(n * 4 + k);
  return v;
}

export function cpuidValues(leaf: number, sub: number): [number, number, number, number] {
  void sub;
  switch (leaf >>> 0) {
    case 0: return [7, vendorWord(0), vendorWord(2), vendorWord(1)];
    case 1: {
      const edx = (1 << 0) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 8) | (1 << 9) | (1 << 11) | (1 << 13) | (1 << 15) | (1 << 16) | (1 << 17) | (1 << 24) | (1 << 25) | (1 << 26);
      const ecx = (1 << 13) | (1 << 23);
      return [0x000306a9, 0x00010800, ecx, edx];
    }
    case 7: return sub === 0 ? [0, 1 << 3, 0, 0] : [0, 0, 0, 0];
    case 0x80000000: return [0x80000008 | 0, 0, 0, 0];
    case 0x80000001: return [0, 0, (1 << 0) | (1 << 5), (1 << 11) | (1 << 20) | (1 << 26) | (1 << 27) | (1 << 29)];
    case 0x80000002: case 0x80000003: case 0x80000004: {
      const base = ((leaf >>> 0) - 0x80000002) * 4;
      return [brandWord(base), brandWord(base + 1), brandWord(base + 2), brandWord(base + 3)];
    }
    case 0x80000008: return [0x3028, 0, 0, 0];  // 40 physical (as QEMU's max model), 48 linear address bits
    default: return [0, 0, 0, 0];
  }
}

export function cpuidI(c: Cpu): void {
  const [a, b, cc, d] = cpuidValues(c.regs[0], c.regs[2]);
  c.w32(0, a); c.w32(3, b); c.w32(1, cc); c.w32(2, d);
}

export function rdtscI(c: Cpu): void {
  const [lo, hi] = tsc(c);
  c.w32(0, lo); c.w32(2, hi);
}
export function rdtscpI(c: Cpu): void {
  rdtscI(c);
  c.w32(1, c.getMsr(MSR.TSC_AUX)[0]);
}

function tsc(c: Cpu): [number, number] {
  const t = c.nowNs + c.tscOffset;
  return [t % 4294967296 | 0, Math.floor(t / 4294967296) | 0];
}

// ------------------------------------------------------------ MSRs

const STORED = new Set<number>([
  MSR.STAR, MSR.LSTAR, MSR.CSTAR, MSR.SFMASK, MSR.KERNEL_GS_BASE, MSR.TSC_AUX, MSR.SYSENTER_CS, MSR.SYSENTER_ESP,
  MSR.SYSENTER_EIP, MSR.PAT, MSR.MISC_ENABLE, 0x8b, 0x17, 0x3a, 0xfe, 0x2ff, 0x179, 0x17a, 0x1d9,
]);
for (let n = 0x200; n < 0x210; n++) STORED.add(n);
for (const n of [0x250, 0x258, 0x259, 0x268, 0x269, 0x26a, 0x26b, 0x26c, 0x26d, 0x26e, 0x26f]) STORED.add(n);

export function readMsr(c: Cpu, n: number): [number, number] {
  switch (n) {
    case MSR.EFER: return [c.efer, 0];
    case MSR.FS_BASE: case MSR.GS_BASE: {
      const b = c.segBase[n === MSR.FS_BASE ? Seg.FS : Seg.GS];
      return [b % 4294967296 | 0, Math.floor(b / 4294967296) | 0];
    }
    case MSR.TSC: return tsc(c);
    case MSR.APIC_BASE: return [0xfee00900 | 0, 0];
    case MSR.PAT: return c.msrs.get(n) ?? [0x00070406, 0x00070406];
    default:
      if (STORED.has(n)) return c.getMsr(n);
      raise(13, 0);
  }
}

export function writeMsr(c: Cpu, n: number, lo: number, hi: number): void {
  switch (n) {
    case MSR.EFER: {
      const v = (lo & (0x1 | EFER_LME | EFER_NXE)) | (c.efer & EFER_LMA);
      if ((c.cr0 & CR0_PG) && ((v ^ c.efer) & EFER_LME)) raise(13, 0);
      if ((v ^ c.efer) & EFER_NXE) c.tlb.flush();
      c.efer = v;
      return;
    }
    case MSR.FS_BASE: case MSR.GS_BASE:
      c.segBase[n === MSR.FS_BASE ? Seg.FS : Seg.GS] = canonical(lo, hi);
      return;
    case MSR.TSC: c.tscOffset = hi * 4294967296 + (lo >>> 0) - c.nowNs; return;
    case MSR.APIC_BASE: return;
    default:
      if (!STORED.has(n)) raise(13, 0);
      if (n === MSR.KERNEL_GS_BASE || n === MSR.LSTAR || n === MSR.CSTAR) canonical(lo, hi);
      c.msrs.set(n, [lo, hi]);
  }
}

export function rdmsrI(c: Cpu): void {
  privileged(c);
  const [lo, hi] = readMsr(c, c.regs[2] >>> 0);
  c.w32(0, lo); c.w32(2, hi);
}
export function wrmsrI(c: Cpu): void {
  privileged(c);
  writeMsr(c, c.regs[2] >>> 0, c.regs[0], c.regs[4]);
}
export function rdpmcI(c: Cpu): void {
  privileged(c);
  c.w32(0, 0); c.w32(2, 0);
}

export function swapgsI(c: Cpu): void {
  privileged(c);
  const k = c.getMsr(MSR.KERNEL_GS_BASE);
  const b = c.segBase[Seg.GS];
  c.msrs.set(MSR.KERNEL_GS_BASE, [b % 4294967296 | 0, Math.floor(b / 4294967296) | 0]);
  c.segBase[Seg.GS] = k[1] * 4294967296 + (k[0] >>> 0);
}

// ------------------------------------------------------------ fast system calls

function setFlat(c: Cpu, seg: number, sel: number, attr: number): void {
  c.segSel[seg] = sel;
  c.segBase[seg] = 0;
  c.segLimit[seg] = 0xffffffff;
  c.segAttr[seg] = attr;
}

export function syscallI(c: Cpu, i: Insn): void {
  if (!(c.efer & 1) || !c.longMode) raise(6);
  const next = c.rip + i.len;
  const fromCompat = c.bits !== 64;
  c.w64(1, next % 4294967296 | 0, Math.floor(next / 4294967296) | 0);
  const fl = c.getFlags();
  c.w64(11, fl & ~RF, 0);
  const star = c.getMsr(MSR.STAR)[1];
  const cs = star & 0xfffc;
  setFlat(c, Seg.CS, cs, 0x9b | 0x2000 | 0x8000);
  setFlat(c, Seg.SS, (cs + 8) & 0xffff, 0x93 | 0x4000 | 0x8000);
  c.cpl = 0;
  const mask = c.getMsr(MSR.SFMASK)[0];
  c.flags = (fl & ~mask & ~RF) | 2;
  c.fOp = 0;
  c.updateModeFromSegments();
  const target = c.getMsr(fromCompat ? MSR.CSTAR : MSR.LSTAR);
  c.nextRip = target[1] * 4294967296 + (target[0] >>> 0);
}

export function sysretI(c: Cpu, i: Insn): void {
  if (!(c.efer & 1) || !c.longMode) raise(6);
  privileged(c);
  const base = c.getMsr(MSR.STAR)[1] >>> 16;
  const q = i.osize === 8 && i.rexW;
  const r = c.regs;
  if (q) {
    setFlat(c, Seg.CS, ((base + 16) & 0xfffc) | 3, 0xfb | 0x2000 | 0x8000);
    c.nextRip = canonical(r[2], r[3]);
  } else {
    setFlat(c, Seg.CS, (base & 0xfffc) | 3, 0xfb | 0x4000 | 0x8000);
    c.nextRip = r[2] >>> 0;
  }
  setFlat(c, Seg.SS, ((base + 8) & 0xfffc) | 3, 0xf3 | 0x4000 | 0x8000);
  c.cpl = 3;
  c.flags = ((r[22] & 0x3c7fd7) | 2) >>> 0;
  c.fOp = 0;
  c.updateModeFromSegments();
}

export function sysenterI(c: Cpu): void {
  if (!c.protectedMode) raise(13, 0);
  const cs = c.getMsr(MSR.SYSENTER_CS)[0] & 0xfffc;
  if (cs === 0) raise(13, 0);
  const long = c.longMode;
  setFlat(c, Seg.CS, cs, 0x9b | 0x8000 | (long ? 0x2000 : 0x4000));
  setFlat(c, Seg.SS, cs + 8, 0x93 | 0x8000 | 0x4000);
  c.cpl = 0;
  c.flags &= ~(IF | VM | RF);
  c.updateModeFromSegments();
  const eip = c.getMsr(MSR.SYSENTER_EIP), esp = c.getMsr(MSR.SYSENTER_ESP);
  c.nextRip = long ? eip[1] * 4294967296 + (eip[0] >>> 0) : eip[0] >>> 0;
  if (long) c.w64(4, esp[0], esp[1]); else c.w32(4, esp[0]);
}

export function sysexitI(c: Cpu, i: Insn): void {
  if (!c.protectedMode) raise(13, 0);
  privileged(c);
  const base = c.getMsr(MSR.SYSENTER_CS)[0] & 0xfffc;
  if (base === 0) raise(13, 0);
  const q = i.osize === 8 && i.rexW;
  const r = c.regs;
  setFlat(c, Seg.CS, ((base + (q ? 32 : 16)) & 0xfffc) | 3, 0xfb | 0x8000 | (q ? 0x2000 : 0x4000));
  setFlat(c, Seg.SS, ((base + (q ? 40 : 24)) & 0xfffc) | 3, 0xf3 | 0x8000 | 0x4000);
  c.cpl = 3;
  c.updateModeFromSegments();
  if (q) { c.nextRip = canonical(r[4], r[5]); c.w64(4, r[2], r[3]); }
  else { c.nextRip = r[4] >>> 0; c.w32(4, r[2]); }
}

// ------------------------------------------------------------ caches, TLB, control registers

export function cltsI(c: Cpu): void { privileged(c); c.cr0 &= ~CR0_TS; }
export function invdI(c: Cpu): void { privileged(c); }
export function invlpgI(c: Cpu): void {
  privileged(c);
  c.tlb.flushPage(c.eaLin);
}

export function smswI(c: Cpu, i: Insn): void {
  if (i.mem) writeLin16(c, c.eaLin, c.cr0 & 0xffff);
  else c.writeReg(i.rm, i.osize, i.osize === 2 ? c.cr0 & 0xffff : c.cr0, 0);
}
export function lmswI(c: Cpu, i: Insn): void {
  privileged(c);
  const v = readOp(c, i, i.op0, 2);
  // PE can be set but not cleared by lmsw.
  writeCr(c, 0, (c.cr0 & ~0xe) | (v & 0xf) | (c.cr0 & CR0_PE), 0);
}

// ------------------------------------------------------------ descriptor tables

export function sgdtI(c: Cpu, i: Insn): void { storeTable(c, i, c.gdtLimit, c.gdtBase); }
export function sidtI(c: Cpu, i: Insn): void { storeTable(c, i, c.idtLimit, c.idtBase); }

function storeTable(c: Cpu, i: Insn, limit: number, base: number): void {
  writeLin16(c, c.eaLin, limit);
  writeLin32(c, c.eaLin + 2, base % 4294967296 | 0);
  if (c.bits === 64) writeLin32(c, c.eaLin + 6, Math.floor(base / 4294967296) | 0);
  void i;
}

function loadTable(c: Cpu, i: Insn): [number, number] {
  privileged(c);
  const limit = readLin16(c, c.eaLin);
  let base: number;
  if (c.bits === 64) base = canonical(readLin32(c, c.eaLin + 2), readLin32(c, c.eaLin + 6));
  else base = (readLin32(c, c.eaLin + 2) & (i.osize === 2 ? 0xffffff : -1)) >>> 0;
  return [limit, base];
}
export function lgdtI(c: Cpu, i: Insn): void { [c.gdtLimit, c.gdtBase] = loadTable(c, i); }
export function lidtI(c: Cpu, i: Insn): void { [c.idtLimit, c.idtBase] = loadTable(c, i); }

export function sldtI(c: Cpu, i: Insn): void {
  if (!c.protectedMode) raise(6);
  writeOp(c, i, i.op0, i.mem ? 2 : i.osize, c.segSel[Seg.LDTR], 0);
}
export function strI(c: Cpu, i: Insn): void {
  if (!c.protectedMode) raise(6);
  writeOp(c, i, i.op0, i.mem ? 2 : i.osize, c.segSel[Seg.TR], 0);
}
export function lldtI(c: Cpu, i: Insn): void {
  if (!c.protectedMode) raise(6);
  privileged(c);
  loadSystemSeg(c, Seg.LDTR, readOp(c, i, i.op0, 2));
}
export function ltrI(c: Cpu, i: Insn): void {
  if (!c.protectedMode) raise(6);
  privileged(c);
  loadSystemSeg(c, Seg.TR, readOp(c, i, i.op0, 2));
}

/** Reads a descriptor for lar/lsl/verr/verw without faulting: null when unusable. */
function probe(c: Cpu, sel: number): { lo: number; hi: number } | null {
  if (!c.protectedMode) raise(6);
  if ((sel & 0xfffc) === 0) return null;
  try {
    const d = readDescriptor(c, sel);
    const dpl = (d.hi >>> 13) & 3;
    const conforming = (d.hi & 0x1c00) === 0x1c00;
    if (!conforming && (dpl < c.cpl || dpl < (sel & 3))) return null;
    return { lo: d.lo, hi: d.hi };
  } catch (e) {
    if (e instanceof Error) throw e;
    return null;
  }
}

export function larI(c: Cpu, i: Insn): void {
  const d = probe(c, readOp(c, i, i.op1, 2));
  if (!d) { c.setArith(ZF, 0); return; }
  c.writeReg(i.reg, i.osize, d.hi & (i.osize === 2 ? 0xff00 : 0x00f0ff00), 0);
  c.setArith(ZF, ZF);
}
export function lslI(c: Cpu, i: Insn): void {
  const d = probe(c, readOp(c, i, i.op1, 2));
  if (!d) { c.setArith(ZF, 0); return; }
  c.writeReg(i.reg, i.osize, descLimit({ lo: d.lo, hi: d.hi, addr: 0 }) | 0, 0);
  c.setArith(ZF, ZF);
}
export function verrI(c: Cpu, i: Insn): void {
  const d = probe(c, readOp(c, i, i.op0, 2));
  const ok = d !== null && (d.hi & 0x1000) !== 0 && (!(d.hi & 0x800) || (d.hi & 0x200) !== 0);
  c.setArith(ZF, ok ? ZF : 0);
}
export function verwI(c: Cpu, i: Insn): void {
  const d = probe(c, readOp(c, i, i.op0, 2));
  const ok = d !== null && (d.hi & 0x1800) === 0x1000 && (d.hi & 0x200) !== 0;
  c.setArith(ZF, ok ? ZF : 0);
}
