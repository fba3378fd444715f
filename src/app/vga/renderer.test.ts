import { describe, expect, it } from 'vitest';
import { CELL_HEIGHT, CELL_WIDTH, SCREEN_WIDTH, TEXT_CELLS, type TextFrame } from './frame.ts';
import { CP437_FONT, TextModeRenderer } from './renderer.ts';

const BLACK = 0xff000000;
const rgba = (rgb: number) => (0xff000000 | ((rgb & 0xff) << 16) | (rgb & 0xff00) | (rgb >> 16)) >>> 0;

function frame(cells: Uint16Array | null, patch: Partial<TextFrame> = {}): TextFrame {
  return { cells, cursorRow: 0, cursorColumn: 0, cursorVisible: false, cursorStart: 14, cursorEnd: 15, blinkEnabled: true, blinkOn: true, ...patch };
}

/** The 9×16 pixels of a cell as strings of '#' (not background) and '.'. */
function cellPixels(r: TextModeRenderer, row: number, col: number, bg: number): string[] {
  const out: string[] = [];
  for (let y = 0; y < CELL_HEIGHT; y++) {
    let line = '';
    for (let x = 0; x < CELL_WIDTH; x++) line += r.pixels[(row * CELL_HEIGHT + y) * SCREEN_WIDTH + col * CELL_WIDTH + x] === bg ? '.' : '#';
    out.push(line);
  }
  return out;
}

describe('TextModeRenderer', () => {
  it('draws glyphs from the font in their colours, the 9th column blank for letters', () => {
    const cells = new Uint16Array(TEXT_CELLS);
    cells[0] = 0x1f41; // 'A' white on blue
    const r = new TextModeRenderer();
    r.render(frame(cells));
    const blue = rgba(0x0000aa);
    const px = cellPixels(r, 0, 0, blue);
    for (let y = 0; y < 16; y++) {
      const bits = CP437_FONT[0x41 * 16 + y]!;
      expect(px[y]).toBe([...Array(8)].map((_, x) => (bits & (0x80 >> x) ? '#' : '.')).join('') + '.');
    }
    expect(r.pixels[0 * SCREEN_WIDTH + 2]).toBe(blue); // top scan line of 'A' is empty
    expect(px.some((l) => l.includes('#'))).toBe(true);
    expect(r.pixels[5 * SCREEN_WIDTH + 3 * 9]).toBe(BLACK); // another cell: black on black
  });

  it('repeats the 8th column in the 9th for line-drawing characters only', () => {
    const cells = new Uint16Array(TEXT_CELLS);
    cells[0] = 0x07c4; // ─
    cells[1] = 0x07b3; // │ (outside 0xC0–0xDF)
    const r = new TextModeRenderer();
    r.render(frame(cells));
    const horizontal = cellPixels(r, 0, 0, BLACK).find((l) => l.includes('#'))!;
    expect(horizontal).toBe('#########');
    expect(cellPixels(r, 0, 1, BLACK).every((l) => l[8] === '.')).toBe(true);
  });

  it('blinks characters with attribute bit 7, or shows a bright background when blinking is off', () => {
    const cells = new Uint16Array(TEXT_CELLS);
    cells[0] = 0x8f58; // blinking white 'X' on black
    const r = new TextModeRenderer();
    r.render(frame(cells, { blinkOn: false }));
    expect(cellPixels(r, 0, 0, BLACK).join('')).not.toContain('#');
    r.render(frame(null, { blinkOn: true }));
    expect(cellPixels(r, 0, 0, BLACK).join('')).toContain('#');
    r.render(frame(null, { blinkEnabled: false }));
    expect(r.pixels[0]).toBe(rgba(0x555555)); // background 8: dark grey
  });

  it('draws the hardware cursor on its scan lines while the blink phase shows it', () => {
    const cells = new Uint16Array(TEXT_CELLS).fill(0x0720);
    const r = new TextModeRenderer();
    r.render(frame(cells, { cursorVisible: true, cursorRow: 1, cursorColumn: 2, cursorStart: 14, cursorEnd: 15 }));
    expect(cellPixels(r, 1, 2, BLACK).map((l) => l[0]).join('')).toBe('..............##');
    r.render(frame(null, { cursorVisible: true, cursorRow: 1, cursorColumn: 2, blinkOn: false }));
    expect(cellPixels(r, 1, 2, BLACK).join('')).not.toContain('#');
  });

  it('redraws only cells that changed and reports their bounding box', () => {
    const cells = new Uint16Array(TEXT_CELLS).fill(0x0720);
    const r = new TextModeRenderer();
    expect(r.render(frame(cells))).toMatchObject({ x: 0, y: 0, width: 720, height: 400 });
    expect(r.render(frame(cells)).width).toBe(0);
    cells[3 * 80 + 10] = 0x0741;
    cells[4 * 80 + 12] = 0x0742;
    expect(r.render(frame(cells))).toEqual({ x: 90, y: 48, width: 27, height: 32 });
  });
});
