// Far jmp/call through a call gate (16- and 32-bit gates in protected mode, 64-bit gates in
// long mode), with the stack switch through the TSS and the parameter copy of a call to an
// inner privilege level; and the checks every far transfer makes on its target: the offset
// within the new code segment's limit (#GP(0), outside 64-bit code, as QEMU checks it), and
// on a return to an outer level, data segment registers the outer level may not use made null.
import type { Cpu } from '../cpu.ts';
import { canonical, push, raise, readLin32, stackRead } from '../memory-access.ts';
import { setImplicitSupervisor } from '../paging.ts';
import { descLimit, loadCS, loadSeg, readDescriptor } from '../segments.ts';
import { Seg, VM } from '../state.ts';
import { taskGateSelector, taskSwitch, TaskKind } from '../task-switch.ts';

function sysRead32(c: Cpu, lin: number): number {
  setImplicitSupervisor(true);
  try { return readLin32(c, lin); } finally { setImplicitSupervisor(false); }
}

/** #GP(0) when `off` lies beyond the limit of the code segment `sel` names (not for 64-bit code). */
export function checkTargetLimit(c: Cpu, sel: number, off: number): void {
  if (!c.protectedMode || (c.flags & VM)) return;
  const d = readDescriptor(c, sel);
  if (c.longMode && (d.hi & 0x200000)) return;
  if (off > descLimit(d)) raise(13, 0);
}

/**
 * After a return to the outer level `cpl`: ES, DS, FS and GS holding a data or nonconforming
 * code segment more privileged than `cpl` become null (selector 0, not present), so the outer
 * level cannot use them; a null FS/GS keeps its base, as in QEMU.
 */
export function nullInaccessibleSegments(c: Cpu, cpl: number): void {
  for (const seg of [Seg.ES, Seg.DS, Seg.FS, Seg.GS]) {
    if ((seg === Seg.FS || seg === Seg.GS) && (c.segSel[seg] & 0xfffc) === 0) continue;
    const attr = c.segAttr[seg];
    const conformingCode = (attr & 0x1c) === 0x1c;
    if (!conformingCode && ((attr >>> 5) & 3) < cpl) {
      c.segSel[seg] = 0;
      c.segAttr[seg] = attr & ~0x80;
    }
  }
}

/** Whether `sel` names a system descriptor (a gate) rather than a code segment. */
export function isSystemDescriptor(c: Cpu, sel: number): boolean {
  if ((sel & 0xfffc) === 0) return false;
  const d = readDescriptor(c, sel);
  return (d.hi & 0x1000) === 0;
}

/** jmp far / call far to the call gate `sel`; `ret` is the return offset of a call. */
export function throughCallGate(c: Cpu, sel: number, isCall: boolean, ret: number): void {
  const g = readDescriptor(c, sel);
  const lo = g.lo, hi = g.hi, addr = g.addr;
  const type = (hi >>> 8) & 0x1f;
  const long = c.longMode;
  if (!long && (type === 0x09 || type === 0x05)) {
    // A TSS or a task gate: a task switch (the gate's and the TSS's DPL checked against CPL/RPL).
    const dpl = (hi >>> 13) & 3;
    if (dpl < c.cpl || dpl < (sel & 3)) raise(13, sel & 0xfffc);
    if (!(hi & 0x8000)) raise(11, sel & 0xfffc);
    taskSwitch(c, type === 0x05 ? taskGateSelector(lo) : sel, isCall ? TaskKind.Call : TaskKind.Jmp, isCall ? ret : c.nextRip);
    return;
  }
  if (long ? type !== 0x0c : type !== 0x0c && type !== 0x04) raise(13, sel & 0xfffc);
  const gateDpl = (hi >>> 13) & 3;
  if (gateDpl < c.cpl || gateDpl < (sel & 3)) raise(13, sel & 0xfffc);
  if (!(hi & 0x8000)) raise(11, sel & 0xfffc);
  const size = long ? 8 : type === 0x0c ? 4 : 2;
  const offLo = size === 2 ? lo & 0xffff : ((lo & 0xffff) | (hi & 0xffff0000)) >>> 0;
  let offHi = 0;
  if (long) {
    if (sel + 15 > c.gdtLimit && !(sel & 4)) raise(13, sel & 0xfffc);
    offHi = sysRead32(c, addr + 8);
    if (sysRead32(c, addr + 12) & 0x1f00) raise(13, sel & 0xfffc);
  }
  const params = hi & 0x1f;
  const target = (lo >>> 16) & 0xffff;
  if ((target & 0xfffc) === 0) raise(13, 0);
  const d = readDescriptor(c, target);
  const ttype = (d.hi >>> 8) & 0x1f;
  const dpl = (d.hi >>> 13) & 3;
  const conforming = (ttype & 0x04) !== 0;
  if ((ttype & 0x18) !== 0x18 || dpl > c.cpl) raise(13, target & 0xfffc);
  if (long && (!(d.hi & 0x200000) || (d.hi & 0x400000))) raise(13, target & 0xfffc);
  if (!isCall && !conforming && dpl !== c.cpl) raise(13, target & 0xfffc);
  if (!(d.hi & 0x8000)) raise(11, target & 0xfffc);
  const limit = descLimit(d);
  if (!long && offLo > limit) raise(13, 0);
  const oldCs = c.segSel[Seg.CS];
  if (isCall && !conforming && dpl < c.cpl) {
    // Inner level: the new stack from the TSS, then the old SS:ESP and the parameters on it.
    const oldSs = c.segSel[Seg.SS], oldSpLo = c.regs[8], oldSpHi = c.regs[9];
    const copied: number[] = [];
    if (!long) for (let k = params - 1; k >= 0; k--) copied.push(stackRead(c, k * size, size));
    const tss = c.segBase[Seg.TR];
    const oldCpl = c.cpl, oldStackSize = c.stackSize;
    c.cpl = dpl;
    try {
      if (long) {
        c.regs[8] = sysRead32(c, tss + 4 + dpl * 8);
        c.regs[9] = sysRead32(c, tss + 8 + dpl * 8);
        c.segSel[Seg.SS] = dpl; c.segBase[Seg.SS] = 0; c.segLimit[Seg.SS] = 0xffffffff;
        c.segAttr[Seg.SS] = 0x93 | (dpl << 5);
        c.stackSize = 8;
      } else {
        const tss32 = (c.segAttr[Seg.TR] & 0x8) !== 0;
        const ss = tss32 ? sysRead32(c, tss + 8 + dpl * 8) & 0xffff : sysRead32(c, tss + 4 + dpl * 4) & 0xffff;
        const esp = tss32 ? sysRead32(c, tss + 4 + dpl * 8) : sysRead32(c, tss + 2 + dpl * 4) & 0xffff;
        loadSeg(c, Seg.SS, ss);
        c.regs[8] = esp;
      }
      push(c, size, oldSs, 0);
      push(c, size, oldSpLo, size === 8 ? oldSpHi : 0);
      for (const v of copied) push(c, size, v, 0);
    } catch (e) {
      c.cpl = oldCpl; c.stackSize = oldStackSize;
      throw e;
    }
  }
  if (isCall) {
    push(c, size, oldCs, 0);
    push(c, size, size === 2 ? ret & 0xffff : ret % 4294967296 | 0, size === 8 ? Math.floor(ret / 4294967296) | 0 : 0);
  }
  loadCS(c, target, isCall && !conforming ? dpl : c.cpl);
  c.nextRip = long ? canonical(offLo | 0, offHi) : offLo;
}
