import { describe, expect, it } from 'vitest';
import { createIoBus } from './io.ts';

describe('port I/O bus', () => {
  it('reads all ones from unclaimed ports and drops writes', () => {
    const bus = createIoBus();
    expect(bus.in(0x1234, 1)).toBe(0xff);
    expect(bus.in(0x1234, 2)).toBe(0xffff);
    expect(bus.in(0x1234, 4)).toBe(0xffffffff);
    expect(() => bus.out(0x1234, 4, 5)).not.toThrow();
  });

  it('dispatches by port and splits wide accesses for byte-only devices', () => {
    const bus = createIoBus();
    const regs = new Uint8Array(4);
    const log: string[] = [];
    bus.register(0x100, 0x103, {
      read8: (p) => regs[p - 0x100]!,
      write8: (p, v) => { log.push(`${p.toString(16)}=${v.toString(16)}`); regs[p - 0x100] = v; },
    });
    bus.out(0x100, 4, 0x44332211);
    expect(log).toEqual(['100=11', '101=22', '102=33', '103=44']);
    expect(bus.in(0x100, 4)).toBe(0x44332211);
    expect(bus.in(0x102, 2)).toBe(0x4433);
    expect(bus.in(0x103, 2)).toBe(0xff44); // upper byte from an unclaimed port
  });

  it('uses a device\'s own wide handlers when it has them', () => {
    const bus = createIoBus();
    let got = 0;
    bus.register(0xf4, 0xf4, { write32: (_p, v) => { got = v; }, read16: () => 0xbeef });
    bus.out(0xf4, 4, 0x80000001);
    expect(got).toBe(0x80000001);
    expect(bus.in(0xf4, 2)).toBe(0xbeef);
    expect(bus.in(0xf4, 1)).toBe(0xff);
  });
});
