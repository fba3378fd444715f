import { describe, expect, it } from 'vitest';
import { createDisk } from './disk-image.ts';
import { BIOS_STUB_BASE, stubVector } from './index.ts';
import { BDA } from './bda.ts';
import { createTestPc } from './test-support.ts';

function bootableImage(): Uint8Array {
  const img = new Uint8Array(1024);
  img[0] = 0xeb; img[1] = 0xfe; // jmp $
  img[510] = 0x55; img[511] = 0xaa;
  return img;
}

describe('BIOS layout at power-on', () => {
  it('points every vector at its own trap stub, which is an iret', () => {
    const pc = createTestPc();
    for (const v of [0x00, 0x10, 0x13, 0x16, 0x80, 0xff]) {
      const offset = pc.mem.read16(v * 4);
      const segment = pc.mem.read16(v * 4 + 2);
      const linear = segment * 16 + offset;
      expect(segment).toBe(0xf000);
      expect(stubVector(linear)).toBe(v);
      expect(pc.mem.read8(linear)).toBe(0xcf);
    }
    expect(stubVector(BIOS_STUB_BASE + 5)).toBe(-1);
    expect(stubVector(BIOS_STUB_BASE - 4)).toBe(-1);
    expect(stubVector(BIOS_STUB_BASE + 256 * 4)).toBe(-1);
  });

  it('fills the BIOS Data Area and the reset vector', () => {
    const pc = createTestPc({ hardDisk: createDisk(bootableImage()) });
    expect(pc.mem.read16(BDA.com1)).toBe(0x3f8);
    expect(pc.mem.read16(BDA.memorySizeKiB)).toBe(639);
    expect(pc.mem.read16(BDA.ebdaSegment)).toBe(0x9fc0);
    expect(pc.mem.read8(BDA.hardDiskCount)).toBe(1);
    expect(pc.mem.read8(0xffff0)).toBe(0xea);
    expect(pc.mem.read16(0xffff1)).toBe(0xe05b);
    expect(pc.mem.read16(0xffff3)).toBe(0xf000);
    expect(pc.mem.read8(0xfe05b)).toBe(0xfa);
    expect(pc.int(0x11).getReg16('ax')).toBe(pc.mem.read16(BDA.equipment));
    expect(pc.int(0x12).getReg16('ax')).toBe(639);
  });
});

describe('int 19h / int 18h', () => {
  it('loads the boot sector and returns into it with DL=0x80', () => {
    const pc = createTestPc({ hardDisk: createDisk(bootableImage()) });
    const r = pc.int(0x19, { ss: 0, esp: 0x7bfa });
    expect(pc.mem.read16(0x7c00)).toBe(0xfeeb);
    expect(pc.mem.read16(0x7bfa)).toBe(0x7c00); // IP of the IRET frame
    expect(pc.mem.read16(0x7bfc)).toBe(0x0000); // CS
    expect(r.getReg8('dl')).toBe(0x80);
  });

  it('says so and parks the CPU with interrupts off when nothing is bootable', () => {
    const pc = createTestPc({ hardDisk: createDisk(new Uint8Array(512)) });
    const r = pc.int(0x19, { ss: 0, esp: 0x7bfa });
    expect(pc.vga.text()).toContain('No bootable device.');
    expect(r.interrupts).toBe(false);
    expect(pc.mem.read16(0x7bfc)).toBe(0xf000);
    const ip = pc.mem.read16(0x7bfa);
    expect(pc.mem.read8(0xf0000 + ip + 1)).toBe(0xf4); // hlt
  });
});

describe('unserved hardware interrupts', () => {
  it('are acknowledged at the PIC so they do not block lower priorities', () => {
    const pc = createTestPc();
    pc.io.out(0x21, 1, 0x00);
    pc.pic.pulseIrq(5);
    expect(pc.pic.acknowledge()).toBe(0x0d);
    pc.int(0x0d);
    expect(pc.pic.master.isr).toBe(0);
    // Spurious IRQ 7: nothing in service, nothing acknowledged.
    pc.pic.pulseIrq(3);
    expect(pc.pic.acknowledge()).toBe(0x0b);
    pc.int(0x0f);
    expect(pc.pic.master.isr).toBe(0x08);
  });
});

describe('createBios', () => {
  it('hands the CPU the stub range, the lookup and the handler table', async () => {
    const { createBios } = await import('./index.ts');
    const pc = createTestPc();
    const traps = createBios(pc.ctx);
    expect(traps.start).toBe(0xf1000);
    expect(traps.end).toBe(0xf1400);
    expect(traps.stubVector(0xf1000 + 0x13 * 4)).toBe(0x13);
    expect(typeof traps.handlers[0x13]).toBe('function');
    expect(traps.handlers.length).toBe(256);
  });

  it('returns with the caller\'s interrupt flag unless the service changes it', () => {
    const pc = createTestPc();
    pc.mem.write16(0x7004, 0x0202); // FLAGS in the IRET frame at SS:SP: IF set
    expect(pc.int(0x03, { ss: 0, esp: 0x7000 }).interrupts).toBe(true);
    expect(pc.int(0x10, { eax: 0x0e41, ss: 0, esp: 0x7000 }).interrupts).toBe(true);
    pc.mem.write16(0x7004, 0x0002);
    expect(pc.int(0x10, { eax: 0x0e41, ss: 0, esp: 0x7000 }).interrupts).toBe(false);
  });
});
