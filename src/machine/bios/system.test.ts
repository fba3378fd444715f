import { describe, expect, it } from 'vitest';
import { SMAP_SIGNATURE } from './system.ts';
import { createTestPc } from './test-support.ts';

describe('int 15h system services', () => {
  it('turns A20 off and on and reports it', () => {
    const pc = createTestPc();
    let r = pc.int(0x15, { eax: 0x2400 });
    expect([r.carry, r.getReg8('ah'), pc.mem.a20]).toEqual([false, 0, false]);
    r = pc.int(0x15, { eax: 0x2402 });
    expect(r.getReg8('al')).toBe(0);
    pc.int(0x15, { eax: 0x2401 });
    expect(pc.mem.a20).toBe(true);
    r = pc.int(0x15, { eax: 0x2403 });
    expect(r.getReg16('bx')).toBe(3);
  });

  it('walks the E820 memory map', () => {
    const pc = createTestPc({ ramSize: 32 * 1024 * 1024 });
    const entries: [number, number, number][] = [];
    let ebx = 0;
    do {
      const r = pc.int(0x15, { eax: 0xe820, edx: SMAP_SIGNATURE, ecx: 20, ebx, es: 0x50, edi: 0 });
      expect(r.carry).toBe(false);
      expect(r.getReg32('eax')).toBe(SMAP_SIGNATURE);
      expect(r.getReg32('ecx')).toBe(20);
      entries.push([pc.mem.read32(0x500), pc.mem.read32(0x508), pc.mem.read32(0x510)]);
      ebx = r.getReg32('ebx');
    } while (ebx !== 0);
    expect(entries).toEqual([
      [0, 0x9fc00, 1],
      [0x9fc00, 0x400, 2],
      [0xf0000, 0x10000, 2],
      [0x100000, 31 * 1024 * 1024 - 0x20000, 1],
      [32 * 1024 * 1024 - 0x20000, 0x20000, 2],   // SeaBIOS's tables at the top of RAM
      [0xfffc0000, 0x40000, 2],                   // the flash ROM below 4 GiB
    ]);
    // Asked for 24-byte ACPI 3.0 entries, it answers with 20 bytes (as SeaBIOS does).
    const r24 = pc.int(0x15, { eax: 0xe820, edx: SMAP_SIGNATURE, ecx: 24, ebx: 0, es: 0x50, edi: 0 });
    expect(r24.getReg32('ecx')).toBe(20);
    const bad = pc.int(0x15, { eax: 0xe820, edx: 0, ecx: 20, ebx: 0 });
    expect([bad.carry, bad.getReg8('ah')]).toEqual([true, 0x86]);
  });

  it('reports memory sizes with E801h and AH=88h', () => {
    const pc = createTestPc({ ramSize: 32 * 1024 * 1024 });
    let r = pc.int(0x15, { eax: 0xe801 });
    expect([r.getReg16('ax'), r.getReg16('bx')]).toEqual([15 * 1024, 254]);   // 64 KiB blocks above 16 MiB, less the top 128 KiB
    r = pc.int(0x15, { eax: 0x8800 });
    expect(r.getReg16('ax')).toBe(31 * 1024);
  });

  it('accepts the long-mode hint, waits, gives the configuration table, and refuses the rest', () => {
    const pc = createTestPc();
    let r = pc.int(0x15, { eax: 0xec00, ebx: 2 });
    expect(r.carry).toBe(false);
    r = pc.int(0x15, { eax: 0x8600, ecx: 0, edx: 1000 });
    expect(r.carry).toBe(false);
    r = pc.int(0x15, { eax: 0xc000 });
    expect(r.carry).toBe(false);
    const table = r.getSegBase('es') + r.getReg16('bx');
    expect(pc.mem.read16(table)).toBe(8);
    expect(pc.mem.read8(table + 2)).toBe(0xfc);
    r = pc.int(0x15, { eax: 0x5300 });
    expect([r.carry, r.getReg8('ah')]).toEqual([true, 0x86]);
  });

  it('moves memory above 1 MiB with AH=87h', () => {
    const pc = createTestPc();
    pc.mem.write32(0x200000, 0x11223344);
    const gdt = 0x600;
    const descriptor = (at: number, base: number) => {
      pc.mem.write16(at, 0xffff);
      pc.mem.write16(at + 2, base & 0xffff);
      pc.mem.write8(at + 4, (base >> 16) & 0xff);
      pc.mem.write8(at + 5, 0x93);
      pc.mem.write8(at + 7, base >>> 24);
    };
    descriptor(gdt + 0x10, 0x200000);
    descriptor(gdt + 0x18, 0x9000);
    const r = pc.int(0x15, { eax: 0x8700, ecx: 2, es: 0x60, esi: 0 });
    expect([r.carry, r.getReg8('ah')]).toEqual([false, 0]);
    expect(pc.mem.read32(0x9000)).toBe(0x11223344);
  });
});
