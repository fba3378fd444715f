// A small PC without a CPU for BIOS tests: memory, port bus, PIC, PIT, CMOS, keyboard
// controller and VGA wired as a machine would wire them, the BIOS data laid out, and the
// handler table. Tests call handlers with FakeRegisters.

import { createIoBus } from '../io.ts';
import { createPhysicalMemory } from '../memory.ts';
import { createCmos } from '../devices/cmos.ts';
import { createPic } from '../devices/pic.ts';
import { createPit } from '../devices/pit.ts';
import { createPs2Controller } from '../devices/ps2.ts';
import { createVga } from '../devices/vga.ts';
import type { BiosHandlerResult } from '../types.ts';
import { FakeRegisters, type FakeRegisterValues } from './fake-registers.ts';
import { createBiosHandlers, installBiosData } from './index.ts';
import type { Disk } from './disk-image.ts';

export interface TestPcOptions {
  hardDisk?: Disk;
  floppy?: Disk;
  ramSize?: number;
  startTimeMs?: number;
}

export function createTestPc(options: TestPcOptions = {}) {
  const clock = { nowNs: 0 };
  const mem = createPhysicalMemory(options.ramSize ?? 16 * 1024 * 1024);
  const io = createIoBus();
  const pic = createPic();
  pic.attach(io);
  const pit = createPit({ clock, irq: pic });
  pit.attach(io);
  const cmos = createCmos({ clock, ramSize: mem.size, ...(options.startTimeMs !== undefined ? { startTimeMs: options.startTimeMs } : {}) });
  cmos.attach(io);
  const kbc = createPs2Controller({ irq: pic, memory: mem });
  kbc.attach(io);
  const vga = createVga(mem);
  vga.attach(io);
  const ctx = { io, hardDisk: options.hardDisk, floppy: options.floppy };
  installBiosData(mem, io, { hardDisk: options.hardDisk, floppy: options.floppy, banner: false, ...(options.startTimeMs !== undefined ? { startTimeMs: options.startTimeMs } : {}) });
  const handlers = createBiosHandlers(ctx);
  /** Runs `int vector` with the given registers; returns the registers and the handler's result. */
  const int = (vector: number, init: FakeRegisterValues = {}): FakeRegisters & { result: BiosHandlerResult } => {
    const regs = new FakeRegisters({ ss: 0, esp: 0x7000, ...init }) as FakeRegisters & { result: BiosHandlerResult };
    const handler = handlers[vector];
    if (!handler) throw new Error(`no handler for vector ${vector.toString(16)}`);
    regs.result = handler(regs, mem);
    return regs;
  };
  return { clock, mem, io, pic, pit, cmos, kbc, vga, ctx, handlers, int };
}
