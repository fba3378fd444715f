// int 13h: disk services over in-memory images. Drive 0x80 is the hard disk; drive 0x00 a
// floppy when one is attached.
//
// CHS functions use the geometry from geometry.ts; the extended functions (AH=41h–48h, "EDD")
// address sectors linearly through a Disk Address Packet, which is what modern boot loaders use.
// Every call records its status in the BDA (0x474 hard disk, 0x441 floppy) for AH=01h, and
// reports failures with CF=1 and the status in AH, using the codes real BIOSes return.

import type { BiosHandler, BiosRegisters, PhysicalMemory } from '../types.ts';
import { BDA } from './bda.ts';
import { segAddress, type BiosContext } from './context.ts';
import type { Disk } from './disk-image.ts';
import { chsToLba, packChsRegisters, SECTOR_SIZE, unpackChsRegisters } from './geometry.ts';
import { BIOS_SEGMENT, DISKETTE_TABLE_OFFSET } from './layout.ts';

/** int 13h status codes. */
export const DISK_STATUS = {
  ok: 0x00,
  badCommand: 0x01,       // invalid function or parameter
  sectorNotFound: 0x04,
  badTrack: 0x0c,         // what SeaBIOS reports when a transfer runs off the end of the disk
  writeProtected: 0x03,
  boundary: 0x09,
  noMedia: 0xaa,          // drive not ready
  notRemovable: 0xb2,
  undefinedError: 0xbb,
  timeout: 0x80,
} as const;

const MAX_CHS_SECTORS = 128;
// No 127-sector cap on packet reads: the EDD spec has one, but SeaBIOS (what QEMU runs) does not
// enforce it, and boot loaders written against QEMU load more at once (rust-osdev bootloader 0.9
// reads its whole second stage in one call).

export function createDiskService(ctx: BiosContext): BiosHandler {
  const driveFor = (dl: number): Disk | undefined => (dl === 0x80 ? ctx.hardDisk : dl === 0x00 ? ctx.floppy : undefined);

  const finish = (regs: BiosRegisters, mem: PhysicalMemory, dl: number, status: number): void => {
    mem.write8(dl & 0x80 ? BDA.hardDiskStatus : BDA.diskStatus, status);
    regs.setReg8('ah', status);
    regs.setCarry(status !== DISK_STATUS.ok);
  };

  /** Copies `count` sectors between disk and guest memory; returns [status, sectors moved]. */
  const transfer = (disk: Disk, mem: PhysicalMemory, write: boolean, lba: number, count: number, address: number): [number, number] => {
    // Move what exists before the end of the disk, then fail on the first missing sector.
    const available = Math.max(0, Math.min(count, disk.totalSectors - lba));
    if (available > 0) {
      if (write) disk.write(lba, mem.readBytes(address, available * SECTOR_SIZE));
      else mem.writeBytes(address, disk.read(lba, available)!);
    }
    return [available === count ? DISK_STATUS.ok : DISK_STATUS.badTrack, available];
  };

  const chsTransfer = (regs: BiosRegisters, mem: PhysicalMemory, disk: Disk, write: boolean): number => {
    const count = regs.getReg8('al');
    const { cylinder, sector } = unpackChsRegisters(regs.getReg16('cx'));
    const head = regs.getReg8('dh');
    if (count === 0 || count > MAX_CHS_SECTORS) return DISK_STATUS.badCommand;
    const lba = chsToLba(disk.geometry, cylinder, head, sector);
    if (lba < 0) return DISK_STATUS.badCommand; // outside the geometry: a parameter error
    const [status, moved] = transfer(disk, mem, write, lba, count, segAddress(regs, 'es', regs.getReg16('bx')));
    regs.setReg8('al', moved);
    return status;
  };

  /** Reads the Disk Address Packet at DS:SI and performs the transfer. */
  const extendedTransfer = (regs: BiosRegisters, mem: PhysicalMemory, disk: Disk, write: boolean, verifyOnly: boolean): number => {
    const packet = segAddress(regs, 'ds', regs.getReg16('si'));
    const size = mem.read8(packet);
    if (size < 0x10) return DISK_STATUS.badCommand;
    const count = mem.read16(packet + 2);
    const offset = mem.read16(packet + 4);
    const segment = mem.read16(packet + 6);
    const lbaLow = mem.read32(packet + 8);
    const lbaHigh = mem.read32(packet + 12);
    let address = (segment << 4) + offset;
    // EDD 3.0: a segment:offset of FFFF:FFFF means "use the 64-bit flat address at offset 16".
    if (segment === 0xffff && offset === 0xffff && size >= 0x18) {
      const flatHigh = mem.read32(packet + 20);
      if (flatHigh !== 0) return DISK_STATUS.badCommand;
      address = mem.read32(packet + 16);
    }
    const lba = lbaHigh * 0x100000000 + lbaLow;
    // A start past the end is a parameter error and leaves the packet alone (as SeaBIOS);
    // a transfer that starts inside but runs off the end moves what exists (below).
    if (lba >= disk.totalSectors) return DISK_STATUS.badCommand;
    if (verifyOnly) {
      const ok = lba + count <= disk.totalSectors;
      if (!ok) mem.write16(packet + 2, disk.totalSectors - lba);
      return ok ? DISK_STATUS.ok : DISK_STATUS.badTrack;
    }
    const [status, moved] = transfer(disk, mem, write, lba, count, address);
    mem.write16(packet + 2, moved); // the packet's count says how many really moved
    return status;
  };

  /** AH=48h: fills the result buffer at DS:SI. */
  const driveParameters = (regs: BiosRegisters, mem: PhysicalMemory, disk: Disk): number => {
    const buffer = segAddress(regs, 'ds', regs.getReg16('si'));
    const size = mem.read16(buffer);
    if (size < 0x1a) return DISK_STATUS.badCommand;
    const g = disk.physicalGeometry;
    mem.write16(buffer, size >= 0x1e ? 0x1e : 0x1a);
    mem.write16(buffer + 2, disk.kind === 'floppy' ? 0x0006 : 0x0002); // CHS information valid (+ removable)
    mem.write32(buffer + 4, g.cylinders);
    mem.write32(buffer + 8, g.heads);
    mem.write32(buffer + 12, g.sectorsPerTrack);
    mem.write32(buffer + 16, disk.totalSectors >>> 0);
    mem.write32(buffer + 20, Math.floor(disk.totalSectors / 0x100000000));
    mem.write16(buffer + 24, SECTOR_SIZE);
    if (size >= 0x1e) mem.write32(buffer + 26, 0xffffffff); // no EDD configuration parameters
    return DISK_STATUS.ok;
  };

  return (regs, mem) => {
    const ah = regs.getReg8('ah');
    const dl = regs.getReg8('dl');
    const disk = driveFor(dl);

    if (ah === 0x15) {
      // Get disk type. An absent floppy is "not present" (AH=0); an absent hard disk is an
      // invalid parameter (CF, AH=01h), as SeaBIOS answers.
      if (!disk) {
        const hard = (dl & 0x80) !== 0;
        regs.setReg8('ah', hard ? 0x01 : 0);
        regs.setCarry(hard);
        return;
      }
      if (disk.kind === 'floppy') {
        regs.setReg8('ah', 0x01); // floppy without change-line support
      } else {
        // Fixed disk; CX:DX = sectors in the CHS-addressable area less the last cylinder, which
        // BIOSes traditionally reserve (SeaBIOS reports exactly this).
        const g = disk.geometry;
        const sectors = (Math.min(g.cylinders, 1024) - 1) * g.heads * g.sectorsPerTrack;
        regs.setReg8('ah', 0x03);
        regs.setReg16('cx', (sectors >>> 16) & 0xffff);
        regs.setReg16('dx', sectors & 0xffff);
      }
      regs.setCarry(false);
      return;
    }

    if (!disk) {
      finish(regs, mem, dl, DISK_STATUS.badCommand);
      return;
    }

    switch (ah) {
      case 0x00: // reset
      case 0x0d: // alternate reset
      case 0x10: // test ready
      case 0x11: // recalibrate
      case 0x0c: // seek
      case 0x47: // extended seek
        finish(regs, mem, dl, DISK_STATUS.ok);
        return;
      case 0x01: {
        // Reports the previous call's status once: reading it resets it to success.
        const statusAddress = dl & 0x80 ? BDA.hardDiskStatus : BDA.diskStatus;
        const last = mem.read8(statusAddress);
        mem.write8(statusAddress, 0);
        regs.setReg8('ah', last);
        regs.setCarry(last !== 0);
        return;
      }
      case 0x02:
        finish(regs, mem, dl, chsTransfer(regs, mem, disk, false));
        return;
      case 0x03:
        finish(regs, mem, dl, chsTransfer(regs, mem, disk, true));
        return;
      case 0x04: { // verify: nothing to check on an image, but the address must exist
        const { cylinder, sector } = unpackChsRegisters(regs.getReg16('cx'));
        const lba = chsToLba(disk.geometry, cylinder, regs.getReg8('dh'), sector);
        const status = lba < 0 ? DISK_STATUS.badCommand : lba + regs.getReg8('al') <= disk.totalSectors ? DISK_STATUS.ok : DISK_STATUS.badTrack;
        finish(regs, mem, dl, status);
        return;
      }
      case 0x08: {
        const g = disk.geometry;
        // The 10-bit field covers 1024 cylinders; numbering starts at 0, and a hard disk's last
        // cylinder is reserved for diagnostics (SeaBIOS: cap at 1024, then minus 2).
        const maxCylinder = Math.max(0, Math.min(g.cylinders, 1024) - (disk.kind === 'floppy' ? 1 : 2));
        regs.setReg16('cx', packChsRegisters(maxCylinder, g.sectorsPerTrack));
        regs.setReg8('dh', g.heads - 1);
        if (disk.kind === 'floppy') {
          regs.setReg8('dl', 1);
          regs.setReg8('bl', 0x04); // 1.44 MB drive
          regs.setSeg('es', BIOS_SEGMENT);
          regs.setReg16('di', DISKETTE_TABLE_OFFSET);
        } else {
          regs.setReg8('dl', mem.read8(BDA.hardDiskCount) || 1);
        }
        regs.setReg8('al', 0);
        finish(regs, mem, dl, DISK_STATUS.ok);
        return;
      }
      case 0x41:
        if (regs.getReg16('bx') !== 0x55aa) {
          finish(regs, mem, dl, DISK_STATUS.badCommand);
          return;
        }
        regs.setReg16('bx', 0xaa55);
        regs.setReg8('ah', 0x30); // EDD 3.0
        regs.setReg16('cx', 0x0007); // packet access, locking/ejecting, EDD: what SeaBIOS reports
        regs.setCarry(false);
        return;
      case 0x42:
        finish(regs, mem, dl, extendedTransfer(regs, mem, disk, false, false));
        return;
      case 0x43:
        finish(regs, mem, dl, extendedTransfer(regs, mem, disk, true, false));
        return;
      case 0x44:
        finish(regs, mem, dl, extendedTransfer(regs, mem, disk, false, true));
        return;
      case 0x45: // lock/unlock media: nothing to lock, report "unlocked"
        regs.setReg8('al', 0);
        finish(regs, mem, dl, DISK_STATUS.ok);
        return;
      case 0x46: // eject
        finish(regs, mem, dl, DISK_STATUS.notRemovable);
        return;
      case 0x49: // media changed? never
        finish(regs, mem, dl, DISK_STATUS.ok);
        return;
      case 0x48:
        finish(regs, mem, dl, driveParameters(regs, mem, disk));
        return;
      default:
        finish(regs, mem, dl, DISK_STATUS.badCommand);
    }
  };
}
