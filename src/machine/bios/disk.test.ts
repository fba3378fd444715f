import { describe, expect, it } from 'vitest';
import { createDisk } from './disk-image.ts';
import { chsToLba, hardDiskGeometry, hardDiskPhysicalGeometry, lbaToChs, packChsRegisters, unpackChsRegisters } from './geometry.ts';
import { createTestPc } from './test-support.ts';

/** An image whose every sector starts with its own number (as a 32-bit value). */
function numberedImage(sectors: number): Uint8Array {
  const img = new Uint8Array(sectors * 512);
  const view = new DataView(img.buffer);
  for (let s = 0; s < sectors; s++) view.setUint32(s * 512, s, true);
  img[510] = 0x55;
  img[511] = 0xaa;
  return img;
}

const ax = (ah: number, al = 0) => (ah << 8) | al;

describe('disk geometry', () => {
  it('uses 16 heads × 63 sectors for hard disks and converts CHS both ways', () => {
    const g = hardDiskGeometry(3100);
    expect(g).toEqual({ cylinders: 3, heads: 16, sectorsPerTrack: 63 });
    // As QEMU: whole cylinders only, at least 2.
    expect(hardDiskGeometry(128).cylinders).toBe(2);
    expect(hardDiskGeometry(40985).cylinders).toBe(40);
    // Past 1024 cylinders the BIOS translates to more heads.
    expect(hardDiskGeometry(2 * 1024 * 1024)).toEqual({ cylinders: 1040, heads: 32, sectorsPerTrack: 63 });
    expect(hardDiskPhysicalGeometry(2 * 1024 * 1024).cylinders).toBe(2080);
    expect(chsToLba(g, 0, 0, 1)).toBe(0);
    expect(chsToLba(g, 1, 2, 3)).toBe((16 + 2) * 63 + 2);
    expect(lbaToChs(g, (16 + 2) * 63 + 2)).toEqual({ cylinder: 1, head: 2, sector: 3 });
    expect(chsToLba(g, 0, 0, 0)).toBe(-1);
    expect(chsToLba(g, 0, 16, 1)).toBe(-1);
    expect(unpackChsRegisters(packChsRegisters(0x3ff, 63))).toEqual({ cylinder: 0x3ff, sector: 63 });
  });

  it('pads an image that is not a whole number of sectors', () => {
    const d = createDisk(new Uint8Array(700).fill(1));
    expect(d.totalSectors).toBe(2);
    expect(d.read(1, 1)![187]).toBe(1);
    expect(d.read(1, 1)![188]).toBe(0);
    expect(d.read(2, 1)).toBeNull();
  });
});

describe('int 13h disk', () => {
  it('reads sectors by CHS into ES:BX', () => {
    const pc = createTestPc({ hardDisk: createDisk(numberedImage(2000)) });
    const r = pc.int(0x13, { eax: ax(0x02, 2), ecx: packChsRegisters(1, 3), edx: 0x0280, es: 0x1000, ebx: 0x10 });
    expect(r.carry).toBe(false);
    expect(r.getReg8('ah')).toBe(0);
    expect(r.getReg8('al')).toBe(2);
    const first = (1 * 16 + 2) * 63 + 2;
    expect(pc.mem.read32(0x10010)).toBe(first);
    expect(pc.mem.read32(0x10010 + 512)).toBe(first + 1);
  });

  it('reports errors with the status codes SeaBIOS uses', () => {
    const pc = createTestPc({ hardDisk: createDisk(numberedImage(100)) });
    // A transfer that runs off the end moves what exists, then fails with 0Ch.
    let r = pc.int(0x13, { eax: ax(0x02, 4), ecx: packChsRegisters(0, 36), edx: 0x0180, es: 0x1000 });
    expect([r.carry, r.getReg8('ah'), r.getReg8('al')]).toEqual([true, 0x0c, 2]); // LBA 98 and 99
    expect(pc.mem.read32(0x10000 + 512)).toBe(99);
    // Sector 0 (outside the geometry) and a zero count are parameter errors, as is a bad drive.
    r = pc.int(0x13, { eax: ax(0x02, 1), ecx: packChsRegisters(0, 0), edx: 0x0080, es: 0x1000 });
    expect([r.carry, r.getReg8('ah')]).toEqual([true, 0x01]);
    r = pc.int(0x13, { eax: ax(0x02, 0), ecx: 1, edx: 0x0080, es: 0x1000 });
    expect([r.carry, r.getReg8('ah')]).toEqual([true, 0x01]);
    r = pc.int(0x13, { eax: ax(0x02, 1), ecx: 1, edx: 0x0081, es: 0x1000 });
    expect([r.carry, r.getReg8('ah')]).toEqual([true, 0x01]);
    // AH=01h reports the last status once, leaving AL alone.
    r = pc.int(0x13, { eax: ax(0x01, 0x5a), edx: 0x0080 });
    expect([r.carry, r.getReg8('ah'), r.getReg8('al')]).toEqual([true, 0x01, 0x5a]);
    r = pc.int(0x13, { eax: ax(0x01), edx: 0x0080 });
    expect([r.carry, r.getReg8('ah')]).toEqual([false, 0x00]);
    r = pc.int(0x13, { eax: ax(0x00), edx: 0x0080 });
    expect(r.carry).toBe(false);
  });

  it('reports the geometry (AH=08h) and the disk type (AH=15h) as SeaBIOS does', () => {
    // Figures checked against QEMU 8 + SeaBIOS with a 40985-sector image: CX=263F DX=0F01, CX:DX=9990.
    const pc = createTestPc({ hardDisk: createDisk(numberedImage(40985)) });
    let r = pc.int(0x13, { eax: ax(0x08), edx: 0x80 });
    expect(r.carry).toBe(false);
    expect(r.getReg16('cx')).toBe(0x263f);
    expect(r.getReg16('dx')).toBe(0x0f01);
    r = pc.int(0x13, { eax: ax(0x15), edx: 0x80 });
    expect(r.getReg8('ah')).toBe(3);
    expect((r.getReg16('cx') << 16) | r.getReg16('dx')).toBe(0x9990);
  });

  it('caps the cylinder count AH=08h reports at 1024 before reserving the last one', () => {
    // QEMU + SeaBIOS with a 510 MiB image (1036 cylinders of 16 × 63): CX=FEFF, DX=0F01.
    const pc = createTestPc({ hardDisk: createDisk(new Uint8Array(510 * 1024 * 1024)) });
    const r = pc.int(0x13, { eax: ax(0x08), edx: 0x80 });
    expect([r.getReg16('cx'), r.getReg16('dx')]).toEqual([0xfeff, 0x0f01]);
  });

  it('supports the EDD extensions: check, packet reads and writes, drive parameters', () => {
    const disk = createDisk(numberedImage(300));
    const pc = createTestPc({ hardDisk: disk });
    let r = pc.int(0x13, { eax: ax(0x41), ebx: 0x55aa, edx: 0x80 });
    expect(r.carry).toBe(false);
    expect(r.getReg16('bx')).toBe(0xaa55);
    expect(r.getReg16('cx')).toBe(0x0007);
    expect(r.getReg8('ah')).toBe(0x30);

    const dap = 0x500;
    pc.mem.write8(dap, 0x10);
    pc.mem.write8(dap + 1, 0);
    pc.mem.write16(dap + 2, 3);
    pc.mem.write16(dap + 4, 0x0000);
    pc.mem.write16(dap + 6, 0x2000);
    pc.mem.write32(dap + 8, 257);
    pc.mem.write32(dap + 12, 0);
    r = pc.int(0x13, { eax: ax(0x42), edx: 0x80, ds: 0, esi: dap });
    expect(r.carry).toBe(false);
    expect(pc.mem.read32(0x20000)).toBe(257);
    expect(pc.mem.read32(0x20000 + 1024)).toBe(259);

    // Running off the end: what exists is read, the count says how much, AH=0Ch.
    pc.mem.write16(dap + 2, 10);
    pc.mem.write32(dap + 8, 295);
    r = pc.int(0x13, { eax: ax(0x42), edx: 0x80, ds: 0, esi: dap });
    expect([r.carry, r.getReg8('ah')]).toEqual([true, 0x0c]);
    expect(pc.mem.read16(dap + 2)).toBe(5);
    // Starting past the end: a parameter error, the packet untouched.
    pc.mem.write32(dap + 8, 300);
    r = pc.int(0x13, { eax: ax(0x42), edx: 0x80, ds: 0, esi: dap });
    expect([r.carry, r.getReg8('ah')]).toEqual([true, 0x01]);
    expect(pc.mem.read16(dap + 2)).toBe(5);

    // 64-bit flat buffer variant.
    pc.mem.write8(dap, 0x18);
    pc.mem.write16(dap + 2, 1);
    pc.mem.write16(dap + 4, 0xffff);
    pc.mem.write16(dap + 6, 0xffff);
    pc.mem.write32(dap + 8, 7);
    pc.mem.write32(dap + 16, 0x200000);
    pc.mem.write32(dap + 20, 0);
    r = pc.int(0x13, { eax: ax(0x42), edx: 0x80, ds: 0, esi: dap });
    expect(r.carry).toBe(false);
    expect(pc.mem.read32(0x200000)).toBe(7);

    // Extended write changes the image.
    pc.mem.write32(0x30000, 0xcafef00d);
    pc.mem.write8(dap, 0x10);
    pc.mem.write16(dap + 2, 1);
    pc.mem.write16(dap + 4, 0);
    pc.mem.write16(dap + 6, 0x3000);
    pc.mem.write32(dap + 8, 9);
    r = pc.int(0x13, { eax: ax(0x43), edx: 0x80, ds: 0, esi: dap });
    expect(r.carry).toBe(false);
    expect(new DataView(disk.data.buffer).getUint32(9 * 512, true)).toBe(0xcafef00d);

    pc.mem.write16(0x600, 0x1e);
    r = pc.int(0x13, { eax: ax(0x48), edx: 0x80, ds: 0, esi: 0x600 });
    expect(r.carry).toBe(false);
    expect(pc.mem.read16(0x600 + 2)).toBe(0x0002);
    expect(pc.mem.read32(0x600 + 4)).toBe(2); // physical cylinders, at least 2 (as QEMU)
    expect(pc.mem.read32(0x600 + 8)).toBe(16);
    expect(pc.mem.read32(0x600 + 12)).toBe(63);
    expect(pc.mem.read32(0x600 + 16)).toBe(300);
    expect(pc.mem.read16(0x600 + 24)).toBe(512);
  });

  it('reads more than 127 sectors in one packet, as SeaBIOS allows', () => {
    const pc = createTestPc({ hardDisk: createDisk(numberedImage(400)) });
    const dap = 0x500;
    pc.mem.write8(dap, 0x10);
    pc.mem.write16(dap + 2, 200);
    pc.mem.write16(dap + 4, 0x7e00);
    pc.mem.write16(dap + 6, 0);
    pc.mem.write32(dap + 8, 1);
    pc.mem.write32(dap + 12, 0);
    const r = pc.int(0x13, { eax: 0x4200, edx: 0x80, ds: 0, esi: dap });
    expect(r.carry).toBe(false);
    expect(pc.mem.read16(dap + 2)).toBe(200);
    expect(pc.mem.read32(0x7e00 + 199 * 512)).toBe(200);
  });

  it('writes by CHS into the in-memory image', () => {
    const disk = createDisk(numberedImage(100));
    const pc = createTestPc({ hardDisk: disk });
    pc.mem.write32(0x8000, 0x12345678);
    const r = pc.int(0x13, { eax: ax(0x03, 1), ecx: packChsRegisters(0, 5), edx: 0x80, es: 0x800, ebx: 0 });
    expect(r.carry).toBe(false);
    expect(new DataView(disk.data.buffer).getUint32(4 * 512, true)).toBe(0x12345678);
  });

  it('serves a floppy as drive 0x00 with its real format', () => {
    const floppy = createDisk(numberedImage(2880), 'floppy');
    const pc = createTestPc({ floppy });
    expect(floppy.geometry).toEqual({ cylinders: 80, heads: 2, sectorsPerTrack: 18 });
    let r = pc.int(0x13, { eax: ax(0x02, 1), ecx: packChsRegisters(1, 1), edx: 0x0100, es: 0x1000, ebx: 0 });
    expect(r.carry).toBe(false);
    expect(pc.mem.read32(0x10000)).toBe(3 * 18);
    r = pc.int(0x13, { eax: ax(0x08), edx: 0x00 });
    expect(r.getReg8('bl')).toBe(4);
    expect(r.getSeg('es')).toBe(0xf000);
  });
});
