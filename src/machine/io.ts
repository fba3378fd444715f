// The port I/O bus: `in`/`out` dispatched by port number to the device that claimed it.
//
// A table of 65536 entries (one per port) makes dispatch a single array load. Ports nobody
// claimed behave like a floating ISA bus: reads return all ones and writes are dropped, which
// is what probing code (serial port detection, PS/2 presence checks) expects to see.
// A 16/32-bit access to a device that only implements byte handlers is split into byte accesses
// on consecutive ports, each dispatched again (the next port may belong to another device).

import type { IoBus, PortHandler } from './types.ts';

export interface PortIoBus extends IoBus {
  /** Claims ports `first`..`last` (inclusive) for `handler`; a later claim replaces an earlier one. */
  register(first: number, last: number, handler: PortHandler): void;
  /** Releases ports `first`..`last`. */
  unregister(first: number, last: number): void;
  /** The handler of a port, if any. */
  handlerAt(port: number): PortHandler | undefined;
  /** Optional observer of accesses to unclaimed ports (for debugging guests). */
  onUnhandled: ((port: number, size: 1 | 2 | 4, write: boolean, value: number) => void) | null;
}

class PortTable implements PortIoBus {
  private readonly handlers: (PortHandler | undefined)[] = new Array<PortHandler | undefined>(0x10000).fill(undefined);
  onUnhandled: ((port: number, size: 1 | 2 | 4, write: boolean, value: number) => void) | null = null;

  register(first: number, last: number, handler: PortHandler): void {
    if (first < 0 || last > 0xffff || first > last) throw new RangeError(`bad port range ${first}..${last}`);
    for (let p = first; p <= last; p++) this.handlers[p] = handler;
  }

  unregister(first: number, last: number): void {
    for (let p = first; p <= last; p++) this.handlers[p] = undefined;
  }

  handlerAt(port: number): PortHandler | undefined {
    return this.handlers[port & 0xffff];
  }

  in(port: number, size: 1 | 2 | 4): number {
    port &= 0xffff;
    const h = this.handlers[port];
    if (size === 1) {
      if (h?.read8) return h.read8(port) & 0xff;
    } else if (size === 2) {
      if (h?.read16) return h.read16(port) & 0xffff;
      if (h?.read8) return this.in(port, 1) | (this.in(port + 1, 1) << 8);
    } else {
      if (h?.read32) return h.read32(port) >>> 0;
      if (h?.read16 || h?.read8) return (this.in(port, 2) | (this.in(port + 2, 2) << 16)) >>> 0;
    }
    if (this.onUnhandled) this.onUnhandled(port, size, false, 0);
    return size === 1 ? 0xff : size === 2 ? 0xffff : 0xffffffff;
  }

  out(port: number, size: 1 | 2 | 4, value: number): void {
    port &= 0xffff;
    const h = this.handlers[port];
    if (size === 1) {
      if (h?.write8) return h.write8(port, value & 0xff);
    } else if (size === 2) {
      if (h?.write16) return h.write16(port, value & 0xffff);
      if (h?.write8) {
        this.out(port, 1, value);
        this.out(port + 1, 1, value >>> 8);
        return;
      }
    } else {
      if (h?.write32) return h.write32(port, value >>> 0);
      if (h?.write16 || h?.write8) {
        this.out(port, 2, value);
        this.out(port + 2, 2, value >>> 16);
        return;
      }
    }
    if (this.onUnhandled) this.onUnhandled(port, size, true, value);
  }
}

export function createIoBus(): PortIoBus {
  return new PortTable();
}
