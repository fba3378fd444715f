// The stack: push/pop of registers, memory, immediates and segment registers, pusha/popa,
// pushf/popf (with the privilege rules for IF and IOPL), enter/leave.
import type { Cpu } from '../cpu.ts';
import { K, type Insn } from '../decoder.ts';
import { adjustSp, pop, push, raise, readOp, stackRead, writeOp } from '../memory-access.ts';
import { loadSeg } from '../segments.ts';
import { AC, AF, CF, DF, ID, IF, IOPL, NT, OF, PF, RF, SF, Seg, TF, VM, ZF } from '../state.ts';

export function pushI(c: Cpu, i: Insn): void {
  const size = i.osize;
  if (i.op0 === K.SegFixed) { push(c, size, c.segSel[i.sreg], 0); return; }
  const v = readOp(c, i, i.op0, size), vH = c.th;
  push(c, size, v, vH);
}

export function popI(c: Cpu, i: Insn): void {
  const size = i.osize;
  if (i.op0 === K.SegFixed) {
    const sel = stackRead(c, 0, size);
    loadSeg(c, i.sreg, sel & 0xffff);
    adjustSp(c, size);
    if (i.sreg === Seg.SS) c.shadowUntil = c.icount + 1;
    return;
  }
  const v = pop(c, size), vH = c.th;
  writeOp(c, i, i.op0, size, v, vH);
}

export function pushaI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const sp = c.regs[8];
  for (let n = 0; n < 8; n++) push(c, size, n === 4 ? sp : c.regs[n << 1], 0);
}

export function popaI(c: Cpu, i: Insn): void {
  const size = i.osize;
  for (let n = 7; n >= 0; n--) {
    const v = pop(c, size);
    if (n !== 4) c.writeReg(n, size, v, 0);
  }
}

export function pushfI(c: Cpu, i: Insn): void {
  push(c, i.osize, c.getFlags() & ~(RF | VM), 0);
}

export function popfI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const v = pop(c, size);
  setFlagsChecked(c, v, size);
}

/** Loads EFLAGS from popf/iret: IOPL only at CPL 0, IF only when CPL <= IOPL. */
export function setFlagsChecked(c: Cpu, v: number, size: number): void {
  const old = c.getFlags();
  let mask = CF | PF | AF | ZF | SF | TF | DF | OF | NT | AC | ID;
  const iopl = (old & IOPL) >> 12;
  if (!c.protectedMode || c.cpl === 0) mask |= IOPL | IF;
  else if (c.cpl <= iopl) mask |= IF;
  if (size === 2) mask &= 0xffff;
  c.flags = ((old & ~mask) | (v & mask) | 2) >>> 0;
  c.fOp = 0;
}

export function enterI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const frameSize = i.imm & 0xffff;
  const level = i.imm2 & 31;
  const r = c.regs;
  push(c, size, r[10], r[11]);
  const tLo = r[8], tHi = r[9];
  if (level > 0) {
    for (let n = 1; n < level; n++) {
      // Copy the enclosing frame pointers.
      if (c.stackSize === 8) { const lo = (r[10] >>> 0) - size; r[10] = lo | 0; if (lo < 0) r[11] = (r[11] - 1) | 0; }
      else if (c.stackSize === 4) r[10] = (r[10] - size) | 0;
      else r[10] = (r[10] & ~0xffff) | ((r[10] - size) & 0xffff);
      const sp = r[8], spH = r[9];
      r[8] = r[10]; r[9] = r[11];
      const v = stackRead(c, 0, size), vH = c.th;
      r[8] = sp; r[9] = spH;
      push(c, size, v, vH);
    }
    push(c, size, tLo, tHi);
  }
  if (c.stackSize === 8) { r[10] = tLo; r[11] = tHi; }
  else if (c.stackSize === 4) r[10] = tLo;
  else r[10] = (r[10] & ~0xffff) | (tLo & 0xffff);
  adjustSp(c, -frameSize);
}

export function leaveI(c: Cpu, i: Insn): void {
  const r = c.regs;
  if (c.stackSize === 8) { r[8] = r[10]; r[9] = r[11]; }
  else if (c.stackSize === 4) r[8] = r[10];
  else r[8] = (r[8] & ~0xffff) | (r[10] & 0xffff);
  const v = pop(c, i.osize), vH = c.th;
  c.writeReg(5, i.osize, v, vH);
}

export function checkIopl(c: Cpu): void {
  if (c.protectedMode && c.cpl > ((c.getFlags() & IOPL) >> 12)) raise(13, 0);
}
