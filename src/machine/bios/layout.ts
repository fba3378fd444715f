// Where the BIOS keeps things in guest memory (all linear addresses).
//
// There is no BIOS binary. Every interrupt vector points at a 4-byte "trap stub" in the F000
// segment; when the CPU is about to execute a stub it runs the matching TypeScript handler
// instead and returns as IRET would. The stub bytes themselves are `iret; nop; nop; nop`, so a
// CPU that did execute one would simply return.
//
//   F000:1000 + v*4   trap stub of vector v (v = 0..255)        linear 0xF1000–0xF13FF
//   F000:1400         `cli; hlt; jmp $-1` (where a dead end parks the CPU: int 18h)
//   F000:1410         diskette parameter table (vector 0x1E points here, as on a PC)
//   F000:E05B         POST entry: set up a stack and `int 19h` (the reset vector jumps here)
//   F000:E6F5         system configuration table (int 15h AH=C0h)
//   F000:FFF0         reset vector: `jmp F000:E05B`
//   F000:FFF5         BIOS date "MM/DD/YY", F000:FFFE model byte (0xFC, AT class)
//   0000:0400         BIOS Data Area (see bda.ts)
//   9FC0:0000         Extended BIOS Data Area (1 KiB, just below 640 KiB)

export const BIOS_SEGMENT = 0xf000;
export const BIOS_SEGMENT_BASE = 0xf0000;
/** Offset of vector 0's stub in the F000 segment. */
export const BIOS_STUB_OFFSET = 0x1000;
/** Linear address of vector 0's stub; vector v's stub is at BIOS_STUB_BASE + v*4. */
export const BIOS_STUB_BASE = BIOS_SEGMENT_BASE + BIOS_STUB_OFFSET;
export const BIOS_STUB_SIZE = 4;
export const BIOS_STUB_END = BIOS_STUB_BASE + 256 * BIOS_STUB_SIZE;
/** What each stub contains: iret, then nops. */
export const STUB_BYTES = [0xcf, 0x90, 0x90, 0x90] as const;

export const HALT_LOOP_OFFSET = 0x1400;
export const DISKETTE_TABLE_OFFSET = 0x1410;
export const POST_ENTRY_OFFSET = 0xe05b;
export const CONFIG_TABLE_OFFSET = 0xe6f5;
export const RESET_VECTOR_OFFSET = 0xfff0;

export const BDA_BASE = 0x400;
export const EBDA_SEGMENT = 0x9fc0;
export const EBDA_BASE = EBDA_SEGMENT << 4;
/** Conventional memory the BIOS reports: everything below the EBDA. */
export const BASE_MEMORY_KIB = EBDA_BASE >> 10;

export const BOOT_SECTOR_ADDRESS = 0x7c00;

/** F000 offset of vector `vector`'s trap stub. */
export function stubOffset(vector: number): number {
  return BIOS_STUB_OFFSET + vector * BIOS_STUB_SIZE;
}

/**
 * The vector whose trap stub starts at `linearAddress` (CS base + IP), or -1 when the address is
 * not the first byte of a stub. The CPU asks this before executing at an address in the stub
 * range, so it must be cheap: two compares and a mask.
 */
export function stubVector(linearAddress: number): number {
  if (linearAddress < BIOS_STUB_BASE || linearAddress >= BIOS_STUB_END) return -1;
  const offset = linearAddress - BIOS_STUB_BASE;
  return (offset & (BIOS_STUB_SIZE - 1)) === 0 ? offset >> 2 : -1;
}

/** Linear address of segment:offset in real mode. */
export function realAddress(segment: number, offset: number): number {
  return ((segment & 0xffff) << 4) + (offset & 0xffff);
}
