import { describe, expect, it } from 'vitest';
import { createIoBus } from '../io.ts';
import { createCmos } from './cmos.ts';
import { createPic } from './pic.ts';

function setup(ramSize = 128 * 1024 * 1024) {
  const clock = { nowNs: 0 };
  const bus = createIoBus();
  const cmos = createCmos({ clock, ramSize, startTimeMs: Date.UTC(2024, 1, 29, 23, 59, 58) });
  cmos.attach(bus);
  const read = (reg: number) => { bus.out(0x70, 1, reg); return bus.in(0x71, 1); };
  return { clock, bus, cmos, read };
}

describe('CMOS and RTC', () => {
  it('reports a fixed start date in BCD, advanced by guest time', () => {
    const { clock, read } = setup();
    expect([read(9), read(8), read(7), read(4), read(2), read(0), read(0x32)]).toEqual([0x24, 0x02, 0x29, 0x23, 0x59, 0x58, 0x20]);
    clock.nowNs = 2.5e9;
    expect([read(8), read(7), read(4), read(2), read(0)]).toEqual([0x03, 0x01, 0x00, 0x00, 0x00]);
  });

  it('sets update-in-progress only briefly', () => {
    const { clock, read } = setup();
    expect(read(0x0a) & 0x80).toBe(0);
    clock.nowNs = 1e9 - 100_000;
    expect(read(0x0a) & 0x80).toBe(0x80);
    clock.nowNs = 1e9 + 1;
    expect(read(0x0a) & 0x80).toBe(0);
    expect(read(0x0d)).toBe(0x80);
  });

  it('switches to binary mode and accepts writes to the clock', () => {
    const { bus, read } = setup();
    bus.out(0x70, 1, 0x0b); bus.out(0x71, 1, 0x06);
    expect(read(0)).toBe(58);
    bus.out(0x70, 1, 0x04); bus.out(0x71, 1, 10);
    expect(read(4)).toBe(10);
    expect(read(7)).toBe(29);
  });

  it('holds memory sizes from the RAM size and honours the NMI bit in the index', () => {
    const { cmos, read } = setup(128 * 1024 * 1024);
    expect(read(0x15) | (read(0x16) << 8)).toBe(640);
    expect(read(0x17) | (read(0x18) << 8)).toBe(0xffff); // capped: 64 MiB and more report 0xFFFF KiB
    expect(read(0x30) | (read(0x31) << 8)).toBe(0xffff); // capped: 64 MiB and more report 0xFFFF KiB
    expect(read(0x34) | (read(0x35) << 8)).toBe((112 * 1024 * 1024) / 65536);
    expect(read(0x14) & 0x02).toBe(0x02);
    expect(read(0x80 | 0x15)).toBe(640 & 0xff);
    expect(cmos.nmiDisabled).toBe(true);
  });

  it('reports 12-hour time with the PM bit when register B asks for it', () => {
    const { bus, read } = setup();
    bus.out(0x70, 1, 0x0b); bus.out(0x71, 1, 0x00); // 12-hour, BCD
    expect(read(4)).toBe(0x80 | 0x11); // 23:59 → 11 PM
  });

  it('raises IRQ 8 for the periodic interrupt until register C is read', () => {
    const clock = { nowNs: 0 };
    const bus = createIoBus();
    const pic = createPic();
    pic.attach(bus);
    const cmos = createCmos({ clock, ramSize: 16 * 1024 * 1024, irq: pic });
    cmos.attach(bus);
    bus.out(0xa1, 1, 0xfe); // unmask IRQ 8
    expect(cmos.nextEventNs()).toBe(Infinity);
    bus.out(0x70, 1, 0x0b); bus.out(0x71, 1, 0x42); // periodic interrupt on, 1024 Hz (rate 6)
    const at = cmos.nextEventNs();
    expect(at).toBeCloseTo(1e9 / 1024, 3);
    clock.nowNs = at;
    cmos.advanceTo(at);
    expect(pic.acknowledge()).toBe(0x70);
    bus.out(0x70, 1, 0x0c);
    expect(bus.in(0x71, 1)).toBe(0xc0);
    bus.out(0xa0, 1, 0x20); bus.out(0x20, 1, 0x20);
    clock.nowNs = cmos.nextEventNs();
    cmos.advanceTo(clock.nowNs);
    expect(pic.acknowledge()).toBe(0x70); // a new edge because reading C lowered the line
  });

  it('raises the update-ended interrupt once a second', () => {
    const clock = { nowNs: 0 };
    const cmos = createCmos({ clock, ramSize: 16 * 1024 * 1024 });
    cmos.writeRegister(0x0b, 0x12);
    expect(cmos.nextEventNs()).toBe(1e9);
    cmos.advanceTo(1e9);
    expect(cmos.readRegister(0x0c)).toBe(0x90);
    expect(cmos.nextEventNs()).toBe(2e9);
  });
});
