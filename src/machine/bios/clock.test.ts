import { describe, expect, it } from 'vitest';
import { BDA, TICKS_PER_DAY } from './bda.ts';
import { createTestPc } from './test-support.ts';

describe('BIOS time (int 08h, int 1Ah)', () => {
  it('counts timer ticks in the BDA, wraps at midnight, and EOIs', () => {
    const pc = createTestPc({ startTimeMs: Date.UTC(2026, 0, 1, 0, 0, 0) });
    expect(pc.mem.read32(BDA.timerTicks)).toBe(0);
    pc.pit.advanceTo(pc.pit.nextEventNs());
    expect(pc.pic.acknowledge()).toBe(0x08);
    pc.int(0x08);
    expect(pc.pic.master.isr).toBe(0);
    let r = pc.int(0x1a, { eax: 0 });
    expect([r.getReg16('cx'), r.getReg16('dx'), r.getReg8('al')]).toEqual([0, 1, 0]);
    pc.mem.write32(BDA.timerTicks, TICKS_PER_DAY - 1);
    pc.int(0x08);
    r = pc.int(0x1a, { eax: 0 });
    expect([r.getReg16('cx'), r.getReg16('dx'), r.getReg8('al')]).toEqual([0, 0, 1]);
    expect(pc.int(0x1a, { eax: 0 }).getReg8('al')).toBe(0);
  });

  it('starts the tick count at the time of day', () => {
    const pc = createTestPc({ startTimeMs: Date.UTC(2026, 0, 1, 12, 0, 0) });
    expect(pc.mem.read32(BDA.timerTicks)).toBe(Math.floor(43200 * (1193182 / 65536)));
  });

  it('reads the RTC time and date in BCD', () => {
    const pc = createTestPc({ startTimeMs: Date.UTC(2026, 10, 25, 14, 30, 5) });
    pc.clock.nowNs = 10e9;
    let r = pc.int(0x1a, { eax: 0x0200 });
    expect(r.carry).toBe(false);
    expect([r.getReg8('ch'), r.getReg8('cl'), r.getReg8('dh')]).toEqual([0x14, 0x30, 0x15]);
    r = pc.int(0x1a, { eax: 0x0400 });
    expect([r.getReg8('ch'), r.getReg8('cl'), r.getReg8('dh'), r.getReg8('dl')]).toEqual([0x20, 0x26, 0x11, 0x25]);
    pc.int(0x1a, { eax: 0x0300, ecx: 0x0809, edx: 0x1000 });
    r = pc.int(0x1a, { eax: 0x0200 });
    expect([r.getReg8('ch'), r.getReg8('cl'), r.getReg8('dh')]).toEqual([0x08, 0x09, 0x10]);
  });

  it('runs a guest hook on int 1Ch by stacking a frame that enters it and returns to the interrupted code', () => {
    const pc = createTestPc();
    // The interrupted code's frame, as an IRQ pushed it: IP=0x1234, CS=0x0800, FLAGS=0x0202.
    pc.mem.write16(0x7000, 0x1234);
    pc.mem.write16(0x7002, 0x0800);
    pc.mem.write16(0x7004, 0x0202);
    let r = pc.int(0x08, { ss: 0, esp: 0x7000 });
    expect(r.getReg16('sp')).toBe(0x7000); // not hooked: nothing stacked
    pc.mem.write16(0x1c * 4, 0x0100);
    pc.mem.write16(0x1c * 4 + 2, 0x2000);
    r = pc.int(0x08, { ss: 0, esp: 0x7000 });
    expect(r.getReg16('sp')).toBe(0x6ffa);
    expect([pc.mem.read16(0x6ffa), pc.mem.read16(0x6ffc), pc.mem.read16(0x6ffe)]).toEqual([0x0100, 0x2000, 0x0002]);
    expect(pc.mem.read16(0x7000)).toBe(0x1234);
    expect(r.interrupts).toBe(false);
  });
});
