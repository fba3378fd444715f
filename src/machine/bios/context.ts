// What BIOS services reach besides registers and memory. Services talk to devices through the
// port bus, exactly as firmware would (CRTC cursor registers, PIC EOIs, the keyboard data port,
// CMOS), so they depend on no device object and work with whatever the machine wired up.

import type { BiosRegisters, GuestClock, IoBus } from '../types.ts';
import type { Disk } from './disk-image.ts';

export interface BiosContext {
  io: IoBus;
  /** Drive 0x80. */
  hardDisk?: Disk | undefined;
  /** Drive 0x00 (optional). */
  floppy?: Disk | undefined;
  /** Print "Booting from ..." before loading the boot sector, as SeaBIOS does (default true). */
  bootMessages?: boolean;
  /** Guest time, for services that wait (int 15h AH=86h); without it they return at once. */
  clock?: GuestClock;
}

/** Linear address of segment register `seg` : 16-bit `offset` as the CPU would form it. */
export function segAddress(regs: BiosRegisters, seg: 'es' | 'ds' | 'ss' | 'cs', offset: number): number {
  return regs.getSegBase(seg) + (offset & 0xffff);
}

/** Sets CF and AH the way most services report a failure. */
export function fail(regs: BiosRegisters, status: number): void {
  regs.setReg8('ah', status);
  regs.setCarry(true);
}

/** Clears CF and AH: success. */
export function succeed(regs: BiosRegisters): void {
  regs.setReg8('ah', 0);
  regs.setCarry(false);
}

/** Status "function not supported" (int 15h and others). */
export const UNSUPPORTED = 0x86;
