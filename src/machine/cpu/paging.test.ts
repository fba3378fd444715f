// Address translation on hand-built page tables: 32-bit paging with 4 KiB and 4 MiB pages,
// PAE, 4-level paging with 2 MiB and 1 GiB pages, permission faults and their error codes,
// accessed/dirty bits, TLB flushes by CR3 writes and invlpg.
import { describe, expect, it } from 'vitest';
import { Access, translate } from './paging.ts';
import { CR0_PE, CR0_PG, CR0_WP, CR4_PAE, CR4_PSE, EFER_LMA, EFER_LME, EFER_NXE, FAULT } from './state.ts';
import { rig } from './test-support.ts';

function fault(fn: () => unknown): { vector: number; code: number } | null {
  try { fn(); return null; } catch (e) {
    if (e !== FAULT) throw e;
    return { vector: FAULT.vector, code: FAULT.errorCode };
  }
}

describe('32-bit paging', () => {
  it('4 KiB and 4 MiB pages, accessed and dirty bits, read-only with WP', () => {
    const { cpu, mem } = rig();
    mem.write32(0x10000, 0x11000 | 3);                 // PDE 0 -> table
    mem.write32(0x11000 + 5 * 4, 0x123000 | 1);        // page 5 -> 0x123000, read-only
    mem.write32(0x10000 + 4, 0x00800000 | 0x83);       // PDE 1: 4 MiB page at 8 MiB
    cpu.cr3 = 0x10000; cpu.cr4 = CR4_PSE; cpu.cr0 |= CR0_PE | CR0_PG;
    expect(translate(cpu, 0x5abc, Access.Read)).toBe(0x123abc);
    expect(mem.read32(0x11000 + 5 * 4) & 0x60).toBe(0x20);   // accessed, not dirty
    expect(translate(cpu, 0x412345, Access.Write)).toBe(0x812345);
    expect(mem.read32(0x10000 + 4) & 0x60).toBe(0x60);       // accessed and dirty
    expect(translate(cpu, 0x5000, Access.Write)).toBe(0x123000); // supervisor, WP off: allowed
    cpu.cr0 |= CR0_WP; cpu.tlb.flush();
    expect(fault(() => translate(cpu, 0x5000, Access.Write))).toEqual({ vector: 14, code: 3 });
    expect(cpu.cr2).toBe(0x5000);
    expect(fault(() => translate(cpu, 0x6000, Access.Read))).toEqual({ vector: 14, code: 0 });
  });
});

describe('PAE and 4-level paging', () => {
  it('PAE legacy mode: PDPT, 2 MiB pages', () => {
    const { cpu, mem } = rig();
    mem.write32(0x10000 + 8, 0x11000 | 1);              // PDPTE 1 (1-2 GiB)
    mem.write32(0x11000 + 3 * 8, 0x00600000 | 0x83);    // 2 MiB page at 6 MiB
    cpu.cr3 = 0x10000; cpu.cr4 = CR4_PAE; cpu.cr0 |= CR0_PE | CR0_PG;
    expect(translate(cpu, 0x40000000 + 3 * 0x200000 + 0x1234, Access.Read)).toBe(0x601234);
  });

  it('long mode: 1 GiB pages above 4 GiB, NX and user faults with I/D and U/S bits', () => {
    const { cpu, mem } = rig();
    mem.write32(0x10000, 0x11000 | 7);                  // PML4[0], user
    mem.write32(0x11000 + 8, 0x40000000 | 0x87);        // PDPT[1]: 1 GiB page at 1 GiB, user
    mem.write32(0x11000 + 16, 0x12000 | 3);             // PDPT[2] -> PD, supervisor
    mem.write32(0x12000, 0x200000 | 0x83); mem.write32(0x12004, 0x80000000 | 0); // PD[0]: 2 MiB, NX
    cpu.cr3 = 0x10000; cpu.cr4 = CR4_PAE; cpu.efer = EFER_LME | EFER_LMA | EFER_NXE; cpu.cr0 |= CR0_PE | CR0_PG;
    expect(translate(cpu, 0x40000000 + 0x345678, Access.Exec)).toBe(0x40345678);
    expect(translate(cpu, 0x80000000 + 0x1000, Access.Read)).toBe(0x201000);
    expect(fault(() => translate(cpu, 0x80000000, Access.Exec))).toEqual({ vector: 14, code: 0x11 });
    cpu.cpl = 3;
    expect(fault(() => translate(cpu, 0x80000000, Access.Read))).toEqual({ vector: 14, code: 5 });
    expect(fault(() => translate(cpu, 0xc0000000, Access.Write))).toEqual({ vector: 14, code: 6 });
    expect(translate(cpu, 0x40000010, Access.Write)).toBe(0x40000010);
  });

  it('the TLB keeps a translation until CR3 is written or invlpg drops it', () => {
    const { cpu, mem } = rig();
    mem.write32(0x10000, 0x11000 | 3);
    mem.write32(0x11000, 0x12000 | 3);
    mem.write32(0x12000, 0x13000 | 3);
    mem.write32(0x13000 + 8, 0x55000 | 3);
    cpu.cr3 = 0x10000; cpu.cr4 = CR4_PAE; cpu.efer = EFER_LME | EFER_LMA; cpu.cr0 |= CR0_PE | CR0_PG;
    expect(translate(cpu, 0x1000, Access.Read)).toBe(0x55000);
    mem.write32(0x13000 + 8, 0x66000 | 3);
    expect(translate(cpu, 0x1000, Access.Read)).toBe(0x55000);   // stale, as on hardware
    cpu.tlb.flushPage(0x1000);
    expect(translate(cpu, 0x1000, Access.Read)).toBe(0x66000);
    mem.write32(0x13000 + 8, 0);
    cpu.tlb.flush();
    expect(fault(() => translate(cpu, 0x1000, Access.Read))).toEqual({ vector: 14, code: 0 });
  });
});
