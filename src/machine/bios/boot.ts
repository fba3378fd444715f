// Booting: int 19h loads sector 0 of the boot drive to 0000:7C00 and starts it with DL = the
// drive number; int 18h is where a PC goes when nothing is bootable.
//
// A handler cannot jump, but it returns through the IRET frame on the guest stack (SS:SP points
// at IP, CS, FLAGS when the handler runs), so it "jumps" by rewriting that frame: int 19h points
// it at 0000:7C00, int 18h at the halt loop in the F000 segment with interrupts off, which stops
// the machine (StopReason 'hlt') after printing why.

import type { BiosHandler, BiosRegisters, IoBus, PhysicalMemory } from '../types.ts';
import type { BiosContext } from './context.ts';
import type { Disk } from './disk-image.ts';
import { SECTOR_SIZE } from './geometry.ts';
import { BIOS_SEGMENT, BOOT_SECTOR_ADDRESS, HALT_LOOP_OFFSET } from './layout.ts';
import { teletype } from './video.ts';

/** Copies sector 0 of `disk` to 0x7C00. False when the disk is empty or lacks the 0x55AA signature. */
export function loadBootSector(mem: PhysicalMemory, disk: Disk): boolean {
  const sector = disk.read(0, 1);
  if (!sector) return false;
  mem.writeBytes(BOOT_SECTOR_ADDRESS, sector);
  return sector[SECTOR_SIZE - 2] === 0x55 && sector[SECTOR_SIZE - 1] === 0xaa;
}

/** Makes the pending IRET go to `segment:offset` instead of back to the caller. */
export function redirectReturn(regs: BiosRegisters, mem: PhysicalMemory, segment: number, offset: number): void {
  const frame = regs.getSegBase('ss') + regs.getReg16('sp');
  mem.write16(frame, offset);
  mem.write16(frame + 2, segment);
}

function print(mem: PhysicalMemory, io: IoBus, text: string): void {
  for (const ch of text) teletype(mem, io, ch.charCodeAt(0), null);
}

/** The line SeaBIOS prints before it loads a boot sector (row 7, under the banner). */
export function announceBoot(mem: PhysicalMemory, io: IoBus, drive: number): void {
  print(mem, io, `Booting from ${drive >= 0x80 ? 'Hard Disk' : 'Floppy'}...\r\n`);
}

function noBootDevice(regs: BiosRegisters, mem: PhysicalMemory, io: IoBus, message: string): void {
  print(mem, io, message);
  regs.setInterruptFlag(false);
  redirectReturn(regs, mem, BIOS_SEGMENT, HALT_LOOP_OFFSET);
}

/** int 18h: no bootable device. */
export function createNoBootService(ctx: BiosContext): BiosHandler {
  return (regs, mem) => noBootDevice(regs, mem, ctx.io, 'No bootable device.\r\n');
}

/** int 19h: bootstrap loader. Tries the hard disk, then the floppy. */
export function createBootService(ctx: BiosContext): BiosHandler {
  return (regs, mem) => {
    const candidates: [Disk | undefined, number][] = [[ctx.hardDisk, 0x80], [ctx.floppy, 0x00]];
    for (const [disk, drive] of candidates) {
      if (!disk) continue;
      if (ctx.bootMessages !== false) announceBoot(mem, ctx.io, drive);
      if (loadBootSector(mem, disk)) {
        regs.setReg8('dl', drive);
        regs.setInterruptFlag(true); // the boot sector starts with interrupts on, as on a PC
        redirectReturn(regs, mem, 0x0000, BOOT_SECTOR_ADDRESS);
        return;
      }
      print(mem, ctx.io, 'Boot failed: not a bootable disk\r\n\r\n');
    }
    noBootDevice(regs, mem, ctx.io, 'No bootable device.\r\n');
  };
}
