// Segment register loads: real mode (base = selector * 16, the cached limit and attributes
// kept, which is what makes unreal mode work), protected and long mode descriptor loads from
// the GDT or LDT with the checks real code relies on (#GP for a selector outside the table or
// of the wrong type, #NP / #SS for a segment not present), accessed bits, and CS loads that
// switch the code size.
import { setImplicitSupervisor } from './paging.ts';
import { readLin32, readLin8, raise, writeLin8 } from './memory-access.ts';
import { Seg, type CpuState } from './state.ts';

/** A descriptor read from a table: its two dwords and its address. */
export interface Descriptor { lo: number; hi: number; addr: number }

const scratch: Descriptor = { lo: 0, hi: 0, addr: 0 };

/** Reads the descriptor a selector names; #GP(selector) when outside the table. */
export function readDescriptor(c: CpuState, sel: number, errVector = 13): Descriptor {
  let base: number, limit: number;
  if (sel & 4) {
    if (!(c.segAttr[Seg.LDTR] & 0x80)) raise(errVector, sel & 0xfffc);
    base = c.segBase[Seg.LDTR]; limit = c.segLimit[Seg.LDTR];
  } else { base = c.gdtBase; limit = c.gdtLimit; }
  if ((sel | 7) > limit) raise(errVector, sel & 0xfffc);
  const addr = base + (sel & ~7);
  setImplicitSupervisor(true);
  try {
    scratch.lo = readLin32(c, addr);
    scratch.hi = readLin32(c, addr + 4);
  } finally { setImplicitSupervisor(false); }
  scratch.addr = addr;
  return scratch;
}

export function descBase(d: Descriptor): number {
  return ((d.lo >>> 16) | ((d.hi & 0xff) << 16) | (d.hi & 0xff000000)) >>> 0;
}
export function descLimit(d: Descriptor): number {
  const raw = (d.lo & 0xffff) | (d.hi & 0xf0000);
  return d.hi & 0x800000 ? ((raw << 12) | 0xfff) >>> 0 : raw;
}
/** Access-rights word as kept in segAttr: byte 5, and byte 6's high nibble at bits 12-15. */
export function descAttr(d: Descriptor): number {
  return ((d.hi >>> 8) & 0xff) | ((d.hi >>> 8) & 0xf000);
}

function setAccessed(c: CpuState, d: Descriptor): void {
  if (!(d.hi & 0x100)) {
    setImplicitSupervisor(true);
    try { writeLin8(c, d.addr + 5, readLin8(c, d.addr + 5) | 1); } finally { setImplicitSupervisor(false); }
    d.hi |= 0x100;
  }
}

/** Loads the hidden cache of a segment register from a descriptor. */
export function loadCache(c: CpuState, seg: number, sel: number, d: Descriptor): void {
  c.segSel[seg] = sel;
  c.segBase[seg] = descBase(d);
  c.segLimit[seg] = descLimit(d);
  c.segAttr[seg] = descAttr(d);
}

/** mov/pop/lds... into a data segment register or SS. */
export function loadSeg(c: CpuState, seg: number, sel: number): void {
  sel &= 0xffff;
  if (!c.protectedMode || (c.flags & 0x20000)) {
    c.segSel[seg] = sel;
    c.segBase[seg] = sel * 16;
    if (seg === Seg.CS) c.updateModeFromSegments();
    return;
  }
  if (seg === Seg.CS) raise(6);
  if ((sel & 0xfffc) === 0) {
    if (seg === Seg.SS && !(c.bits === 64 && c.cpl < 3 && (sel & 3) === c.cpl)) raise(13, 0);
    c.segSel[seg] = sel;
    c.segBase[seg] = 0;
    c.segLimit[seg] = 0;
    c.segAttr[seg] = seg === Seg.SS ? (c.segAttr[seg] & 0x6000) | 0x93 | (c.cpl << 5) : 0;
    if (seg === Seg.SS) c.updateModeFromSegments();
    return;
  }
  const d = readDescriptor(c, sel);
  const type = (d.hi >>> 8) & 0x1f;   // S bit and type
  const dpl = (d.hi >>> 13) & 3;
  const rpl = sel & 3;
  if (seg === Seg.SS) {
    // A writable data segment with RPL = DPL = CPL.
    if ((type & 0x1a) !== 0x12 || rpl !== c.cpl || dpl !== c.cpl) raise(13, sel & 0xfffc);
    if (!(d.hi & 0x8000)) raise(12, sel & 0xfffc);
  } else {
    // Data, or readable code.
    if (!(type & 0x10) || (type & 0x0a) === 0x08) raise(13, sel & 0xfffc);
    const conformingCode = (type & 0x0c) === 0x0c;
    if (!conformingCode && (dpl < c.cpl || dpl < rpl)) raise(13, sel & 0xfffc);
    if (!(d.hi & 0x8000)) raise(11, sel & 0xfffc);
  }
  setAccessed(c, d);
  loadCache(c, seg, sel, d);
  if (seg === Seg.SS) c.updateModeFromSegments();
}

/**
 * Loads CS for a far jmp/call/ret/iret or an interrupt: a code segment, present; the new CPL
 * is `newCpl`. Gates and task switches are not supported (#GP).
 */
export function loadCS(c: CpuState, sel: number, newCpl: number): void {
  sel &= 0xffff;
  if (!c.protectedMode || (c.flags & 0x20000)) {
    c.segSel[Seg.CS] = sel;
    c.segBase[Seg.CS] = sel * 16;
    c.updateModeFromSegments();
    return;
  }
  if ((sel & 0xfffc) === 0) raise(13, 0);
  const d = readDescriptor(c, sel);
  const type = (d.hi >>> 8) & 0x1f;
  if ((type & 0x18) !== 0x18) raise(13, sel & 0xfffc);  // must be a code segment
  if (!(d.hi & 0x8000)) raise(11, sel & 0xfffc);
  setAccessed(c, d);
  loadCache(c, Seg.CS, (sel & 0xfffc) | newCpl, d);
  c.cpl = newCpl;
  c.updateModeFromSegments();
}

/** The descriptor privilege level of a code segment selector (reads the table). */
export function codeDpl(c: CpuState, sel: number): number {
  const d = readDescriptor(c, sel);
  const type = (d.hi >>> 8) & 0x1f;
  if ((type & 0x18) !== 0x18) raise(13, sel & 0xfffc);
  if (!(d.hi & 0x8000)) raise(11, sel & 0xfffc);
  return (type & 4) ? c.cpl : (d.hi >>> 13) & 3;  // conforming: CPL unchanged
}

/** lldt / ltr: system descriptors (16 bytes in long mode). */
export function loadSystemSeg(c: CpuState, seg: Seg.LDTR | Seg.TR, sel: number): void {
  if ((sel & 0xfffc) === 0) {
    if (seg === Seg.TR) raise(13, 0);
    c.segSel[seg] = sel; c.segAttr[seg] = 0; c.segBase[seg] = 0; c.segLimit[seg] = 0;
    return;
  }
  if (sel & 4) raise(13, sel & 0xfffc);
  const d = readDescriptor(c, sel);
  const type = (d.hi >>> 8) & 0x1f;
  if (seg === Seg.LDTR ? type !== 2 : type !== 9 && type !== 1) raise(13, sel & 0xfffc);
  if (!(d.hi & 0x8000)) raise(11, sel & 0xfffc);
  const addr = d.addr;
  let base = descBase(d);
  const lim = descLimit(d);
  const attr = descAttr(d);
  if (c.longMode) {
    setImplicitSupervisor(true);
    try { base += (readLin32(c, addr + 8) >>> 0) * 4294967296; } finally { setImplicitSupervisor(false); }
    if (base >= 2 ** 47) base -= 2 ** 48;
  }
  if (seg === Seg.TR) {
    // Mark the TSS busy.
    setImplicitSupervisor(true);
    try { writeLin8(c, addr + 5, readLin8(c, addr + 5) | 2); } finally { setImplicitSupervisor(false); }
  }
  c.segSel[seg] = sel;
  c.segBase[seg] = base;
  c.segLimit[seg] = lim;
  c.segAttr[seg] = attr | (seg === Seg.TR ? 2 : 0);
}
