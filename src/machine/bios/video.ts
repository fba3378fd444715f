// int 10h: video services for 80×25 colour text mode.
//
// The screen is the text buffer at 0xB8000 (character, attribute per cell); the cursor position
// lives in the BDA (what programs read back) and in the CRTC cursor registers (what moves the
// blinking cursor on screen), so every service that moves the cursor updates both. Only page 0
// exists: page arguments are accepted and ignored. Of the graphics modes only 13h is set up
// (video-graphics.ts: the BDA, the cleared frame, the pixel services); asking for another leaves
// the text mode in place. Unknown functions return with registers unchanged, as
// video BIOSes do.

import type { BiosHandler, BiosRegisters, IoBus, PhysicalMemory } from '../types.ts';
import { BDA, getCursor, setCursorBda } from './bda.ts';
import { MODE_13H, readPixel, setMode13, writePixel } from './video-graphics.ts';
import type { BiosContext } from './context.ts';
import { segAddress } from './context.ts';

const TEXT_BASE = 0xb8000;
const TEXT_WINDOW_BYTES = 0x8000;
const COLUMNS = 80;
const ROWS = 25;
const BLANK_ATTR = 0x07;
const CHAR_HEIGHT = 16;

function cellAddress(row: number, column: number): number {
  return TEXT_BASE + (row * COLUMNS + column) * 2;
}

function writeCrtc(io: IoBus, index: number, value: number): void {
  io.out(0x3d4, 1, index);
  io.out(0x3d5, 1, value & 0xff);
}

/** Moves the cursor in the BDA and in the CRTC. */
export function setCursor(mem: PhysicalMemory, io: IoBus, row: number, column: number): void {
  setCursorBda(mem, row, column, 0);
  const pos = row * COLUMNS + column;
  writeCrtc(io, 0x0e, pos >> 8);
  writeCrtc(io, 0x0f, pos);
}

/**
 * Sets the cursor shape from CGA-style scan lines (0–7), scaled to the 16-line VGA font the
 * way VGA BIOSes emulate CGA cursors; bit 5 of `start` hides the cursor.
 */
export function setCursorShape(mem: PhysicalMemory, io: IoBus, start: number, end: number): void {
  mem.write8(BDA.cursorStartLine, start);
  mem.write8(BDA.cursorEndLine, end);
  let s = start & 0x3f;
  let e = end & 0x1f;
  if ((s & 0x20) === 0 && s < 8 && e < 8) {
    // Map an 8-line cell onto the 16-line font: a two-line cursor stays two lines at the bottom.
    if (e === s + 1) s = ((e + 1) * CHAR_HEIGHT) / 8 - 2;
    else s = ((s + 1) * CHAR_HEIGHT) / 8 - 1;
    e = ((e + 1) * CHAR_HEIGHT) / 8 - 1;
  }
  writeCrtc(io, 0x0a, s);
  writeCrtc(io, 0x0b, e);
}

/** Moves the rectangle rows top..bottom × columns left..right up (lines > 0) or down (lines < 0). */
export function scrollWindow(mem: PhysicalMemory, lines: number, attr: number, top: number, left: number, bottom: number, right: number): void {
  bottom = Math.min(bottom, ROWS - 1);
  right = Math.min(right, COLUMNS - 1);
  if (top > bottom || left > right) return;
  const height = bottom - top + 1;
  const blank = 0x20 | (attr << 8);
  const count = Math.abs(lines);
  const clearAll = lines === 0 || count >= height;
  for (let i = 0; i < height; i++) {
    // Scrolling up fills from the top down; scrolling down from the bottom up, so nothing is
    // overwritten before it has been copied.
    const row = lines >= 0 ? top + i : bottom - i;
    const from = lines >= 0 ? row + count : row - count;
    const copy = !clearAll && from >= top && from <= bottom;
    for (let c = left; c <= right; c++) {
      mem.write16(cellAddress(row, c), copy ? mem.read16(cellAddress(from, c)) : blank);
    }
  }
}

/** Writes one character as teletype output does (BEL, BS, CR, LF handled; scrolls at the bottom). */
export function teletype(mem: PhysicalMemory, io: IoBus, ch: number, attr: number | null): void {
  let { row, column } = getCursor(mem, 0);
  switch (ch) {
    case 0x07: return; // bell: no speaker
    case 0x08: if (column > 0) column--; break;
    case 0x0d: column = 0; break;
    case 0x0a: row++; break;
    default: {
      const a = cellAddress(row, column);
      mem.write8(a, ch);
      if (attr !== null) mem.write8(a + 1, attr);
      column++;
      if (column >= COLUMNS) {
        column = 0;
        row++;
      }
    }
  }
  if (row >= ROWS) {
    // The new bottom line is blank in light grey on black (SeaBIOS does this; the IBM BIOS
    // used the attribute under the cursor instead).
    scrollWindow(mem, row - ROWS + 1, BLANK_ATTR, 0, 0, ROWS - 1, COLUMNS - 1);
    row = ROWS - 1;
  }
  setCursor(mem, io, row, column);
}

/** Puts the BDA and the CRTC into mode `mode` (2, 3 or 7) and clears the screen unless asked not to. */
export function setTextMode(mem: PhysicalMemory, io: IoBus, mode: number, clear = true): void {
  mem.write8(BDA.videoMode, mode);
  mem.write16(BDA.videoColumns, COLUMNS);
  mem.write16(BDA.videoPageSize, 0x1000);
  mem.write16(BDA.videoPageStart, 0);
  for (let p = 0; p < 8; p++) setCursorBda(mem, 0, 0, p);
  mem.write8(BDA.activePage, 0);
  mem.write16(BDA.crtcPort, 0x3d4);
  // SeaBIOS leaves the CGA mode/palette bytes at 0 for VGA text modes; QEMU shows the same.
  mem.write8(BDA.modeControl, 0);
  mem.write8(BDA.palette, 0);
  mem.write8(BDA.videoRows, ROWS - 1);
  mem.write16(BDA.charHeight, CHAR_HEIGHT);
  mem.write8(BDA.videoControl, 0x60);
  mem.write8(BDA.videoSwitches, 0xf9);
  mem.write8(BDA.videoModeOptions, 0x51);
  mem.write8(BDA.displayCombination, 0x08);
  if (clear) {
    for (let a = TEXT_BASE; a < TEXT_BASE + TEXT_WINDOW_BYTES; a += 2) mem.write16(a, 0x20 | (BLANK_ATTR << 8));
  }
  writeCrtc(io, 0x0c, 0);
  writeCrtc(io, 0x0d, 0);
  // The mode's own register table gives the 16-line font's cursor, lines 13–14; the BDA keeps
  // the CGA-style shape 06h–07h that AH=03h reports (both as SeaBIOS leaves them).
  mem.write8(BDA.cursorStartLine, 0x06);
  mem.write8(BDA.cursorEndLine, 0x07);
  writeCrtc(io, 0x0a, 0x0d);
  writeCrtc(io, 0x0b, 0x0e);
  setCursor(mem, io, 0, 0);
}

function writeRepeated(mem: PhysicalMemory, ch: number, attr: number | null, count: number): void {
  const { row, column } = getCursor(mem, 0);
  let pos = row * COLUMNS + column;
  for (let i = 0; i < count && pos < ROWS * COLUMNS; i++, pos++) {
    const a = TEXT_BASE + pos * 2;
    mem.write8(a, ch);
    if (attr !== null) mem.write8(a + 1, attr);
  }
}

function writeString(regs: BiosRegisters, mem: PhysicalMemory, io: IoBus): void {
  const flags = regs.getReg8('al');
  const withAttributes = (flags & 0x02) !== 0;
  const moveCursor = (flags & 0x01) !== 0;
  const length = regs.getReg16('cx');
  let address = segAddress(regs, 'es', regs.getReg16('bp'));
  const saved = getCursor(mem, 0);
  setCursorBda(mem, regs.getReg8('dh'), regs.getReg8('dl'), 0);
  for (let i = 0; i < length; i++) {
    const ch = mem.read8(address++);
    const attr = withAttributes ? mem.read8(address++) : regs.getReg8('bl');
    teletype(mem, io, ch, attr);
  }
  if (!moveCursor) setCursor(mem, io, saved.row, saved.column);
}

export function createVideoService(ctx: BiosContext): BiosHandler {
  const io = ctx.io;
  return (regs, mem) => {
    const ah = regs.getReg8('ah');
    switch (ah) {
      case 0x00: {
        const mode = regs.getReg8('al') & 0x7f;
        if (mode === 2 || mode === 3 || mode === 7) setTextMode(mem, io, mode, (regs.getReg8('al') & 0x80) === 0);
        else if (mode === MODE_13H) { setMode13(mem, io, (regs.getReg8('al') & 0x80) === 0); regs.setReg8('al', 0x20); return; }
        // Mode-set returns AL = 0x30 for text modes on VGA BIOSes; callers rarely look.
        regs.setReg8('al', 0x30);
        return;
      }
      case 0x01:
        setCursorShape(mem, io, regs.getReg8('ch'), regs.getReg8('cl'));
        return;
      case 0x02:
        // A row past the screen is accepted (programs hide the cursor that way).
        setCursor(mem, io, regs.getReg8('dh'), regs.getReg8('dl'));
        return;
      case 0x03: {
        const { row, column } = getCursor(mem, 0);
        regs.setReg8('dh', row);
        regs.setReg8('dl', column);
        regs.setReg8('ch', mem.read8(BDA.cursorStartLine));
        regs.setReg8('cl', mem.read8(BDA.cursorEndLine));
        return;
      }
      case 0x05:
        if (regs.getReg8('al') === 0) mem.write8(BDA.activePage, 0);
        return;
      case 0x06:
      case 0x07: {
        const lines = regs.getReg8('al');
        const signed = ah === 0x06 ? lines : -lines;
        scrollWindow(mem, lines === 0 ? 0 : signed, regs.getReg8('bh'), regs.getReg8('ch'), regs.getReg8('cl'), regs.getReg8('dh'), regs.getReg8('dl'));
        return;
      }
      case 0x08: {
        const { row, column } = getCursor(mem, 0);
        regs.setReg16('ax', mem.read16(cellAddress(row, column)));
        return;
      }
      case 0x09:
        writeRepeated(mem, regs.getReg8('al'), regs.getReg8('bl'), regs.getReg16('cx'));
        return;
      case 0x0a:
        writeRepeated(mem, regs.getReg8('al'), null, regs.getReg16('cx'));
        return;
      case 0x0c:
        if (mem.read8(BDA.videoMode) === MODE_13H) writePixel(mem, regs.getReg16('cx'), regs.getReg16('dx'), regs.getReg8('al'));
        return;
      case 0x0d:
        if (mem.read8(BDA.videoMode) === MODE_13H) regs.setReg8('al', readPixel(mem, regs.getReg16('cx'), regs.getReg16('dx')));
        return;
      case 0x0e:
        if (mem.read8(BDA.videoMode) === MODE_13H) return;   // no font drawing in graphics
        teletype(mem, io, regs.getReg8('al'), null);
        return;
      case 0x0f:
        regs.setReg8('ah', mem.read16(BDA.videoColumns));
        regs.setReg8('al', mem.read8(BDA.videoMode));
        regs.setReg8('bh', mem.read8(BDA.activePage));
        return;
      case 0x10:
        if (regs.getReg8('al') === 0x03) {
          // Blink versus bright background: attribute controller mode register bit 3.
          io.in(0x3da, 1);
          io.out(0x3c0, 1, 0x30);
          const mode = io.in(0x3c1, 1);
          io.out(0x3c0, 1, regs.getReg8('bl') ? mode | 0x08 : mode & ~0x08);
        }
        return;
      case 0x11:
        if (regs.getReg8('al') === 0x30) {
          regs.setReg16('cx', CHAR_HEIGHT);
          regs.setReg8('dl', ROWS - 1);
        }
        return;
      case 0x12:
        if (regs.getReg8('bl') === 0x10) {
          regs.setReg8('bh', 0x00); // colour
          regs.setReg8('bl', 0x03); // 256 KiB of video memory
          regs.setReg8('ch', 0x00);
          regs.setReg8('cl', 0x09);
        }
        return;
      case 0x13:
        writeString(regs, mem, io);
        return;
      case 0x1a:
        if (regs.getReg8('al') === 0x00) {
          regs.setReg8('al', 0x1a);
          regs.setReg8('bl', 0x08); // VGA with colour display
          regs.setReg8('bh', 0x00);
        }
        return;
      default:
        return;
    }
  };
}
