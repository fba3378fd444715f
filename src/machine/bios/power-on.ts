// What the BIOS leaves in memory at power-on, before the boot sector runs: the interrupt vector
// table, the trap stubs, the BIOS Data Area, the EBDA, the small tables programs look up in the
// F000 segment, and the reset vector. Also puts the screen into text mode 3 (through the CRTC
// ports, so the VGA device agrees with the BDA).

import type { IoBus, PhysicalMemory } from '../types.ts';
import { DEFAULT_RTC_START_MS } from '../devices/cmos.ts';
import { BDA } from './bda.ts';
import type { Disk } from './disk-image.ts';
import {
  BASE_MEMORY_KIB, BIOS_SEGMENT, BIOS_SEGMENT_BASE, CONFIG_TABLE_OFFSET, DISKETTE_TABLE_OFFSET, EBDA_BASE,
  EBDA_SEGMENT, HALT_LOOP_OFFSET, POST_ENTRY_OFFSET, RESET_VECTOR_OFFSET, STUB_BYTES, stubOffset,
} from './layout.ts';
import { setTextMode, teletype } from './video.ts';

export interface BiosDataOptions {
  hardDisk?: Disk | undefined;
  floppy?: Disk | undefined;
  /** Wall-clock time at power-on (ms since the epoch, UTC); sets the BDA tick count. Keep it
   *  equal to the CMOS start time so int 1Ah AH=00h and AH=02h agree. */
  startTimeMs?: number;
  /** Print the power-on banner (default true; unit tests of the video services turn it off). */
  banner?: boolean;
}

/** Harmless code for places the CPU may end up: `cli; hlt; jmp back to the hlt`. */
const HALT_LOOP = [0xfa, 0xf4, 0xeb, 0xfd];

/**
 * POST entry (F000:E05B): a stack below the boot sector, DS=ES=0, then `int 19h`, which loads
 * and starts the boot sector; should it ever return, park in a halt loop.
 */
const POST_CODE = [
  0xfa,             // cli
  0x31, 0xc0,       // xor ax, ax
  0x8e, 0xd0,       // mov ss, ax
  0xbc, 0x00, 0x7c, // mov sp, 0x7c00
  0x8e, 0xd8,       // mov ds, ax
  0x8e, 0xc0,       // mov es, ax
  0xcd, 0x19,       // int 0x19
  ...HALT_LOOP,
];

/** F000:FFF0: `jmp F000:E05B`, where a CPU starts after reset. */
const RESET_JUMP = [0xea, POST_ENTRY_OFFSET & 0xff, POST_ENTRY_OFFSET >> 8, BIOS_SEGMENT & 0xff, BIOS_SEGMENT >> 8];

/** Diskette parameter table for a 1.44 MB drive (vector 0x1E points here). */
const DISKETTE_TABLE = [0xaf, 0x02, 0x25, 0x02, 0x12, 0x1b, 0xff, 0x6c, 0xf6, 0x0f, 0x08];

/** System configuration table (int 15h AH=C0h): length, model FC (AT), submodel, revision, features. */
// As SeaBIOS's: model FCh, submodel 00h, revision 01h; feature bytes 74h (second PIC, RTC, int
// 15h/4Fh hook, EBDA) and 40h (int 16h AH=09h).
const CONFIG_TABLE = [0x08, 0x00, 0xfc, 0x00, 0x01, 0x74, 0x40, 0x00, 0x00, 0x00];

const BIOS_DATE = '11/25/26';

function putBytes(mem: PhysicalMemory, address: number, bytes: readonly number[]): void {
  mem.writeBytes(address, Uint8Array.from(bytes));
}

/** Lays out the BIOS's memory at power-on. The PIC/PIT devices start in their post-POST state on their own. */
export function installBiosData(mem: PhysicalMemory, io: IoBus, options: BiosDataOptions = {}): void {
  // Interrupt vector table and the trap stubs it points at.
  for (let v = 0; v < 256; v++) {
    mem.write16(v * 4, stubOffset(v));
    mem.write16(v * 4 + 2, BIOS_SEGMENT);
    putBytes(mem, BIOS_SEGMENT_BASE + stubOffset(v), STUB_BYTES);
  }
  mem.write16(0x1e * 4, DISKETTE_TABLE_OFFSET);

  putBytes(mem, BIOS_SEGMENT_BASE + HALT_LOOP_OFFSET, HALT_LOOP);
  putBytes(mem, BIOS_SEGMENT_BASE + DISKETTE_TABLE_OFFSET, DISKETTE_TABLE);
  putBytes(mem, BIOS_SEGMENT_BASE + POST_ENTRY_OFFSET, POST_CODE);
  putBytes(mem, BIOS_SEGMENT_BASE + CONFIG_TABLE_OFFSET, CONFIG_TABLE);
  putBytes(mem, BIOS_SEGMENT_BASE + RESET_VECTOR_OFFSET, RESET_JUMP);
  putBytes(mem, BIOS_SEGMENT_BASE + 0xfff5, Array.from(BIOS_DATE, (c) => c.charCodeAt(0)));
  mem.write8(BIOS_SEGMENT_BASE + 0xfffe, 0xfc);

  // BIOS Data Area.
  for (let a = 0x400; a < 0x500; a++) mem.write8(a, 0);
  mem.write16(BDA.com1, 0x3f8);
  mem.write16(BDA.ebdaSegment, EBDA_SEGMENT);
  mem.write16(BDA.lpt1, 0x378);
  mem.write8(BDA.lpt1Timeout, 0x14);
  // Equipment: FPU (bit 1), 80×25 colour (bits 4–5 = 10), one serial port (bits 9–11), one
  // parallel port (bits 14–15), and a floppy drive (bit 0) if one is attached.
  mem.write16(BDA.equipment, 0x0002 | 0x0020 | (1 << 9) | (1 << 14) | (options.floppy ? 0x0001 : 0));
  mem.write16(BDA.memorySizeKiB, BASE_MEMORY_KIB);
  mem.write16(BDA.keyboardBufferStart, 0x1e);
  mem.write16(BDA.keyboardBufferEnd, 0x3e);
  mem.write16(BDA.keyboardHead, 0x1e);
  mem.write16(BDA.keyboardTail, 0x1e);
  mem.write8(BDA.keyboardFlags3, 0x10); // enhanced 101/102-key keyboard
  mem.write8(BDA.hardDiskCount, options.hardDisk ? 1 : 0);
  mem.write8(BDA.hardDiskControl, 0xc0);
  const startMs = options.startTimeMs ?? DEFAULT_RTC_START_MS;
  const msToday = ((startMs % 86_400_000) + 86_400_000) % 86_400_000;
  mem.write32(BDA.timerTicks, Math.floor((msToday / 1000) * (1_193_182 / 65536)));

  // Extended BIOS Data Area: its first byte is its size in KiB.
  for (let a = EBDA_BASE; a < EBDA_BASE + 1024; a++) mem.write8(a, 0);
  mem.write8(EBDA_BASE, 1);

  setTextMode(mem, io, 3);
  // A banner where SeaBIOS (QEMU's firmware) prints its own, ending on the same row, so a boot
  // sector that prints through int 10h without clearing the screen starts on the row it starts
  // on in QEMU (int 19h adds the "Booting from ..." line, row 7, as SeaBIOS does).
  if (options.banner === false) return;
  for (const ch of `${BIOS_BANNER}\r\n\r\n\r\n\r\n\r\n\r\n\r\n`) teletype(mem, io, ch.charCodeAt(0), null);
}

/** The first line on the screen at power-on. */
export const BIOS_BANNER = 'Bootlab BIOS (written in TypeScript; no firmware image)';
