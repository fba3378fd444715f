import { describe, expect, it } from 'vitest';
import { createIoBus } from '../io.ts';
import { createPic } from './pic.ts';
import { createPit, PIT_HZ } from './pit.ts';

function setup() {
  const clock = { nowNs: 0 };
  const bus = createIoBus();
  const pic = createPic();
  pic.attach(bus);
  const pit = createPit({ clock, irq: pic });
  pit.attach(bus);
  return { clock, bus, pic, pit };
}

describe('8254 PIT', () => {
  it('ticks IRQ 0 at 18.2 Hz by default, from guest time only', () => {
    const { clock, pic, pit } = setup();
    const period = (65536 * 1e9) / PIT_HZ;
    expect(pit.nextEventNs()).toBeCloseTo(period, 3);
    clock.nowNs = period - 1;
    pit.advanceTo(clock.nowNs);
    expect(pic.hasPending()).toBe(false);
    let count = 0;
    for (let t = 0; t < 1e9; t = pit.nextEventNs()) {
      clock.nowNs = pit.nextEventNs();
      pit.advanceTo(clock.nowNs);
      if (clock.nowNs > 1e9) break;
      if (pic.hasPending()) { pic.acknowledge(); count++; pic.master.isr = 0; }
    }
    expect(count).toBe(18);
  });

  it('reprograms channel 0 (mode 2, 1 kHz) and reads back a falling count via latch', () => {
    const { clock, bus, pit } = setup();
    bus.out(0x43, 1, 0x34);
    bus.out(0x40, 1, 1193 & 0xff);
    bus.out(0x40, 1, 1193 >> 8);
    expect(pit.nextEventNs()).toBeCloseTo((1193 * 1e9) / PIT_HZ, 3);
    clock.nowNs = 100_000; // 100 µs → about 119 ticks
    bus.out(0x43, 1, 0x00); // latch channel 0
    clock.nowNs = 200_000; // the latched value must not move
    const lo = bus.in(0x40, 1);
    const hi = bus.in(0x40, 1);
    expect((hi << 8) | lo).toBe(1193 - Math.floor((100_000 * PIT_HZ) / 1e9));
  });

  it('sets channel 2 OUT in port 0x61 after a mode 0 count (delay loops)', () => {
    const { clock, bus } = setup();
    bus.out(0x61, 1, (bus.in(0x61, 1) & ~0x02) | 0x01); // gate on, speaker off
    bus.out(0x43, 1, 0xb0); // channel 2, lo/hi, mode 0
    bus.out(0x42, 1, 0x00);
    bus.out(0x42, 1, 0x10); // 4096 ticks ≈ 3.43 ms
    expect(bus.in(0x61, 1) & 0x20).toBe(0);
    clock.nowNs = 3_500_000;
    expect(bus.in(0x61, 1) & 0x20).toBe(0x20);
  });

  it('toggles the refresh bit of port 0x61 as time passes', () => {
    const { clock, bus } = setup();
    const a = bus.in(0x61, 1) & 0x10;
    clock.nowNs += 15_100;
    expect(bus.in(0x61, 1) & 0x10).not.toBe(a);
  });

  it('answers the read-back command with status and count', () => {
    const { bus } = setup();
    bus.out(0x43, 1, 0xc2); // read back count and status of channel 0
    expect(bus.in(0x40, 1)).toBe(0x80 | 0x30 | 0x04); // OUT high, lo/hi access, mode 2 (as SeaBIOS programs it)
    expect(bus.in(0x40, 1)).toBe(0x00);
    expect(bus.in(0x40, 1)).toBe(0x00); // 65536 → 0x0000 at time 0
  });

  it('raises IRQ 0 once for a mode 0 one-shot', () => {
    const { clock, bus, pic, pit } = setup();
    bus.out(0x43, 1, 0x30);
    bus.out(0x40, 1, 100);
    bus.out(0x40, 1, 0);
    const at = pit.nextEventNs();
    expect(at).toBeCloseTo((100 * 1e9) / PIT_HZ, 3);
    clock.nowNs = at;
    pit.advanceTo(at);
    expect(pic.acknowledge()).toBe(0x08);
    expect(pit.nextEventNs()).toBe(Infinity);
  });

  it('counts down by two in mode 3 and freezes channel 2 while its gate is low', () => {
    const { clock, bus, pit } = setup();
    bus.out(0x43, 1, 0xb6); // channel 2, lo/hi, mode 3
    bus.out(0x42, 1, 100);
    bus.out(0x42, 1, 0);
    bus.out(0x61, 1, 0x01); // gate on: counting starts now
    clock.nowNs = (10 * 1e9) / PIT_HZ + 1; // 10 ticks
    bus.out(0x43, 1, 0x80); // latch channel 2
    expect(bus.in(0x42, 1) | (bus.in(0x42, 1) << 8)).toBe(80);
    bus.out(0x61, 1, 0x00); // gate off
    clock.nowNs += 1e6;
    expect(pit.channels[2]!.count(clock.nowNs)).toBe(80);
  });

  it('counts in BCD when asked', () => {
    const { clock, bus } = setup();
    bus.out(0x43, 1, 0x31); // channel 0, lo/hi, mode 0, BCD
    bus.out(0x40, 1, 0x00);
    bus.out(0x40, 1, 0x10); // 1000 decimal
    clock.nowNs = (1 * 1e9) / PIT_HZ + 1;
    bus.out(0x43, 1, 0x00);
    expect(bus.in(0x40, 1) | (bus.in(0x40, 1) << 8)).toBe(0x0999);
  });
});
