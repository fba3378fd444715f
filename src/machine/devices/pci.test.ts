import { describe, expect, it } from 'vitest';
import { createIoBus } from '../io.ts';
import { PciHost } from './pci.ts';

function rig() {
  const bus = createIoBus();
  new PciHost().attach(bus);
  const read = (slot: number, fn: number, reg: number) => {
    bus.out(0xcf8, 4, (0x80000000 | (slot << 11) | (fn << 8) | reg) >>> 0);
    return bus.in(0xcfc, 4);
  };
  const write = (slot: number, fn: number, reg: number, v: number) => {
    bus.out(0xcf8, 4, (0x80000000 | (slot << 11) | (fn << 8) | reg) >>> 0);
    bus.out(0xcfc, 4, v);
  };
  return { bus, read, write };
}

describe('PCI configuration space', () => {
  it('shows the i440FX machine functions and nothing elsewhere', () => {
    const { read } = rig();
    expect(read(0, 0, 0)).toBe(0x12378086);
    expect(read(1, 0, 0x0c) >>> 16 & 0xff).toBe(0x80);        // multi-function ISA bridge
    expect(read(1, 1, 8) >>> 8).toBe(0x010180);                // IDE
    expect(read(3, 0, 0x3c) & 0xffff).toBe(0x010b);            // e1000: pin A, line 11
    expect(read(4, 0, 0)).toBe(0xffffffff);
    expect(read(1, 2, 0)).toBe(0xffffffff);
  });

  it('sizes BARs: all ones give the size mask with the type bits, and the value comes back', () => {
    const { read, write } = rig();
    write(2, 0, 0x10, 0xffffffff);
    expect(read(2, 0, 0x10)).toBe(0xff000008);
    write(2, 0, 0x10, 0xfd000000);
    expect(read(2, 0, 0x10)).toBe(0xfd000008);
    write(3, 0, 0x14, 0xffffffff);
    expect(read(3, 0, 0x14)).toBe(0xffffffc1);
    write(0, 0, 0x10, 0xffffffff);                              // no BAR there
    expect(read(0, 0, 0x10)).toBe(0);
  });

  it('leaves port 0CF9h to the reset control and reads bytes and words of the data window', () => {
    const { bus } = rig();
    bus.out(0xcf8, 4, 0x80001000);
    expect(bus.in(0xcf8, 4)).toBe(0x80001000);
    expect(bus.in(0xcfe, 2)).toBe(0x1111);
    expect(bus.in(0xcfd, 1)).toBe(0x12);
  });
});
