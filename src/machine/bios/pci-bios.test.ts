import { describe, expect, it } from 'vitest';
import { PciHost } from '../devices/pci.ts';
import { createTestPc } from './test-support.ts';

describe('int 1Ah PCI BIOS', () => {
  it('answers the installation check and finds devices by IDs and by class', () => {
    const pc = createTestPc();
    new PciHost().attach(pc.io);
    let r = pc.int(0x1a, { eax: 0xb101 });
    expect([r.carry, r.getReg8('ah'), r.getReg8('al'), r.getReg16('bx'), r.getReg32('edx')]).toEqual([false, 0, 1, 0x0210, 0x20494350]);
    r = pc.int(0x1a, { eax: 0xb102, ecx: 0x100e, edx: 0x8086, esi: 0 });
    expect([r.carry, r.getReg16('bx')]).toEqual([false, 0x0018]);
    r = pc.int(0x1a, { eax: 0xb103, ecx: 0x010180, esi: 0 });
    expect([r.carry, r.getReg16('bx')]).toEqual([false, 0x0009]);
    r = pc.int(0x1a, { eax: 0xb102, ecx: 0xdead, edx: 0xbeef, esi: 0 });
    expect([r.carry, r.getReg8('ah')]).toEqual([true, 0x86]);
  });

  it('reads and writes configuration registers', () => {
    const pc = createTestPc();
    new PciHost().attach(pc.io);
    let r = pc.int(0x1a, { eax: 0xb10a, ebx: 0x0010, edi: 0 });
    expect(r.getReg32('ecx') >>> 0).toBe(0x11111234);
    pc.int(0x1a, { eax: 0xb10b, ebx: 0x0018, edi: 0x3c, ecx: 5 });
    r = pc.int(0x1a, { eax: 0xb108, ebx: 0x0018, edi: 0x3c });
    expect(r.getReg8('cl')).toBe(5);
    r = pc.int(0x1a, { eax: 0xb1ff });
    expect([r.carry, r.getReg8('ah')]).toEqual([true, 0x81]);
  });
});
