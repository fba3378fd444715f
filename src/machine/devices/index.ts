// The standard set of PC devices, created and attached to a port bus in one call, wired to each
// other as on a motherboard: every interrupt source drives the PIC pair, the keyboard controller
// and port 0x92 drive the memory's A20 gate, the PIT and CMOS read guest time from the shared
// clock. The machine keeps the returned objects to feed input (keyboard, serial), read the
// screen (vga), ask the CPU's interrupt questions (pic) and advance time (timed).

import type { PortIoBus } from '../io.ts';
import type { GuestClock, PhysicalMemory, TimedDevice } from '../types.ts';
import { Cmos } from './cmos.ts';
import { DebugExit } from './debug-exit.ts';
import { DualPic } from './pic.ts';
import { Pit } from './pit.ts';
import { ParallelPort } from './parallel.ts';
import { PciHost } from './pci.ts';
import { Port92 } from './port92.ts';
import { Ps2Controller } from './ps2.ts';
import { ResetControl } from './reset-control.ts';
import { Uart16550 } from './serial.ts';
import { VgaText } from './vga.ts';

export interface PcDeviceOptions {
  memory: PhysicalMemory;
  io: PortIoBus;
  clock: GuestClock;
  /** RTC date at guest time 0 (ms since the epoch, UTC); default DEFAULT_RTC_START_MS. */
  rtcStartTimeMs?: number;
  /** Report a floppy drive in CMOS. */
  floppy?: boolean;
  /** Bytes the guest sends on COM1. */
  onSerialOutput?: (byte: number) => void;
  /** The guest asked for a reset (8042 command 0xFE / output port, port 0x92 bit 0, port 0xCF9). */
  onReset?: () => void;
  /** The guest wrote to isa-debug-exit (port 0xF4). */
  onDebugExit?: (code: number) => void;
}

export interface PcDevices {
  pic: DualPic;
  pit: Pit;
  cmos: Cmos;
  serial: Uart16550;
  keyboard: Ps2Controller;
  vga: VgaText;
  port92: Port92;
  resetControl: ResetControl;
  debugExit: DebugExit;
  lpt1: ParallelPort;
  pci: PciHost;
  /** Devices that act at guest times: ask nextEventNs(), call advanceTo(now). */
  timed: TimedDevice[];
}

export function createPcDevices(options: PcDeviceOptions): PcDevices {
  const { memory, io, clock } = options;
  const pic = new DualPic();
  const pit = new Pit({ clock, irq: pic });
  const cmos = new Cmos({
    clock,
    ramSize: memory.size,
    ...(options.rtcStartTimeMs !== undefined ? { startTimeMs: options.rtcStartTimeMs } : {}),
    ...(options.floppy !== undefined ? { floppy: options.floppy } : {}),
    irq: pic,
  });
  const serial = new Uart16550({ irq: pic, ...(options.onSerialOutput ? { onOutput: options.onSerialOutput } : {}) });
  const keyboard = new Ps2Controller({ irq: pic, memory, ...(options.onReset ? { onReset: options.onReset } : {}) });
  const vga = new VgaText(memory);
  const port92 = new Port92({ memory, ...(options.onReset ? { onReset: options.onReset } : {}) });
  const resetControl = new ResetControl(options.onReset);
  const debugExit = new DebugExit(options.onDebugExit);
  const lpt1 = new ParallelPort();
  const pci = new PciHost();
  for (const device of [pic, pit, cmos, serial, keyboard, vga, port92, resetControl, debugExit, lpt1, pci]) device.attach(io);
  return { pic, pit, cmos, serial, keyboard, vga, port92, resetControl, debugExit, lpt1, pci, timed: [pit, cmos] };
}

export { DualPic, Pic8259, createPic } from './pic.ts';
export { Pit, createPit, PIT_HZ } from './pit.ts';
export { Cmos, createCmos, DEFAULT_RTC_START_MS } from './cmos.ts';
export { Uart16550, createSerial } from './serial.ts';
export { Ps2Controller, createPs2Controller } from './ps2.ts';
export { keyToScanCode, keyStrokeScanCodes, scanCodeBytes } from './scancodes.ts';
export { VgaText, createVga, CP437_TO_UNICODE, VGA_TEXT_PALETTE, TEXT_COLUMNS, TEXT_ROWS, TEXT_CELLS, type CursorState, type FrameInfo } from './vga.ts';
export { Port92, createPort92 } from './port92.ts';
export { ParallelPort, LPT1_BASE } from './parallel.ts';
export { PciHost } from './pci.ts';
export { ResetControl, createResetControl } from './reset-control.ts';
export { DebugExit, createDebugExit, qemuExitStatus, DEBUG_EXIT_PORT } from './debug-exit.ts';
