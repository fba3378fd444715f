// PCI configuration space through ports 0CF8h (address) and 0CFCh-0CFFh (data), mechanism #1,
// with the functions QEMU's default i440FX machine shows on bus 0 after SeaBIOS has set them up,
// so that programs enumerating PCI find the same devices, classes, BARs and interrupt lines:
// 00.0 host bridge 8086:1237, 01.0 PIIX3 ISA bridge 8086:7000 (multi-function), 01.1 PIIX3 IDE
// 8086:7010, 01.3 PIIX4 power management 8086:7113, 02.0 VGA 1234:1111, 03.0 e1000 8086:100e.
// Only their configuration headers exist (nothing answers at the BARs); writes change the
// command register, the interrupt line and the BARs (which read back their size mask after
// all-ones is written, as BAR sizing expects). Other functions read as all ones.

import type { PortHandler } from '../types.ts';
import type { PortIoBus } from '../io.ts';

interface FunctionSpec {
  slot: number; fn: number; vendor: number; device: number; command: number; status: number;
  revision: number; classCode: number; header: number;
  /** BARs 0-5 as SeaBIOS assigned them, with their sizes (0: none). */
  bars?: [number, number][];
  rom?: [number, number];
  irqLine?: number; irqPin?: number;
}

const SUBSYSTEM = 0x11001af4;   // Red Hat, Inc. / QEMU, as QEMU fills subsystem IDs

const FUNCTIONS: FunctionSpec[] = [
  { slot: 0, fn: 0, vendor: 0x8086, device: 0x1237, command: 0x0103, status: 0x0000, revision: 0x02, classCode: 0x060000, header: 0x00 },
  { slot: 1, fn: 0, vendor: 0x8086, device: 0x7000, command: 0x0103, status: 0x0200, revision: 0x00, classCode: 0x060100, header: 0x80 },
  { slot: 1, fn: 1, vendor: 0x8086, device: 0x7010, command: 0x0103, status: 0x0280, revision: 0x00, classCode: 0x010180, header: 0x00,
    bars: [[0, 0], [0, 0], [0, 0], [0, 0], [0xc041, 16]] },
  { slot: 1, fn: 3, vendor: 0x8086, device: 0x7113, command: 0x0103, status: 0x0280, revision: 0x03, classCode: 0x068000, header: 0x00,
    irqLine: 0x09, irqPin: 0x01 },
  { slot: 2, fn: 0, vendor: 0x1234, device: 0x1111, command: 0x0103, status: 0x0000, revision: 0x02, classCode: 0x030000, header: 0x00,
    bars: [[0xfd000008, 16 << 20], [0, 0], [0xfebf0000, 4096]], rom: [0xfebe0000, 64 << 10] },
  { slot: 3, fn: 0, vendor: 0x8086, device: 0x100e, command: 0x0103, status: 0x0000, revision: 0x03, classCode: 0x020000, header: 0x00,
    bars: [[0xfebc0000, 128 << 10], [0xc001, 64]], rom: [0xfeb80000, 256 << 10], irqLine: 0x0b, irqPin: 0x01 },
];

class PciFunction {
  readonly space = new Uint8Array(256);
  readonly barSize = new Uint32Array(7);   // BARs 0-5, then the ROM
  constructor(spec: FunctionSpec) {
    const v = new DataView(this.space.buffer);
    v.setUint16(0, spec.vendor, true); v.setUint16(2, spec.device, true);
    v.setUint16(4, spec.command, true); v.setUint16(6, spec.status, true);
    v.setUint32(8, (spec.classCode << 8) | spec.revision, true);
    this.space[0x0e] = spec.header;
    v.setUint32(0x2c, SUBSYSTEM, true);
    (spec.bars ?? []).forEach(([value, size], k) => { v.setUint32(0x10 + 4 * k, value >>> 0, true); this.barSize[k] = size; });
    if (spec.rom) { v.setUint32(0x30, spec.rom[0], true); this.barSize[6] = spec.rom[1]; }
    this.space[0x3c] = spec.irqLine ?? 0; this.space[0x3d] = spec.irqPin ?? 0;
  }
  read32(reg: number): number { return new DataView(this.space.buffer).getUint32(reg, true); }
  write32(reg: number, value: number, mask: number): void {
    const v = new DataView(this.space.buffer);
    const old = v.getUint32(reg, true);
    let next = ((old & ~mask) | (value & mask)) >>> 0;
    const bar = reg >= 0x10 && reg < 0x28 ? (reg - 0x10) / 4 : reg === 0x30 ? 6 : -1;
    if (bar >= 0) {
      const size = this.barSize[bar]!;
      if (size === 0) return;
      const io = bar < 6 && (old & 1) !== 0;
      const low = io ? old & 3 : bar === 6 ? next & 1 : old & 0xf;
      next = ((next & ~(size - 1) & (io ? 0xfffffffc : bar === 6 ? 0xfffff800 : 0xfffffff0)) | low) >>> 0;
    } else if (reg === 0x04) next = (old & 0xffff0000) | (next & 0x0000ffff);   // status: not writable here
    else if (reg === 0x3c) next = (old & 0xffffff00) | (next & 0xff);
    else return;
    v.setUint32(reg, next, true);
  }
}

export class PciHost {
  private address = 0;
  private readonly functions = new Map<number, PciFunction>();

  constructor() {
    for (const spec of FUNCTIONS) this.functions.set((spec.slot << 3) | spec.fn, new PciFunction(spec));
  }

  /** The function the address register selects (bus 0 only), or undefined. */
  private selected(): PciFunction | undefined {
    if (!(this.address & 0x80000000) || ((this.address >>> 16) & 0xff) !== 0) return undefined;
    return this.functions.get((this.address >>> 8) & 0xff);
  }

  private readData(offset: number, size: number): number {
    const f = this.selected();
    const reg = this.address & 0xfc;
    const word = f ? f.read32(reg) : 0xffffffff;
    const shifted = word >>> (8 * offset);
    return size === 4 ? shifted >>> 0 : shifted & (size === 2 ? 0xffff : 0xff);
  }

  private writeData(offset: number, size: number, value: number): void {
    const f = this.selected();
    if (!f) return;
    const mask = (size === 4 ? 0xffffffff : size === 2 ? 0xffff : 0xff) << (8 * offset);
    f.write32(this.address & 0xfc, (value << (8 * offset)) >>> 0, mask >>> 0);
  }

  readonly addressPort: PortHandler = {
    read32: () => this.address >>> 0,
    write32: (_p, v) => { this.address = (v & 0x80fffffc) >>> 0; },
  };

  readonly dataPorts: PortHandler = {
    read8: (p) => this.readData(p - 0xcfc, 1),
    read16: (p) => this.readData(p - 0xcfc, 2),
    read32: (p) => this.readData(p - 0xcfc, 4),
    write8: (p, v) => this.writeData(p - 0xcfc, 1, v),
    write16: (p, v) => this.writeData(p - 0xcfc, 2, v),
    write32: (p, v) => this.writeData(p - 0xcfc, 4, v),
  };

  attach(bus: PortIoBus): void {
    // Only dword accesses at 0CF8h reach the address register; 0CF9h is the reset control.
    bus.register(0xcf8, 0xcf8, this.addressPort);
    bus.register(0xcfc, 0xcff, this.dataPorts);
  }
}
