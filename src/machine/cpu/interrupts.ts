// Interrupt and exception delivery: the IVT in real mode; the IDT in protected mode (16/32-bit
// interrupt and trap gates, stack switch through the TSS on a privilege change) and in long
// mode (16-byte gates, IST, SS:RSP always pushed, the stack aligned to 16). Task gates switch
// tasks (task-switch.ts). Double and triple faults are decided by the caller (cpu.ts).
import { setImplicitSupervisor } from './paging.ts';
import { canonical, push, raise, readLin16, readLin32 } from './memory-access.ts';
import { codeDpl, loadCS, loadSeg } from './segments.ts';
import { taskGateSelector, taskSwitch, TaskKind } from './task-switch.ts';
import { AC, IF, NT, RF, Seg, TF, VM, type CpuState } from './state.ts';

export const enum IntKind { Exception = 0, Software = 1, Hardware = 2 }

/** Exceptions that push an error code. */
export function hasErrorCode(vector: number): boolean {
  return vector === 8 || (vector >= 10 && vector <= 14) || vector === 17 || vector === 21;
}

function sysRead32(c: CpuState, lin: number): number {
  setImplicitSupervisor(true);
  try { return readLin32(c, lin); } finally { setImplicitSupervisor(false); }
}
function sysRead16(c: CpuState, lin: number): number {
  setImplicitSupervisor(true);
  try { return readLin16(c, lin); } finally { setImplicitSupervisor(false); }
}

/**
 * Delivers interrupt `vector`; `retRip` is where the handler returns to; errorCode -1 for
 * none. Throws a guest fault when delivery itself faults.
 */
export function deliver(c: CpuState, vector: number, errorCode: number, kind: IntKind, retRip: number): void {
  c.halted = false;
  // The EXT bit (an external event caused the fault) is left out of the error codes of faults
  // met while delivering, as QEMU reports them (a #GP for a vector past the IDT limit, a gate of
  // the wrong type, a gate not present).
  const ext = 0;
  void kind;
  if (!c.protectedMode) {
    if (vector * 4 + 3 > c.idtLimit) raise(13, vector * 8 + 2 + ext);
    const flags = c.getFlags();
    const off = readLin16(c, c.idtBase + vector * 4);
    const sel = readLin16(c, c.idtBase + vector * 4 + 2);
    push(c, 2, flags, 0);
    push(c, 2, c.segSel[Seg.CS], 0);
    push(c, 2, retRip & 0xffff, 0);
    c.flags = flags & ~(IF | TF | AC | RF);
    c.fOp = 0;
    loadCS(c, sel, 0);
    c.rip = off;
    return;
  }
  if (c.longMode) { deliverLong(c, vector, errorCode, kind, retRip, ext); return; }

  if (vector * 8 + 7 > c.idtLimit) raise(13, vector * 8 + 2 + ext);
  const lo = sysRead32(c, c.idtBase + vector * 8);
  const hi = sysRead32(c, c.idtBase + vector * 8 + 4);
  const type = (hi >>> 8) & 0x1f;
  if (type === 0x05) {
    // A task gate: the handler is another task (a #DF handler on its own stack, typically).
    if (kind === IntKind.Software && ((hi >>> 13) & 3) < c.cpl) raise(13, vector * 8 + 2);
    if (!(hi & 0x8000)) raise(11, vector * 8 + 2 + ext);
    taskSwitch(c, taskGateSelector(lo), TaskKind.Int, retRip, errorCode);
    return;
  }
  if (type !== 0x0e && type !== 0x0f && type !== 0x06 && type !== 0x07) raise(13, vector * 8 + 2 + ext);
  if (kind === IntKind.Software && ((hi >>> 13) & 3) < c.cpl) raise(13, vector * 8 + 2);
  if (!(hi & 0x8000)) raise(11, vector * 8 + 2 + ext);
  const sel = lo >>> 16;
  const gate32 = (type & 8) !== 0;
  const off = gate32 ? ((lo & 0xffff) | (hi & 0xffff0000)) >>> 0 : lo & 0xffff;
  const newCpl = codeDpl(c, sel);
  if (newCpl > c.cpl) raise(13, sel & 0xfffc);
  const gsize = gate32 ? 4 : 2;
  const flags = c.getFlags();
  const oldCs = c.segSel[Seg.CS], oldSs = c.segSel[Seg.SS], oldEsp = c.regs[8];
  if (newCpl < c.cpl) {
    const tss = c.segBase[Seg.TR];
    const tss32 = (c.segAttr[Seg.TR] & 0x8) !== 0;
    let esp: number, ss: number;
    if (tss32) { esp = sysRead32(c, tss + 4 + newCpl * 8); ss = sysRead16(c, tss + 8 + newCpl * 8); }
    else { esp = sysRead16(c, tss + 2 + newCpl * 4); ss = sysRead16(c, tss + 4 + newCpl * 4); }
    const oldCpl = c.cpl;
    c.cpl = newCpl;
    try {
      loadSeg(c, Seg.SS, ss);
    } catch (e) { c.cpl = oldCpl; throw e; }
    c.regs[8] = esp;
    push(c, gsize, oldSs, 0);
    push(c, gsize, oldEsp, 0);
  }
  push(c, gsize, flags, 0);
  push(c, gsize, oldCs, 0);
  push(c, gsize, retRip, 0);
  if (errorCode >= 0) push(c, gsize, errorCode, 0);
  loadCS(c, sel, newCpl);
  c.rip = off;
  c.flags = flags & ~(TF | NT | RF | VM | ((type & 1) ? 0 : IF));
  c.fOp = 0;
}

function deliverLong(c: CpuState, vector: number, errorCode: number, kind: IntKind, retRip: number, ext: number): void {
  if (vector * 16 + 15 > c.idtLimit) raise(13, vector * 8 + 2 + ext);
  const g = c.idtBase + vector * 16;
  const w0 = sysRead32(c, g), w1 = sysRead32(c, g + 4), w2 = sysRead32(c, g + 8);
  const type = (w1 >>> 8) & 0x1f;
  if (type !== 0x0e && type !== 0x0f) raise(13, vector * 8 + 2 + ext);
  if (kind === IntKind.Software && ((w1 >>> 13) & 3) < c.cpl) raise(13, vector * 8 + 2);
  if (!(w1 & 0x8000)) raise(11, vector * 8 + 2 + ext);
  const sel = w0 >>> 16;
  const target = canonical(((w0 & 0xffff) | (w1 & 0xffff0000)) | 0, w2);
  const ist = w1 & 7;
  const newCpl = codeDpl(c, sel);
  if (newCpl > c.cpl) raise(13, sel & 0xfffc);
  const flags = c.getFlags();
  const oldCs = c.segSel[Seg.CS], oldSs = c.segSel[Seg.SS];
  const oldSpLo = c.regs[8], oldSpHi = c.regs[9];
  const tss = c.segBase[Seg.TR];
  if (ist !== 0) {
    c.regs[8] = sysRead32(c, tss + 0x24 + (ist - 1) * 8);
    c.regs[9] = sysRead32(c, tss + 0x28 + (ist - 1) * 8);
  } else if (newCpl < c.cpl) {
    c.regs[8] = sysRead32(c, tss + 4 + newCpl * 8);
    c.regs[9] = sysRead32(c, tss + 8 + newCpl * 8);
  }
  c.regs[8] &= ~15;
  const oldCpl = c.cpl;
  const oldStackSize = c.stackSize, oldBits = c.bits;
  c.cpl = newCpl;
  c.stackSize = 8;
  c.bits = 64;
  try {
    push(c, 8, oldSs, 0);
    push(c, 8, oldSpLo, oldSpHi);
    push(c, 8, flags, 0);
    push(c, 8, oldCs, 0);
    push(c, 8, retRip % 4294967296 | 0, Math.floor(retRip / 4294967296) | 0);
    if (errorCode >= 0) push(c, 8, errorCode, 0);
  } catch (e) {
    c.cpl = oldCpl; c.stackSize = oldStackSize; c.bits = oldBits;
    c.regs[8] = oldSpLo; c.regs[9] = oldSpHi;
    throw e;
  }
  if (newCpl < oldCpl) {
    c.segSel[Seg.SS] = newCpl;
    c.segBase[Seg.SS] = 0;
    c.segLimit[Seg.SS] = 0xffffffff;
    c.segAttr[Seg.SS] = 0x93 | (newCpl << 5);
  }
  loadCS(c, sel, newCpl);
  c.rip = target;
  c.flags = flags & ~(TF | NT | RF | ((type & 1) ? 0 : IF));
  c.fOp = 0;
}
