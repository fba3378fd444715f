// Control transfer: jmp/call (relative, indirect, far direct and through memory), jcc,
// jcxz/jecxz/jrcxz, loop/loope/loopne, ret/retf, int/int3/into/int1, iret, bound.
// Far transfers load code segments directly (conforming or same privilege, or a return to
// an outer level) or go through call gates (gates.ts); task switches are not supported (#GP).
import type { Cpu } from '../cpu.ts';
import { K, type Insn } from '../decoder.ts';
import { deliver, IntKind } from '../interrupts.ts';
import { adjustSp, canonical, pop, push, raise, readLin, readLin16, readOp, ripHalves, stackRead } from '../memory-access.ts';
import { codeDpl, loadCS, loadSeg } from '../segments.ts';
import { IF, IOPL, OF, Seg, VM } from '../state.ts';
import { setFlagsChecked } from './stack.ts';
import { checkTargetLimit, isSystemDescriptor, nullInaccessibleSegments, throughCallGate } from './gates.ts';
import { taskReturn } from '../task-switch.ts';

function jumpTo(c: Cpu, size: number, t: number): void {
  if (size === 2) c.nextRip = t & 0xffff;
  else if (c.bits !== 64) c.nextRip = t >>> 0;
  else c.nextRip = t;
}

function relTarget(c: Cpu, i: Insn): number {
  return c.rip + i.len + i.imm;
}

/** An absolute near target read from an operand: 16/32-bit values, or a canonical 64-bit one. */
function nearTarget(c: Cpu, size: number, lo: number, hi: number): number {
  if (size === 8) return canonical(lo, hi);
  return size === 2 ? lo & 0xffff : lo >>> 0;
}

export function jmpI(c: Cpu, i: Insn): void {
  switch (i.op0) {
    case K.Rel: jumpTo(c, i.osize, relTarget(c, i)); return;
    case K.Ptr: farJump(c, i.imm2, i.osize === 2 ? i.imm & 0xffff : i.imm >>> 0); return;
    default: {
      if (isFarMem(i)) { const [sel, off] = farPointer(c, i); farJump(c, sel, off); return; }
      const v = readOp(c, i, i.op0, i.osize);
      c.nextRip = nearTarget(c, i.osize, v, c.th);
    }
  }
}

function isFarMem(i: Insn): boolean {
  return i.form.ops[0] === 'm32' || i.form.ops[0] === 'm48' || i.form.ops[0] === 'm80';
}

/** Reads a far pointer m16:16 / m16:32 / m16:64 (offset first). */
function farPointer(c: Cpu, i: Insn): [number, number] {
  const size = i.form.ops[0] === 'm32' ? 2 : i.form.ops[0] === 'm48' ? 4 : 8;
  const off = readLin(c, c.eaLin, size), offH = c.th;
  const sel = readLin16(c, c.eaLin + size);
  return [sel, size === 8 ? canonical(off, offH) : size === 2 ? off & 0xffff : off >>> 0];
}

function farJump(c: Cpu, sel: number, off: number): void {
  if (c.protectedMode && !(c.flags & VM) && isSystemDescriptor(c, sel)) { throughCallGate(c, sel, false, 0); return; }
  const cpl = c.protectedMode && !(c.flags & VM) ? codeDpl(c, sel) : 0;
  if (c.protectedMode && cpl !== c.cpl) raise(13, sel & 0xfffc);
  checkTargetLimit(c, sel, off);
  loadCS(c, sel, c.protectedMode ? c.cpl : 0);
  c.nextRip = off;
}

export function callI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const ret = c.rip + i.len;
  switch (i.op0) {
    case K.Rel: {
      const t = relTarget(c, i);
      const lo = ripHalves(c, ret);
      push(c, size, lo, c.th);
      jumpTo(c, size, t);
      return;
    }
    case K.Ptr: farCall(c, size, i.imm2, i.osize === 2 ? i.imm & 0xffff : i.imm >>> 0, ret); return;
    default: {
      if (isFarMem(i)) {
        const [sel, off] = farPointer(c, i);
        const fsize = i.form.ops[0] === 'm32' ? 2 : i.form.ops[0] === 'm48' ? 4 : 8;
        farCall(c, fsize, sel, off, ret);
        return;
      }
      const v = readOp(c, i, i.op0, size);
      const t = nearTarget(c, size, v, c.th);
      const lo = ripHalves(c, ret);
      push(c, size, lo, c.th);
      c.nextRip = t;
    }
  }
}

function farCall(c: Cpu, size: number, sel: number, off: number, ret: number): void {
  const oldCs = c.segSel[Seg.CS];
  if (c.protectedMode && !(c.flags & VM)) {
    if (isSystemDescriptor(c, sel)) { throughCallGate(c, sel, true, ret); return; }
    const cpl = codeDpl(c, sel);
    if (cpl !== c.cpl) raise(13, sel & 0xfffc);
    checkTargetLimit(c, sel, off);
  }
  push(c, size, oldCs, 0);
  const lo = ripHalves(c, ret);
  push(c, size, lo, c.th);
  loadCS(c, sel, c.protectedMode ? c.cpl : 0);
  c.nextRip = off;
}

export function jccI(c: Cpu, i: Insn): void {
  if (c.cond(i.opcode & 15)) jumpTo(c, i.osize, relTarget(c, i));
}

function counter(c: Cpu, asize: number): number {
  const r = c.regs;
  return asize === 2 ? r[2] & 0xffff : asize === 4 ? r[2] : r[2] | r[3];
}

export function jcxzI(c: Cpu, i: Insn): void {
  if (counter(c, i.asize) === 0) jumpTo(c, i.osize, relTarget(c, i));
}

function decCounter(c: Cpu, asize: number): boolean {
  const r = c.regs;
  if (asize === 2) { const v = (r[2] - 1) & 0xffff; r[2] = (r[2] & ~0xffff) | v; return v !== 0; }
  if (asize === 4) { r[2] = (r[2] - 1) | 0; r[3] = 0; return r[2] !== 0; }
  if (r[2] === 0) r[3] = (r[3] - 1) | 0;
  r[2] = (r[2] - 1) | 0;
  return (r[2] | r[3]) !== 0;
}

export function loopI(c: Cpu, i: Insn): void {
  const m = i.form.mnemonic;
  const nz = decCounter(c, i.asize);
  let take = nz;
  if (m === 'loope') take = nz && c.getZF();
  else if (m === 'loopne') take = nz && !c.getZF();
  if (take) jumpTo(c, i.osize, relTarget(c, i));
}

export function retI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const v = pop(c, size);
  const t = nearTarget(c, size, v, c.th);
  if (i.op0 === K.Imm) adjustSp(c, i.imm & 0xffff);
  c.nextRip = t;
}

export function retfI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const off = stackRead(c, 0, size), offH = c.th;
  const sel = stackRead(c, size, size) & 0xffff;
  const imm = i.op0 === K.Imm ? i.imm & 0xffff : 0;
  const target = size === 8 ? canonical(off, offH) : size === 2 ? off & 0xffff : off >>> 0;
  if (!c.protectedMode || (c.flags & VM)) {
    loadCS(c, sel, 0);
    adjustSp(c, 2 * size + imm);
    c.nextRip = target;
    return;
  }
  const rpl = sel & 3;
  if (rpl < c.cpl) raise(13, sel & 0xfffc);
  codeDpl(c, sel);
  checkTargetLimit(c, sel, target);
  if (rpl > c.cpl) {
    // Return to an outer level: SS:ESP follow on the stack.
    const sp = stackRead(c, 2 * size + imm, size), spH = c.th;
    const ss = stackRead(c, 3 * size + imm, size) & 0xffff;
    loadCS(c, sel, rpl);
    loadSeg(c, Seg.SS, ss);
    c.writeReg(4, c.stackSize === 8 ? 8 : size, sp, spH);
    if (imm) adjustSp(c, imm);
    nullInaccessibleSegments(c, rpl);
  } else {
    loadCS(c, sel, c.cpl);
    adjustSp(c, 2 * size + imm);
  }
  c.nextRip = target;
}

export function intI(c: Cpu, i: Insn): void {
  deliver(c, i.imm & 0xff, -1, IntKind.Software, c.rip + i.len);
  c.nextRip = c.rip;
}
export function int3I(c: Cpu, i: Insn): void {
  deliver(c, 3, -1, IntKind.Software, c.rip + i.len);
  c.nextRip = c.rip;
}
export function int1I(c: Cpu, i: Insn): void {
  deliver(c, 1, -1, IntKind.Hardware, c.rip + i.len);
  c.nextRip = c.rip;
}
export function intoI(c: Cpu, i: Insn): void {
  if (c.getFlags() & OF) { deliver(c, 4, -1, IntKind.Software, c.rip + i.len); c.nextRip = c.rip; }
}

export function iretI(c: Cpu, i: Insn): void {
  const size = i.osize;
  if (!c.protectedMode) {
    const ip = pop(c, size);
    const cs = pop(c, size) & 0xffff;
    const fl = pop(c, size);
    loadCS(c, cs, 0);
    setFlagsChecked(c, fl, size);
    c.nextRip = size === 2 ? ip & 0xffff : ip >>> 0;
    return;
  }
  if (c.getFlags() & 0x4000 && !c.longMode) { taskReturn(c, c.rip + i.len); return; }  // back to the calling task
  const off = stackRead(c, 0, size), offH = c.th;
  const cs = stackRead(c, size, size) & 0xffff;
  const fl = stackRead(c, 2 * size, size);
  const rpl = cs & 3;
  if (rpl < c.cpl) raise(13, cs & 0xfffc);
  const target = size === 8 ? canonical(off, offH) : size === 2 ? off & 0xffff : off >>> 0;
  if ((fl & VM) && c.cpl === 0 && !c.longMode && size === 4) raise(13, 0); // virtual-8086 mode: not supported
  const outer = rpl > c.cpl || c.bits === 64;
  codeDpl(c, cs);
  checkTargetLimit(c, cs, target);
  let sp = 0, spH = 0, ss = 0;
  if (outer) {
    sp = stackRead(c, 3 * size, size); spH = c.th;
    ss = stackRead(c, 4 * size, size) & 0xffff;
  }
  const oldCpl = c.cpl;
  setFlagsChecked(c, fl, size);
  if (size === 8) { /* RFLAGS upper half is reserved */ }
  if (outer) {
    loadCS(c, cs, rpl);
    if (c.longMode && (ss & 0xfffc) === 0 && c.bits === 64 && rpl < 3) {
      c.segSel[Seg.SS] = ss; c.segAttr[Seg.SS] = 0x93 | (rpl << 5); c.segBase[Seg.SS] = 0;
    } else loadSeg(c, Seg.SS, ss);
    c.updateModeFromSegments();
    if (c.stackSize === 8 || size === 8) c.w64(4, sp, size === 8 ? spH : 0);
    else c.writeReg(4, c.stackSize === 4 ? 4 : 2, sp, 0);
    if (rpl > oldCpl) nullInaccessibleSegments(c, rpl);
  } else {
    loadCS(c, cs, c.cpl);
    adjustSp(c, 3 * size);
  }
  c.nextRip = target;
  void IF; void IOPL;
}

export function boundI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const v = c.readReg(i.reg, size);
  const lo = readLin(c, c.eaLin, size), hi = readLin(c, c.eaLin + size, size);
  const s = (x: number) => (size === 2 ? (x << 16) >> 16 : x | 0);
  if (s(v) < s(lo) || s(v) > s(hi)) raise(5);
}
