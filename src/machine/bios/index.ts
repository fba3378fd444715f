// The BIOS, written in TypeScript. Two things connect it to a machine:
//
// 1. `installBiosData(mem, io, options)` at power-on lays out the IVT (every vector → its trap
//    stub), the stubs, the BDA/EBDA, the F000 tables and the reset vector (see layout.ts).
// 2. `createBiosHandlers(ctx)` returns the services by vector. The CPU, before executing at a
//    linear address, checks `stubVector(address)`; for v >= 0 it calls `handlers[v]` (if any)
//    with a register view, then returns as IRET does, keeping CF/ZF/IF as the handler set them.
//    A handler may return 'retry' (int 16h waiting for a key; see BiosHandlerResult).
//
// Start-up: either begin at the reset vector F000:FFF0 (real mode), which runs a few bytes of
// POST code ending in `int 19h`; or do what int 19h does directly: `loadBootSector(mem, disk)`
// and start at 0000:7C00 with DL=0x80.

import type { BiosHandler } from '../types.ts';
import { createBootService, createNoBootService } from './boot.ts';
import { createClockService, createTimerIrqHandler } from './clock.ts';
import type { BiosContext } from './context.ts';
import { createPrinterService } from './printer.ts';
import { createDiskService } from './disk.ts';
import { equipmentService, memorySizeService } from './equipment.ts';
import { createUnhandledIrqHandler } from './irq.ts';
import { createKeyboardIrqHandler, createKeyboardService } from './keyboard.ts';
import { createSerialService } from './serial-port.ts';
import { createSystemService } from './system.ts';
import { createVideoService } from './video.ts';
import { BIOS_STUB_BASE, BIOS_STUB_END, stubVector } from './layout.ts';

export type { BiosContext } from './context.ts';
export { createDisk, type Disk, type DiskKind } from './disk-image.ts';
export { hardDiskGeometry, hardDiskPhysicalGeometry, floppyGeometry, chsToLba, lbaToChs, SECTOR_SIZE, type DiskGeometry } from './geometry.ts';
export {
  BIOS_STUB_BASE, BIOS_STUB_END, BIOS_STUB_SIZE, BIOS_SEGMENT, BOOT_SECTOR_ADDRESS, HALT_LOOP_OFFSET,
  POST_ENTRY_OFFSET, RESET_VECTOR_OFFSET, stubVector, stubOffset, realAddress,
} from './layout.ts';
export { installBiosData, type BiosDataOptions } from './power-on.ts';
export { announceBoot, loadBootSector } from './boot.ts';
export { BDA } from './bda.ts';
export { memoryMap, type MemoryMapEntry } from './system.ts';

/** Handlers indexed by interrupt vector (undefined: the stub just returns; createBiosHandlers fills all 256). */
export type BiosHandlerTable = readonly (BiosHandler | undefined)[];

/**
 * Wraps a service so that, unless it decides otherwise, the caller gets back the interrupt flag
 * it had. Entering the stub through `int` or an IRQ cleared IF in the live flags, and the CPU
 * returns with the IF the handler leaves there; without this every BIOS call would return with
 * interrupts disabled. Reads FLAGS from the IRET frame at SS:SP+4.
 */
function keepCallerInterruptFlag(service: BiosHandler | undefined): BiosHandler {
  return (regs, mem) => {
    const frameFlags = mem.read16(regs.getSegBase('ss') + ((regs.getReg16('sp') + 4) & 0xffff));
    regs.setInterruptFlag((frameFlags & 0x0200) !== 0);
    return service ? service(regs, mem) : undefined;
  };
}

/** Services for all 256 vectors (vectors without a service just return, with the caller's IF). */
export function createBiosHandlers(ctx: BiosContext): BiosHandlerTable {
  const table: (BiosHandler | undefined)[] = new Array<BiosHandler | undefined>(256).fill(undefined);
  table[0x08] = createTimerIrqHandler(ctx);
  table[0x09] = createKeyboardIrqHandler(ctx);
  for (let irq = 2; irq < 8; irq++) table[0x08 + irq] = createUnhandledIrqHandler(ctx, irq);
  for (let irq = 8; irq < 16; irq++) table[0x70 + irq - 8] = createUnhandledIrqHandler(ctx, irq);
  table[0x10] = createVideoService(ctx);
  table[0x11] = equipmentService;
  table[0x12] = memorySizeService;
  table[0x13] = createDiskService(ctx);
  table[0x14] = createSerialService(ctx);
  table[0x15] = createSystemService(ctx);
  table[0x16] = createKeyboardService(ctx);
  table[0x17] = createPrinterService(ctx);
  table[0x18] = createNoBootService(ctx);
  table[0x19] = createBootService(ctx);
  table[0x1a] = createClockService(ctx);
  return table.map(keepCallerInterruptFlag);
}

/** Everything the CPU needs to serve the trap stubs (the shape of the CPU's BiosHook). */
export interface BiosTraps {
  handlers: BiosHandlerTable;
  stubVector(linear: number): number;
  /** Linear range of the stubs, for a cheap first check. */
  start: number;
  end: number;
}

export function createBios(ctx: BiosContext): BiosTraps {
  return { handlers: createBiosHandlers(ctx), stubVector, start: BIOS_STUB_BASE, end: BIOS_STUB_END };
}
