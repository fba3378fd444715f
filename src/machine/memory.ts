// Guest physical memory: one Uint8Array of RAM addressed by physical address.
//
// Why it looks the way it does:
// - Multi-byte accesses are little-endian. Aligned 16/32-bit accesses go through Uint16Array /
//   Uint32Array views of the same buffer when the host is little-endian (every browser and Node
//   host we target is), which is one typed-array load instead of two or four.
// - The A20 gate: with A20 disabled the chipset forces bit 20 of every address to 0, so 1 MiB
//   wraps to 0 as on an 8086. Boot code tests for this, so it must really happen.
// - Accesses beyond RAM behave like an empty bus: reads return all ones, writes vanish. A
//   runaway guest must not crash the emulator with an exception from here.
// - The CPU caches decoded instructions per 4 KiB page. It marks such pages in `codePages`;
//   every write checks the mark (one typed-array load and a branch) and calls `onCodeWrite` for
//   a marked page so the CPU can drop its stale decodings. The memory never clears a mark itself:
//   the callback decides (usually: drop the cache, clear the mark).

import type { PhysicalMemory } from './types.ts';

export const DEFAULT_RAM_SIZE = 128 * 1024 * 1024;
export const PAGE_SHIFT = 12;
export const PAGE_SIZE = 1 << PAGE_SHIFT;

const A20_BIT = 0x100000;

/** PhysicalMemory plus what the CPU needs to keep its decoded-code cache honest. */
export interface GuestMemory extends PhysicalMemory {
  /** One entry per 4 KiB page; non-zero when the CPU holds decoded code from that page. */
  readonly codePages: Uint8Array;
  /** Called after a write touched a page whose `codePages` entry is non-zero. */
  onCodeWrite: ((page: number) => void) | null;
  /** Applies the A20 gate to an address (what every access does first). */
  translate(addr: number): number;
  /** Copies `length` bytes inside guest memory (as `rep movs` would, front to back). */
  copyWithin(dest: number, src: number, length: number): void;
  /** Fills `length` bytes with `value`. */
  fill(addr: number, value: number, length: number): void;
}

const hostIsLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

class RamMemory implements GuestMemory {
  readonly size: number;
  readonly ram: Uint8Array;
  readonly codePages: Uint8Array;
  onCodeWrite: ((page: number) => void) | null = null;
  a20 = true;
  // Views of the same buffer for aligned accesses. They read host byte order, so a big-endian
  // host gets BigEndianHostMemory below, which composes multi-byte values from bytes instead.
  protected readonly ram16: Uint16Array;
  protected readonly ram32: Uint32Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 0x100000 || size % PAGE_SIZE !== 0) {
      throw new RangeError(`RAM size must be a multiple of 4 KiB and at least 1 MiB (got ${size})`);
    }
    this.size = size;
    this.ram = new Uint8Array(size);
    this.codePages = new Uint8Array(size >>> PAGE_SHIFT);
    this.ram16 = new Uint16Array(this.ram.buffer);
    this.ram32 = new Uint32Array(this.ram.buffer);
  }

  translate(addr: number): number {
    // `addr & A20_BIT` looks only at the low 32 bits, which is where bit 20 lives, so this is
    // right for addresses above 4 GiB too (a plain `& ~A20_BIT` would truncate them).
    return this.a20 ? addr : addr - (addr & A20_BIT);
  }

  private noteWrite(addr: number): void {
    const page = addr >>> PAGE_SHIFT;
    if (this.codePages[page] !== 0 && this.onCodeWrite !== null) this.onCodeWrite(page);
  }

  read8(addr: number): number {
    if (!this.a20) addr -= addr & A20_BIT;
    return addr < this.size ? this.ram[addr]! : 0xff;
  }

  write8(addr: number, value: number): void {
    if (!this.a20) addr -= addr & A20_BIT;
    if (addr >= this.size) return;
    this.ram[addr] = value;
    if (this.codePages[addr >>> PAGE_SHIFT] !== 0) this.noteWrite(addr);
  }

  read16(addr: number): number {
    if (!this.a20) addr -= addr & A20_BIT;
    if ((addr & 1) === 0 && addr < this.size) return this.ram16[addr >>> 1]!;
    return this.read8(addr) | (this.read8(addr + 1) << 8);
  }

  write16(addr: number, value: number): void {
    if (!this.a20) addr -= addr & A20_BIT;
    if ((addr & 1) === 0 && addr < this.size) {
      this.ram16[addr >>> 1] = value;
      // An aligned word never crosses a page, so one mark covers it.
      if (this.codePages[addr >>> PAGE_SHIFT] !== 0) this.noteWrite(addr);
      return;
    }
    this.write8(addr, value & 0xff);
    this.write8(addr + 1, (value >>> 8) & 0xff);
  }

  read32(addr: number): number {
    if (!this.a20) addr -= addr & A20_BIT;
    if ((addr & 3) === 0 && addr < this.size) return this.ram32[addr >>> 2]!;
    return (this.read16(addr) | (this.read16(addr + 2) << 16)) >>> 0;
  }

  write32(addr: number, value: number): void {
    if (!this.a20) addr -= addr & A20_BIT;
    if ((addr & 3) === 0 && addr < this.size) {
      this.ram32[addr >>> 2] = value;
      if (this.codePages[addr >>> PAGE_SHIFT] !== 0) this.noteWrite(addr);
      return;
    }
    this.write16(addr, value & 0xffff);
    this.write16(addr + 2, (value >>> 16) & 0xffff);
  }

  writeBytes(addr: number, bytes: Uint8Array): void {
    // With A20 off a range may straddle the 1 MiB wrap; byte by byte is right then (and rare).
    if (!this.a20) {
      for (let i = 0; i < bytes.length; i++) this.write8(addr + i, bytes[i]!);
      return;
    }
    const inRam = Math.max(0, Math.min(bytes.length, this.size - addr));
    if (inRam === 0) return;
    this.ram.set(inRam === bytes.length ? bytes : bytes.subarray(0, inRam), addr);
    this.noteRange(addr, inRam);
  }

  readBytes(addr: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    if (!this.a20) {
      for (let i = 0; i < length; i++) out[i] = this.read8(addr + i);
      return out;
    }
    const inRam = Math.max(0, Math.min(length, this.size - addr));
    if (inRam > 0) out.set(this.ram.subarray(addr, addr + inRam));
    out.fill(0xff, inRam);
    return out;
  }

  copyWithin(dest: number, src: number, length: number): void {
    if (this.a20 && dest + length <= this.size && src + length <= this.size && (dest >= src + length || src >= dest + length)) {
      this.ram.copyWithin(dest, src, src + length);
      this.noteRange(dest, length);
      return;
    }
    for (let i = 0; i < length; i++) this.write8(dest + i, this.read8(src + i));
  }

  fill(addr: number, value: number, length: number): void {
    if (this.a20 && addr + length <= this.size) {
      this.ram.fill(value, addr, addr + length);
      this.noteRange(addr, length);
      return;
    }
    for (let i = 0; i < length; i++) this.write8(addr + i, value);
  }

  /** Tells the CPU about every marked page in [addr, addr+length). */
  private noteRange(addr: number, length: number): void {
    if (length <= 0) return;
    const last = (addr + length - 1) >>> PAGE_SHIFT;
    for (let page = addr >>> PAGE_SHIFT; page <= last; page++) {
      if (this.codePages[page] !== 0 && this.onCodeWrite !== null) this.onCodeWrite(page);
    }
  }
}

/** For big-endian hosts: multi-byte accesses built from bytes (the typed views would swap them). */
class BigEndianHostMemory extends RamMemory {
  override read16(addr: number): number {
    return this.read8(addr) | (this.read8(addr + 1) << 8);
  }
  override write16(addr: number, value: number): void {
    this.write8(addr, value & 0xff);
    this.write8(addr + 1, (value >>> 8) & 0xff);
  }
  override read32(addr: number): number {
    return (this.read16(addr) | (this.read16(addr + 2) << 16)) >>> 0;
  }
  override write32(addr: number, value: number): void {
    this.write16(addr, value & 0xffff);
    this.write16(addr + 2, (value >>> 16) & 0xffff);
  }
}

/** Creates zeroed guest RAM of `size` bytes (a multiple of 4 KiB, at least 1 MiB), A20 enabled. */
export function createPhysicalMemory(size: number = DEFAULT_RAM_SIZE): GuestMemory {
  return hostIsLittleEndian ? new RamMemory(size) : new BigEndianHostMemory(size);
}
