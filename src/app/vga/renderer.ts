// Draws VGA text-mode frames into a 720×400 RGBA pixel buffer the way the hardware does:
// 8×16 glyphs in 9-pixel-wide cells (the 9th column repeats the 8th for the line-drawing
// characters 0xC0–0xDF so box lines join, and is background otherwise), 16 colours,
// attribute bit 7 as blink or bright background, and the CRTC's cursor lines.
//
// Only cells whose look changed are redrawn, and nothing is allocated per frame: the caller
// puts `pixels` on a canvas through one ImageData made once, limited to `dirty`. DOM-free, so
// Node tests can check pixels.
import { VGA_TEXT_PALETTE } from '../../machine/devices/vga.ts';
import { CP437_FONT_8X16_BASE64 } from './cp437-font.ts';
import { CELL_HEIGHT, CELL_WIDTH, SCREEN_HEIGHT, SCREEN_WIDTH, TEXT_CELLS, TEXT_COLUMNS, type TextFrame } from './frame.ts';

function decodeBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The 256 glyphs, 16 bytes each, bit 7 = leftmost pixel. */
export const CP437_FONT = decodeBase64(CP437_FONT_8X16_BASE64);

/** A colour as a little-endian RGBA word (what a Uint32Array over ImageData holds). */
function rgba(rgb: number): number {
  return (0xff000000 | ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff)) >>> 0;
}

export interface DirtyRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class TextModeRenderer {
  /** 720×400 pixels, RGBA bytes as little-endian words. */
  readonly pixels = new Uint32Array(SCREEN_WIDTH * SCREEN_HEIGHT);
  /** The part of `pixels` the last `render` changed (width 0 when nothing). */
  readonly dirty: DirtyRect = { x: 0, y: 0, width: 0, height: 0 };
  private readonly palette = Uint32Array.from(VGA_TEXT_PALETTE, rgba);
  private readonly cells = new Uint16Array(TEXT_CELLS);
  /** Per cell, a key of everything that decides its pixels as last drawn (all ones: never). */
  private readonly drawnKey = new Float64Array(TEXT_CELLS).fill(-1);
  private cursorRow = 0;
  private cursorColumn = 0;
  private cursorVisible = false;
  private cursorStart = 14;
  private cursorEnd = 15;
  private blinkEnabled = true;
  private blinkOn = true;

  /** Takes a frame (cells may be null: unchanged) and redraws the cells that look different. */
  render(frame: TextFrame): DirtyRect {
    if (frame.cells) this.cells.set(frame.cells.subarray(0, TEXT_CELLS));
    this.cursorRow = frame.cursorRow;
    this.cursorColumn = frame.cursorColumn;
    this.cursorVisible = frame.cursorVisible;
    this.cursorStart = frame.cursorStart;
    this.cursorEnd = frame.cursorEnd;
    this.blinkEnabled = frame.blinkEnabled;
    this.blinkOn = frame.blinkOn;
    return this.redraw();
  }

  /** Forgets what was drawn, so the next render paints every cell. */
  invalidate(): void {
    this.drawnKey.fill(-1);
  }

  private redraw(): DirtyRect {
    let minCell = TEXT_CELLS;
    let maxCell = -1;
    let minCol = TEXT_COLUMNS;
    let maxCol = -1;
    const cursorCell = this.cursorVisible ? this.cursorRow * TEXT_COLUMNS + this.cursorColumn : -1;
    for (let i = 0; i < TEXT_CELLS; i++) {
      const cell = this.cells[i]!;
      const attr = cell >> 8;
      const hidden = this.blinkEnabled && (attr & 0x80) !== 0 && !this.blinkOn;
      const cursor = i === cursorCell && this.blinkOn;
      // cell (16 bits) · hidden · cursor · blink mode · cursor lines (5+5 bits)
      const key = cell + (hidden ? 0x1_0000 : 0) + (cursor ? 0x2_0000 : 0) + (this.blinkEnabled ? 0x4_0000 : 0) +
        (cursor ? this.cursorStart * 0x8_0000 + this.cursorEnd * 0x100_0000 : 0);
      if (this.drawnKey[i] === key) continue;
      this.drawnKey[i] = key;
      this.drawCell(i, cell, hidden, cursor);
      if (i < minCell) minCell = i;
      maxCell = i;
      const col = i % TEXT_COLUMNS;
      if (col < minCol) minCol = col;
      if (col > maxCol) maxCol = col;
    }
    const d = this.dirty;
    if (maxCell < 0) {
      d.x = d.y = d.width = d.height = 0;
    } else {
      const top = Math.floor(minCell / TEXT_COLUMNS);
      const bottom = Math.floor(maxCell / TEXT_COLUMNS);
      d.x = minCol * CELL_WIDTH;
      d.y = top * CELL_HEIGHT;
      d.width = (maxCol - minCol + 1) * CELL_WIDTH;
      d.height = (bottom - top + 1) * CELL_HEIGHT;
    }
    return d;
  }

  private drawCell(index: number, cell: number, hidden: boolean, cursor: boolean): void {
    const ch = cell & 0xff;
    const attr = cell >> 8;
    const bg = this.palette[this.blinkEnabled ? (attr >> 4) & 7 : attr >> 4]!;
    const fg = hidden ? bg : this.palette[attr & 0x0f]!;
    const lineGraphics = ch >= 0xc0 && ch <= 0xdf;
    const row = Math.floor(index / TEXT_COLUMNS);
    const col = index - row * TEXT_COLUMNS;
    const px = this.pixels;
    let at = row * CELL_HEIGHT * SCREEN_WIDTH + col * CELL_WIDTH;
    const glyph = ch * 16;
    const cursorFrom = cursor ? this.cursorStart : 16;
    const cursorTo = cursor ? Math.min(this.cursorEnd, 15) : -1;
    for (let y = 0; y < CELL_HEIGHT; y++, at += SCREEN_WIDTH) {
      let bits = CP437_FONT[glyph + y]!;
      if (y >= cursorFrom && y <= cursorTo) bits = 0xff;
      px[at] = bits & 0x80 ? fg : bg;
      px[at + 1] = bits & 0x40 ? fg : bg;
      px[at + 2] = bits & 0x20 ? fg : bg;
      px[at + 3] = bits & 0x10 ? fg : bg;
      px[at + 4] = bits & 0x08 ? fg : bg;
      px[at + 5] = bits & 0x04 ? fg : bg;
      px[at + 6] = bits & 0x02 ? fg : bg;
      px[at + 7] = bits & 0x01 ? fg : bg;
      // The cursor covers the whole cell width; line graphics extend into the 9th column.
      px[at + 8] = (bits & 0x01 && (lineGraphics || (y >= cursorFrom && y <= cursorTo))) ? fg : bg;
    }
  }
}
