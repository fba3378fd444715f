// Data movement: mov (general, segment, control and debug registers), movzx/movsx/movsxd,
// lea, cmovcc/setcc, the accumulator sign extensions, lahf/sahf, far-pointer loads, xlat,
// arpl.
import type { Cpu } from '../cpu.ts';
import { K, type Insn } from '../decoder.ts';
import { computeOffset, linear, raise, readLin, readLin16, readLin8, readOp, writeOp } from '../memory-access.ts';
import { loadSeg } from '../segments.ts';
import {
  AF, CF, CR0_PE, CR0_PG, CR4_PAE, EFER_LMA, EFER_LME, PF, SF, Seg, ZF,
} from '../state.ts';

export function movI(c: Cpu, i: Insn): void {
  const v = readOp(c, i, i.op1, i.s1 || i.osize), vH = c.th;
  writeOp(c, i, i.op0, i.s0 || i.osize, v, vH);
}

/** mov to/from a segment register. */
export function movSregI(c: Cpu, i: Insn): void {
  if (i.op0 === K.Sreg) {
    const v = readOp(c, i, i.op1, 2);
    if (i.sreg === Seg.CS) raise(6);
    loadSeg(c, i.sreg, v);
    if (i.sreg === Seg.SS) c.shadowUntil = c.icount + 1;
  } else {
    const sel = c.segSel[i.sreg];
    // To memory always 16 bits; to a register, zero-extended to the operand size.
    writeOp(c, i, i.op0, i.mem ? 2 : i.osize, sel, 0);
  }
}

export function movCrI(c: Cpu, i: Insn): void {
  if (c.protectedMode && c.cpl !== 0) raise(13, 0);
  if (i.op0 === K.Cr) {
    const n = i.reg;
    const v = c.readReg(i.rm, i.bits === 64 ? 8 : 4), vH = c.th;
    writeCr(c, n, v, vH);
  } else {
    const n = i.reg;
    let lo = 0, hi = 0;
    switch (n) {
      case 0: lo = c.cr0; break;
      case 2: lo = c.cr2 % 4294967296 | 0; hi = Math.floor(c.cr2 / 4294967296) | 0; break;
      case 3: lo = c.cr3; hi = c.cr3Hi; break;
      case 4: lo = c.cr4; break;
      case 8: lo = c.cr8; break;
      default: raise(6);
    }
    c.writeReg(i.rm, i.bits === 64 ? 8 : 4, lo, hi);
  }
}

export function movDrI(c: Cpu, i: Insn): void {
  if (c.protectedMode && c.cpl !== 0) raise(13, 0);
  const n = i.reg;
  if (n > 7) raise(6);
  if (i.op0 === K.Dr) {
    const v = c.readReg(i.rm, 4);
    c.dr[n] = v >>> 0;
  } else c.writeReg(i.rm, i.bits === 64 ? 8 : 4, c.dr[n] | 0, 0);
}

/** Writes a control register, with the mode changes it implies. Exported for tests. */
export function writeCr(c: Cpu, n: number, v: number, vH: number): void {
  switch (n) {
    case 0: {
      const old = c.cr0;
      v |= 0x10; // ET is hardwired
      if ((v & CR0_PG) && !(v & CR0_PE)) raise(13, 0);
      if ((v & CR0_PG) && !(old & CR0_PG) && (c.efer & EFER_LME)) {
        if (!(c.cr4 & CR4_PAE)) raise(13, 0);
        c.efer |= EFER_LMA;
      }
      if (!(v & CR0_PG) && (old & CR0_PG) && c.longMode) {
        if (c.bits === 64) raise(13, 0);
        c.efer &= ~EFER_LMA;
      }
      c.cr0 = v;
      if ((old ^ v) & (CR0_PE | CR0_PG | 0x10000)) c.tlb.flush();
      c.updateModeFromSegments();
      if (!(v & CR0_PE)) c.cpl = 0;
      break;
    }
    case 2: c.cr2 = vH * 4294967296 + (v >>> 0); break;
    case 3: c.cr3 = v; c.cr3Hi = vH; c.tlb.flush(); break;
    case 4:
      if (c.longMode && !(v & CR4_PAE)) raise(13, 0);
      c.cr4 = v; c.tlb.flush(); break;
    case 8: c.cr8 = v & 0xf; break;
    default: raise(6);
  }
}

export function movzxI(c: Cpu, i: Insn): void {
  const v = readOp(c, i, i.op1, i.s1);
  c.writeReg(i.reg, i.osize, v, 0);
}

export function movsxI(c: Cpu, i: Insn): void {
  const v = readOp(c, i, i.op1, i.s1);
  const s = i.s1 === 1 ? (v << 24) >> 24 : i.s1 === 2 ? (v << 16) >> 16 : v | 0;
  c.writeReg(i.reg, i.osize, i.osize === 2 ? s & 0xffff : s, s >> 31);
}

export function leaI(c: Cpu, i: Insn): void {
  computeOffset(c, i);
  c.writeReg(i.reg, i.osize, i.osize === 2 ? c.eaLo & 0xffff : c.eaLo, c.eaHi);
}

export function cmovI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const v = readOp(c, i, i.op1, size), vH = c.th;
  if (c.cond(i.opcode & 15)) c.writeReg(i.reg, size, v, vH);
  else if (size === 4) c.w32(i.reg, c.regs[i.reg << 1]);   // a 32-bit destination is zero-extended anyway
}

export function setccI(c: Cpu, i: Insn): void {
  writeOp(c, i, i.op0, 1, c.cond(i.opcode & 15) ? 1 : 0, 0);
}

/** cbw / cwde / cdqe. */
export function cbwI(c: Cpu, i: Insn): void {
  const r = c.regs;
  if (i.osize === 2) c.w16(0, (r[0] << 24) >> 24);
  else if (i.osize === 4) c.w32(0, (r[0] << 16) >> 16);
  else c.w64(0, r[0], r[0] >> 31);
}

/** cwd / cdq / cqo. */
export function cwdI(c: Cpu, i: Insn): void {
  const r = c.regs;
  if (i.osize === 2) c.w16(2, (r[0] << 16) >> 31);
  else if (i.osize === 4) c.w32(2, r[0] >> 31);
  else { const s = r[1] >> 31; c.w64(2, s, s); }
}

export function lahfI(c: Cpu): void {
  c.w8(16, (c.getFlags() & (SF | ZF | AF | PF | CF)) | 2);
}

export function sahfI(c: Cpu): void {
  c.setArith(SF | ZF | AF | PF | CF, c.r8(16));
}

/** les / lds / lss / lfs / lgs: offset then selector from memory. */
export function loadFarI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const off = readLin(c, c.eaLin, size), offH = c.th;
  const sel = readLin16(c, c.eaLin + size);
  const m = i.form.mnemonic;
  const seg = m === 'les' ? Seg.ES : m === 'lds' ? Seg.DS : m === 'lss' ? Seg.SS : m === 'lfs' ? Seg.FS : Seg.GS;
  loadSeg(c, seg, sel);
  c.writeReg(i.reg, size, off, offH);
}

export function xlatI(c: Cpu, i: Insn): void {
  const r = c.regs;
  const al = r[0] & 0xff;
  let lo: number, hi = 0;
  if (i.asize === 2) lo = (r[6] + al) & 0xffff;
  else if (i.asize === 4) lo = (r[6] + al) | 0;
  else { const s = (r[6] >>> 0) + al; lo = s | 0; hi = (r[7] + (s >= 4294967296 ? 1 : 0)) | 0; }
  c.w8(0, readLin8(c, linear(c, i.seg, lo, hi)));
}

export function arplI(c: Cpu, i: Insn): void {
  if (!c.protectedMode) raise(6);
  const d = readOp(c, i, i.op0, 2);
  const s = c.readReg(i.reg, 2);
  if ((d & 3) < (s & 3)) {
    writeOp(c, i, i.op0, 2, (d & ~3) | (s & 3), 0);
    c.setArith(ZF, ZF);
  } else c.setArith(ZF, 0);
}

/** movsxd r64, rm32. */
export function movsxdI(c: Cpu, i: Insn): void {
  const v = readOp(c, i, i.op1, 4);
  c.w64(i.reg, v, v >> 31);
}
