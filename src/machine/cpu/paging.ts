// Linear-to-physical translation: no paging, 32-bit paging (4 KiB and, with CR4.PSE, 4 MiB
// pages), PAE paging, and 4-level long-mode paging (4 KiB / 2 MiB / 1 GiB pages), with
// U/S, R/W (CR0.WP), NX (EFER.NXE), accessed and dirty bits, and #PF error codes with CR2.
//
// A direct-mapped TLB caches translations by virtual page: the physical page, and the
// permissions combined over all levels. It is flushed whole by CR3 writes and CR0/CR4/EFER
// changes and per page by invlpg (global pages are flushed too: flushing more is safe).
import { CR0_PG, CR0_WP, CR4_PAE, CR4_PSE, EFER_NXE, FAULT, TLB_SIZE, type CpuState } from './state.ts';

export const enum Access { Read = 0, Write = 1, Exec = 2 }

const TLB_MASK = TLB_SIZE - 1;
const P_WRITE = 1, P_USER = 2, P_EXEC = 4, P_DIRTY = 8;

/** A supervisor access the CPU makes on its own (descriptor tables, TSS, interrupt frames of CPL 0). */
export let implicitSupervisor = false;
export function setImplicitSupervisor(v: boolean): void { implicitSupervisor = v; }

/**
 * Translates a linear address for an access of one kind; throws #PF (FAULT) when the
 * page is absent or the access is not allowed.
 */
export function translate(c: CpuState, lin: number, access: Access): number {
  if (!(c.cr0 & CR0_PG)) {
    const a = lin >>> 0;
    return c.mem.a20 ? a : a & ~0x100000;
  }
  const vpn = Math.floor(lin / 4096);
  const i = vpn & TLB_MASK;
  const tlb = c.tlb;
  if (tlb.tag[i] === vpn) {
    const p = tlb.perm[i];
    const user = c.cpl === 3 && !implicitSupervisor;
    let ok = true;
    if (access === Access.Write) ok = (p & P_DIRTY) !== 0 && ((p & P_WRITE) !== 0 || (!user && !(c.cr0 & CR0_WP)));
    else if (access === Access.Exec) ok = (p & P_EXEC) !== 0;
    if (ok && user && !(p & P_USER)) ok = false;
    if (ok) return tlb.phys[i] + (lin - vpn * 4096);
  }
  return walk(c, lin, access, vpn, i);
}

function pageFault(c: CpuState, lin: number, code: number, access: Access): never {
  const user = c.cpl === 3 && !implicitSupervisor;
  if (access === Access.Write) code |= 2;
  if (user) code |= 4;
  if (access === Access.Exec && c.efer & EFER_NXE) code |= 16;   // I/D: reported only with NX enabled
  c.cr2 = lin;
  FAULT.vector = 14;
  FAULT.errorCode = code;
  throw FAULT;
}

/**
 * Reserved bits of the high dword of a PAE / 4-level entry: physical address bits 40-51 (the
 * CPU reports 40 physical address bits, as QEMU's `max` model does). A set reserved bit (or NX
 * without EFER.NXE, or PS in a PML4E, or the low address bits of a large page) is a #PF with
 * RSVD in the error code; QEMU reports it without the P bit, and so does this CPU.
 */
const HI_RESERVED = 0x000fff00;
const RSVD = 8;

/** Physical addresses of the entries a walk went through (scratch, reused: no allocation). */
const entries = new Float64Array(5);

function walk(c: CpuState, lin: number, access: Access, vpn: number, slot: number): number {
  const user = c.cpl === 3 && !implicitSupervisor;
  const nxe = (c.efer & EFER_NXE) !== 0;
  let writable = true, usr = true, exec = true;
  let physPage: number;
  let pageSize: number;
  let nEntries = 0;  // entries[0..nEntries): the walk's entries, to mark accessed
  const u = lin < 0 ? lin + 2 ** 48 : lin;

  if (c.cr4 & CR4_PAE) {
    // PAE / 4-level: 64-bit entries.
    let table: number;
    let level: number;
    if (c.longMode) {
      table = (c.cr3 & ~0xfff) >>> 0;
      table += (c.cr3Hi & 0xfffff) * 2 ** 32;
      level = 4;
    } else {
      const pdpte = (c.cr3 & ~0x1f) >>> 0;
      const idx = Math.floor(u / 2 ** 30) & 3;
      const lo = c.mem.read32(pdpte + idx * 8), hi = c.mem.read32(pdpte + idx * 8 + 4);
      if (!(lo & 1)) pageFault(c, lin, 0, access);
      if (hi & (HI_RESERVED | 0x80000000)) pageFault(c, lin, RSVD, access);
      table = ((lo & ~0xfff) >>> 0) + (hi & 0xfffff) * 2 ** 32;
      level = 2;
    }
    for (;;) {
      const shift = 12 + 9 * (level - 1);
      const idx = Math.floor(u / 2 ** shift) & 511;
      const ea = table + idx * 8;
      const lo = c.mem.read32(ea), hi = c.mem.read32(ea + 4) | 0;
      if (!(lo & 1)) pageFault(c, lin, 0, access);
      if (hi & HI_RESERVED || (hi & 0x80000000 && !nxe)) pageFault(c, lin, RSVD, access);
      if (!(lo & 2)) writable = false;
      if (!(lo & 4)) usr = false;
      if (nxe && hi & 0x80000000) exec = false;
      entries[nEntries++] = ea;
      const big = level > 1 && (lo & 0x80) !== 0 && (level === 2 || (level === 3 && c.longMode));
      if (big && level === 4) pageFault(c, lin, RSVD, access);
      if (big && (lo & (level === 2 ? 0x1fe000 : 0x3fffe000))) pageFault(c, lin, RSVD, access);
      if (level === 1 || big) {
        pageSize = 2 ** shift;
        const base = ((lo & ~0xfff) >>> 0) + (hi & 0xfffff) * 2 ** 32;
        physPage = base - (base % pageSize) + (Math.floor(u / 4096) * 4096) % pageSize;
        break;
      }
      table = ((lo & ~0xfff) >>> 0) + (hi & 0xfffff) * 2 ** 32;
      level--;
    }
  } else {
    // 32-bit paging.
    const a = lin >>> 0;
    const pde = ((c.cr3 & ~0xfff) >>> 0) + (a >>> 22) * 4;
    const d = c.mem.read32(pde);
    if (!(d & 1)) pageFault(c, lin, 0, access);
    if (!(d & 2)) writable = false;
    if (!(d & 4)) usr = false;
    entries[nEntries++] = pde;
    if (d & 0x80 && c.cr4 & CR4_PSE) {
      pageSize = 4 << 20;
      physPage = ((d & 0xffc00000) >>> 0) + (a & 0x3ff000);
    } else {
      const pte = ((d & ~0xfff) >>> 0) + ((a >>> 12) & 0x3ff) * 4;
      const t = c.mem.read32(pte);
      if (!(t & 1)) pageFault(c, lin, 0, access);
      if (!(t & 2)) writable = false;
      if (!(t & 4)) usr = false;
      entries[nEntries++] = pte;
      pageSize = 4096;
      physPage = (t & ~0xfff) >>> 0;
    }
  }
  // Permission checks (a present page that refuses the access: P bit set in the error code).
  if (user && !usr) pageFault(c, lin, 1, access);
  if (access === Access.Write && !writable && (user || c.cr0 & CR0_WP)) pageFault(c, lin, 1, access);
  if (access === Access.Exec && !exec) pageFault(c, lin, 1, access);
  // Accessed bits on every level, dirty on the leaf when writing.
  const last = nEntries - 1;
  for (let k = 0; k <= last; k++) {
    const ea = entries[k];
    const v = c.mem.read32(ea);
    let nv = v | 0x20;
    if (k === last && access === Access.Write) nv |= 0x40;
    if (nv !== v) c.mem.write32(ea, nv);
  }
  void pageSize;
  const dirty = access === Access.Write || (c.mem.read32(entries[last]) & 0x40) !== 0;
  const tlb = c.tlb;
  tlb.tag[slot] = vpn;
  tlb.phys[slot] = physPage;
  tlb.perm[slot] = (writable ? P_WRITE : 0) | (usr ? P_USER : 0) | (exec ? P_EXEC : 0) | (dirty ? P_DIRTY : 0);
  return physPage + (lin - vpn * 4096);
}

/** Whether paging is on (for callers that want to skip the TLB). */
export function pagingOn(c: CpuState): boolean { return (c.cr0 & CR0_PG) !== 0; }
