import { describe, expect, it } from 'vitest';
import { createIoBus } from '../io.ts';
import { createCmos } from './cmos.ts';

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
});
