// Hardware task switches between 32-bit TSSs, as 32-bit kernels use them for the double-fault
// handler (a task gate in the IDT, so #DF runs on a known-good stack) and as older systems use
// them for far jumps and calls to a TSS: the outgoing state (EIP, EFLAGS, general registers,
// segment selectors) saved into the current TSS, the incoming one loaded from the new TSS (CR3,
// EIP, EFLAGS, registers, LDTR, segments with CPL from CS), busy bits, the back link and NT for
// calls and interrupts (undone by iret), CR0.TS set, and an exception's error code pushed on the
// new task's stack. 16-bit TSSs, the I/O bitmap and the T (debug trap) bit are not modelled.
import { raise, push, readLin16, readLin32, readLin8, writeLin16, writeLin32, writeLin8 } from './memory-access.ts';
import { setImplicitSupervisor } from './paging.ts';
import { descBase, descLimit, loadCS, loadSeg, loadSystemSeg, readDescriptor } from './segments.ts';
import { CR0_TS, NT, Seg, type CpuState } from './state.ts';

export const enum TaskKind { Jmp = 0, Call = 1, Int = 2, Iret = 3 }

function sys<T>(f: () => T): T {
  setImplicitSupervisor(true);
  try { return f(); } finally { setImplicitSupervisor(false); }
}

/** Switches to the task whose TSS descriptor `sel` names; `retEip` is saved as the old task's EIP. */
export function taskSwitch(c: CpuState, sel: number, kind: TaskKind, retEip: number, errorCode = -1): void {
  if (sel & 4) raise(10, sel & 0xfffc);
  const d = readDescriptor(c, sel);
  const lo = d.lo, hi = d.hi, addr = d.addr;
  const type = (hi >>> 8) & 0x1f;
  const busy = (type & 2) !== 0;
  if (type !== 0x09 && type !== 0x0b) raise(13, sel & 0xfffc);
  if (kind === TaskKind.Iret ? !busy : busy) raise(13, sel & 0xfffc);
  if (!(hi & 0x8000)) raise(11, sel & 0xfffc);
  const newBase = descBase({ lo, hi, addr }), newLimit = descLimit({ lo, hi, addr });
  if (newLimit < 0x67) raise(10, sel & 0xfffc);

  // Save the outgoing task.
  const old = c.segBase[Seg.TR];
  let flags = c.getFlags();
  if (kind === TaskKind.Jmp || kind === TaskKind.Iret) flags &= ~NT;
  sys(() => {
    writeLin32(c, old + 0x20, retEip);
    writeLin32(c, old + 0x24, flags);
    for (let r = 0; r < 8; r++) writeLin32(c, old + 0x28 + r * 4, c.regs[r * 2]!);
    for (let s = 0; s < 6; s++) writeLin16(c, old + 0x48 + s * 4, c.segSel[s]!);
    if (kind === TaskKind.Jmp || kind === TaskKind.Iret) {
      const oldDesc = readDescriptor(c, c.segSel[Seg.TR]!);
      writeLin8(c, oldDesc.addr + 5, readLin8(c, oldDesc.addr + 5) & ~2);
    }
  });

  // Read the incoming task.
  const v = sys(() => {
    const r: number[] = [];
    r.push(readLin32(c, newBase + 0x1c), readLin32(c, newBase + 0x20), readLin32(c, newBase + 0x24));
    for (let k = 0; k < 8; k++) r.push(readLin32(c, newBase + 0x28 + k * 4));
    for (let s = 0; s < 6; s++) r.push(readLin16(c, newBase + 0x48 + s * 4));
    r.push(readLin16(c, newBase + 0x60));
    if (kind === TaskKind.Call || kind === TaskKind.Int) writeLin16(c, newBase, c.segSel[Seg.TR]!);
    if (kind !== TaskKind.Iret) writeLin8(c, addr + 5, readLin8(c, addr + 5) | 2);
    return r;
  });
  const [cr3, eip, eflags] = v as [number, number, number];
  c.segSel[Seg.TR] = sel;
  c.segBase[Seg.TR] = newBase;
  c.segLimit[Seg.TR] = newLimit;
  c.segAttr[Seg.TR] = ((hi >>> 8) & 0xff | (hi >>> 8) & 0xf000) | 2;
  c.cr0 |= CR0_TS;
  if (c.cr0 & 0x80000000) { c.cr3 = cr3; c.cr3Hi = 0; c.tlb.flush(); }
  c.flags = (eflags | 2 | (kind === TaskKind.Call || kind === TaskKind.Int ? NT : 0)) >>> 0;
  c.fOp = 0;
  for (let k = 0; k < 8; k++) { c.regs[k * 2] = v[3 + k]! | 0; c.regs[k * 2 + 1] = 0; }
  const segs = v.slice(11, 17), ldt = v[17]!;
  loadSystemSeg(c, Seg.LDTR, ldt);
  const cpl = segs[Seg.CS]! & 3;
  c.cpl = cpl;
  loadCS(c, segs[Seg.CS]!, cpl);
  loadSeg(c, Seg.SS, segs[Seg.SS]!);
  for (const s of [Seg.ES, Seg.DS, Seg.FS, Seg.GS]) loadSeg(c, s, segs[s]!);
  c.rip = eip >>> 0;
  c.nextRip = eip >>> 0;
  if (errorCode >= 0) push(c, c.stackSize === 2 ? 2 : 4, errorCode, 0);
}

/** The TSS selector a task gate descriptor (lo dword) names. */
export function taskGateSelector(lo: number): number { return (lo >>> 16) & 0xffff; }

/** iret with NT set: back to the task in the current TSS's back link. */
export function taskReturn(c: CpuState, retEip: number): void {
  const back = sys(() => readLin16(c, c.segBase[Seg.TR]));
  taskSwitch(c, back, TaskKind.Iret, retEip);
}
