// The BIOS Data Area at 0x400: the variables a PC BIOS shares with programs. Guests read some of
// them directly (boot code reads the memory size at 0x413; DOS-era code reads the tick count at
// 0x46C), so the BIOS services keep their state here rather than in TypeScript objects.

import type { PhysicalMemory } from '../types.ts';

export const BDA = {
  com1: 0x400,               // word ×4: serial port addresses
  lpt1: 0x408,               // word ×3: parallel ports
  ebdaSegment: 0x40e,        // word
  equipment: 0x410,          // word: installed hardware (int 11h)
  memorySizeKiB: 0x413,      // word: conventional memory (int 12h)
  shiftFlags: 0x417,         // byte: shift/ctrl/alt/lock state (int 16h AH=02h)
  shiftFlags2: 0x418,        // byte: which physical modifier keys are down
  keyboardHead: 0x41a,       // word: offset from 0x400 of the next key to read
  keyboardTail: 0x41c,       // word: offset from 0x400 of the next free slot
  keyboardBuffer: 0x41e,     // 16 words
  diskStatus: 0x441,         // byte: last floppy status
  videoMode: 0x449,          // byte
  videoColumns: 0x44a,       // word
  videoPageSize: 0x44c,      // word: bytes per page
  videoPageStart: 0x44e,     // word: offset of the active page
  cursorPositions: 0x450,    // 8 × (column byte, row byte)
  cursorEndLine: 0x460,      // byte
  cursorStartLine: 0x461,    // byte
  activePage: 0x462,         // byte
  crtcPort: 0x463,           // word: 0x3D4 for colour
  modeControl: 0x465,        // byte: value of the CGA mode register
  palette: 0x466,            // byte
  timerTicks: 0x46c,         // dword: ticks since midnight
  timerOverflow: 0x470,      // byte: midnight passed since last read
  ctrlBreak: 0x471,          // byte
  resetFlag: 0x472,          // word: 0x1234 = warm boot
  hardDiskStatus: 0x474,     // byte: last hard disk status
  hardDiskCount: 0x475,      // byte
  hardDiskControl: 0x476,    // byte: fixed disk control byte (0xC0: retries disabled, as SeaBIOS)
  lpt1Timeout: 0x478,        // byte ×3: printer time-outs (SeaBIOS: 0x14)
  keyboardBufferStart: 0x480, // word: offset from 0x400
  keyboardBufferEnd: 0x482,   // word
  videoRows: 0x484,          // byte: rows - 1
  charHeight: 0x485,         // word: scan lines per character
  videoControl: 0x487,       // byte: EGA misc info
  videoSwitches: 0x488,      // byte
  videoModeOptions: 0x489,   // byte: VGA flags
  displayCombination: 0x48a, // byte: index into the display combination table
  keyboardFlags3: 0x496,     // byte: 0x10 = 101/102-key keyboard
  keyboardLeds: 0x497,       // byte
} as const;

/** Ticks per day at 1193182/65536 Hz: the count wraps to 0 at midnight. */
export const TICKS_PER_DAY = 0x1800b0;

export function getCursor(mem: PhysicalMemory, page = 0): { row: number; column: number } {
  const a = BDA.cursorPositions + (page & 7) * 2;
  return { column: mem.read8(a), row: mem.read8(a + 1) };
}

export function setCursorBda(mem: PhysicalMemory, row: number, column: number, page = 0): void {
  const a = BDA.cursorPositions + (page & 7) * 2;
  mem.write8(a, column);
  mem.write8(a + 1, row);
}
