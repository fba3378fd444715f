import { describe, expect, it } from 'vitest';
import { createPhysicalMemory } from './memory.ts';

describe('physical memory', () => {
  it('stores multi-byte values little-endian, aligned or not', () => {
    const m = createPhysicalMemory(2 * 1024 * 1024);
    m.write32(0x1000, 0x12345678);
    expect([m.read8(0x1000), m.read8(0x1001), m.read8(0x1002), m.read8(0x1003)]).toEqual([0x78, 0x56, 0x34, 0x12]);
    expect(m.read16(0x1001)).toBe(0x3456);
    m.write32(0x2001, 0xdeadbeef);
    expect(m.read32(0x2001)).toBe(0xdeadbeef);
    m.write16(0x3fff, 0xabcd);
    expect(m.read8(0x3fff)).toBe(0xcd);
    expect(m.read8(0x4000)).toBe(0xab);
    expect(m.read16(0x3fff)).toBe(0xabcd);
  });

  it('reads all ones beyond RAM and ignores writes there', () => {
    const m = createPhysicalMemory(1024 * 1024 * 2);
    expect(m.read8(m.size)).toBe(0xff);
    expect(m.read16(m.size - 1)).toBe(0xff00);
    expect(m.read32(0xfffffffc)).toBe(0xffffffff);
    expect(() => m.write32(m.size + 8, 1)).not.toThrow();
    m.write16(m.size - 1, 0x1234);
    expect(m.read8(m.size - 1)).toBe(0x34);
    expect(Array.from(m.readBytes(m.size - 2, 4))).toEqual([0, 0x34, 0xff, 0xff]);
    expect(m.read8(2 ** 40)).toBe(0xff);
  });

  it('wraps at 1 MiB when A20 is disabled', () => {
    const m = createPhysicalMemory(4 * 1024 * 1024);
    m.write8(0x100000, 0x11);
    m.write8(0x000000, 0x22);
    expect(m.read8(0x100000)).toBe(0x11);
    m.a20 = false;
    expect(m.read8(0x100000)).toBe(0x22);
    expect(m.read8(0x300000)).toBe(m.read8(0x200000));
    m.write16(0x10fff0, 0x5555);
    expect(m.read16(0xfff0)).toBe(0x5555);
    m.a20 = true;
    expect(m.read8(0x100000)).toBe(0x11);
  });

  it('tells the CPU about writes into pages holding cached code', () => {
    const m = createPhysicalMemory(2 * 1024 * 1024);
    const hits: number[] = [];
    m.onCodeWrite = (page) => hits.push(page);
    m.codePages[7] = 1;
    m.write8(0x6fff, 1);
    m.write8(0x7000, 1);
    m.write32(0x7ffe, 0); // unaligned, touches pages 7 and 8
    m.write32(0x8000, 0);
    m.writeBytes(0x6000, new Uint8Array(0x2000));
    expect(hits).toEqual([7, 7, 7]);
  });

  it('copies blocks in and out', () => {
    const m = createPhysicalMemory(2 * 1024 * 1024);
    m.writeBytes(0x7c00, new Uint8Array([1, 2, 3]));
    expect(Array.from(m.readBytes(0x7c00, 3))).toEqual([1, 2, 3]);
    m.copyWithin(0x500, 0x7c00, 3);
    m.fill(0x600, 9, 2);
    expect(Array.from(m.readBytes(0x500, 3))).toEqual([1, 2, 3]);
    expect(m.read16(0x600)).toBe(0x0909);
  });

  it('copies overlapping ranges front to back and respects A20 in bulk operations', () => {
    const m = createPhysicalMemory(2 * 1024 * 1024);
    m.writeBytes(0x1000, new Uint8Array([1, 2, 3, 4]));
    m.copyWithin(0x1001, 0x1000, 3); // like rep movsb forwards: the first byte repeats
    expect(Array.from(m.readBytes(0x1000, 4))).toEqual([1, 1, 1, 1]);
    m.a20 = false;
    m.writeBytes(0xffffe, new Uint8Array([7, 8, 9])); // the third byte wraps to 0
    expect([m.read8(0xffffe), m.read8(0xfffff), m.read8(0x0000)]).toEqual([7, 8, 9]);
  });
});
