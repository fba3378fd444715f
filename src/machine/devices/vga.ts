// VGA in 80×25 colour text mode.
//
// The text buffer is ordinary guest RAM at 0xB8000: two bytes per cell, character then
// attribute. Guests write it directly, so drawing costs the CPU nothing; this module only reads
// it. What lives here are the registers that change how the buffer is shown:
// - CRTC (index 0x3d4, data 0x3d5): cursor start/end (0x0a/0x0b, bit 5 of 0x0a hides the
//   cursor), start address (0x0c/0x0d: which cell is top-left, for hardware scrolling) and the
//   cursor location (0x0e/0x0f). Kernels move the blinking cursor through these.
// - Input status 1 (0x3da): the vertical-retrace bit toggles on every read so "wait for retrace"
//   loops end; reading it also resets the attribute controller's index/data flip-flop.
// - Attribute controller (0x3c0/0x3c1): mode control bit 3 chooses blinking vs bright
//   backgrounds for attribute bit 7.
// - DAC (0x3c7–0x3c9): the palette, kept so a renderer could honour guest palette changes.
// - Misc output (0x3c2 write, 0x3cc read), sequencer (0x3c4/0x3c5) and graphics controller
//   (0x3ce/0x3cf) registers are stored and read back but change nothing.
//
// For a renderer: `snapshot()` fills a caller-owned Uint16Array with char | attr << 8 for the
// 2000 visible cells and returns the cursor state, allocating nothing. For a text mirror:
// `textRows()` maps code page 437 to Unicode.

import type { PhysicalMemory, PortHandler } from '../types.ts';
import type { PortIoBus } from '../io.ts';

export const TEXT_COLUMNS = 80;
export const TEXT_ROWS = 25;
export const TEXT_CELLS = TEXT_COLUMNS * TEXT_ROWS;
export const TEXT_BUFFER_ADDRESS = 0xb8000;
/** Text memory spans 32 KiB (0xB8000–0xBFFFF); the start address wraps inside it. */
const TEXT_WINDOW_CELLS = 0x4000;

/** The 16 text-mode colours as 0xRRGGBB, index = attribute nibble. */
export const VGA_TEXT_PALETTE: readonly number[] = [
  0x000000, 0x0000aa, 0x00aa00, 0x00aaaa, 0xaa0000, 0xaa00aa, 0xaa5500, 0xaaaaaa,
  0x555555, 0x5555ff, 0x55ff55, 0x55ffff, 0xff5555, 0xff55ff, 0xffff55, 0xffffff,
];

// Code page 437, bytes 0x00–0x1f and 0x7f–0xff (0x20–0x7e are ASCII).
const CP437_LOW = '\u0000☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼';
const CP437_HIGH =
  '⌂ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** Unicode text for each CP437 byte (NUL shows as a space in the text mirror). */
export const CP437_TO_UNICODE: readonly string[] = Array.from({ length: 256 }, (_, b) => {
  if (b === 0) return ' ';
  if (b < 0x20) return CP437_LOW[b]!;
  if (b < 0x7f) return String.fromCharCode(b);
  return CP437_HIGH[b - 0x7f]!;
});

export interface CursorState {
  /** Cell index of the cursor relative to the top-left visible cell (may be off screen). */
  offset: number;
  row: number;
  column: number;
  /** False when the disable bit is set, the cursor is off screen, or start > end. */
  visible: boolean;
  /** Scan lines (0–15) the cursor covers. */
  startLine: number;
  endLine: number;
}

export interface FrameInfo {
  cursor: CursorState;
  /** True when attribute bit 7 means "blink" rather than "bright background". */
  blinkEnabled: boolean;
  /** Cell index in text memory shown at the top left (CRTC start address). */
  startAddress: number;
}

export class VgaText {
  readonly crtc = new Uint8Array(0x19);
  crtcIndex = 0;
  miscOutput = 0x67; // colour emulation (0x3dx ports), 28 MHz clock, RAM enabled
  readonly sequencer = new Uint8Array(5);
  sequencerIndex = 0;
  readonly graphics = new Uint8Array(9);
  graphicsIndex = 0;
  readonly attribute = new Uint8Array(0x15);
  attributeIndex = 0;
  private attributeExpectsData = false;
  /** DAC palette: 256 entries of 6-bit R, G, B. */
  readonly dac = new Uint8Array(256 * 3);
  private dacReadIndex = 0;
  private dacWriteIndex = 0;
  private dacComponent = 0;
  private retrace = false;
  private readonly memory: PhysicalMemory;
  /** Reused by snapshot() so rendering a frame allocates nothing. */
  private readonly frame: FrameInfo = {
    cursor: { offset: 0, row: 0, column: 0, visible: true, startLine: 13, endLine: 14 },
    blinkEnabled: true,
    startAddress: 0,
  };

  constructor(memory: PhysicalMemory) {
    this.memory = memory;
    // Register values of BIOS mode 3.
    this.crtc.set([0x5f, 0x4f, 0x50, 0x82, 0x55, 0x81, 0xbf, 0x1f, 0x00, 0x4f, 0x0d, 0x0e, 0x00, 0x00, 0x00, 0x00,
      0x9c, 0x8e, 0x8f, 0x28, 0x1f, 0x96, 0xb9, 0xa3, 0xff]);
    this.sequencer.set([0x03, 0x00, 0x03, 0x00, 0x02]);
    this.graphics.set([0, 0, 0, 0, 0, 0x10, 0x0e, 0, 0xff]);
    this.attribute.set([0, 1, 2, 3, 4, 5, 0x14, 7, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x0c, 0, 0x0f, 0x08, 0]);
    for (let i = 0; i < 16; i++) {
      const rgb = VGA_TEXT_PALETTE[i]!;
      // The 16 text colours live at DAC entries given by the attribute palette registers.
      const entry = this.attribute[i]!;
      this.dac[entry * 3] = (rgb >> 16) >> 2;
      this.dac[entry * 3 + 1] = ((rgb >> 8) & 0xff) >> 2;
      this.dac[entry * 3 + 2] = (rgb & 0xff) >> 2;
    }
  }

  // ---- state for renderers -----------------------------------------------------------------

  get startAddress(): number {
    return ((this.crtc[0x0c]! << 8) | this.crtc[0x0d]!) % TEXT_WINDOW_CELLS;
  }

  get cursorLocation(): number {
    return (this.crtc[0x0e]! << 8) | this.crtc[0x0f]!;
  }

  get blinkEnabled(): boolean {
    return (this.attribute[0x10]! & 0x08) !== 0;
  }

  /** Fills `cursor` (or a fresh object) with the hardware cursor's state. */
  cursor(into?: CursorState): CursorState {
    const c = into ?? { offset: 0, row: 0, column: 0, visible: true, startLine: 0, endLine: 0 };
    const offset = this.cursorLocation - this.startAddress;
    c.offset = offset;
    c.row = Math.floor(offset / TEXT_COLUMNS);
    c.column = offset - c.row * TEXT_COLUMNS;
    c.startLine = this.crtc[0x0a]! & 0x1f;
    c.endLine = this.crtc[0x0b]! & 0x1f;
    c.visible = (this.crtc[0x0a]! & 0x20) === 0 && offset >= 0 && offset < TEXT_CELLS && c.startLine <= c.endLine;
    return c;
  }

  /**
   * Copies the visible cells into `cells` (length ≥ 2000) as char | attr << 8 and returns the
   * frame info (one object reused across calls: copy what you keep). Allocates nothing.
   */
  snapshot(cells: Uint16Array): FrameInfo {
    const ram = this.memory.ram;
    const start = this.startAddress;
    for (let i = 0; i < TEXT_CELLS; i++) {
      const a = TEXT_BUFFER_ADDRESS + (((start + i) % TEXT_WINDOW_CELLS) << 1);
      cells[i] = ram[a]! | (ram[a + 1]! << 8);
    }
    this.cursor(this.frame.cursor);
    this.frame.blinkEnabled = this.blinkEnabled;
    this.frame.startAddress = start;
    return this.frame;
  }

  /** The visible screen as 25 strings of Unicode text; `trimEnd` drops trailing blanks. */
  textRows(trimEnd = false): string[] {
    const ram = this.memory.ram;
    const start = this.startAddress;
    const rows: string[] = [];
    for (let r = 0; r < TEXT_ROWS; r++) {
      let line = '';
      for (let c = 0; c < TEXT_COLUMNS; c++) {
        const a = TEXT_BUFFER_ADDRESS + (((start + r * TEXT_COLUMNS + c) % TEXT_WINDOW_CELLS) << 1);
        line += CP437_TO_UNICODE[ram[a]!]!;
      }
      rows.push(trimEnd ? line.replace(/[ \u00a0]+$/u, '') : line);
    }
    return rows;
  }

  /** The screen as one string: rows joined by newlines, trailing blanks and blank rows removed. */
  text(): string {
    return this.textRows(true).join('\n').replace(/\n+$/u, '');
  }

  // ---- ports -------------------------------------------------------------------------------

  private readInputStatus(): number {
    // Alternate "in retrace" and "displaying" so both kinds of polling loop terminate.
    this.retrace = !this.retrace;
    this.attributeExpectsData = false;
    return this.retrace ? 0x09 : 0x00; // bit 3 vertical retrace, bit 0 display disabled
  }

  read(port: number): number {
    switch (port) {
      case 0x3d4: case 0x3b4: return this.crtcIndex;
      case 0x3d5: case 0x3b5: return this.crtcIndex < this.crtc.length ? this.crtc[this.crtcIndex]! : 0xff;
      case 0x3da: case 0x3ba: return this.readInputStatus();
      case 0x3c0: return this.attributeIndex;
      case 0x3c1: return this.attribute[this.attributeIndex & 0x1f] ?? 0;
      case 0x3c2: return 0x10; // input status 0: switch sense
      case 0x3c4: return this.sequencerIndex;
      case 0x3c5: return this.sequencer[this.sequencerIndex] ?? 0xff;
      case 0x3c7: return 0x00; // DAC state: in read mode
      case 0x3c8: return this.dacWriteIndex;
      case 0x3c9: {
        const v = this.dac[this.dacReadIndex * 3 + this.dacComponent]!;
        if (++this.dacComponent === 3) {
          this.dacComponent = 0;
          this.dacReadIndex = (this.dacReadIndex + 1) & 0xff;
        }
        return v;
      }
      case 0x3cc: return this.miscOutput;
      case 0x3ce: return this.graphicsIndex;
      case 0x3cf: return this.graphics[this.graphicsIndex] ?? 0xff;
      default: return 0xff;
    }
  }

  write(port: number, value: number): void {
    switch (port) {
      case 0x3d4: case 0x3b4: this.crtcIndex = value & 0x1f; break;
      case 0x3d5: case 0x3b5:
        // Registers 0–7 are write-protected while bit 7 of register 0x11 is set.
        if (this.crtcIndex < 8 && this.crtc[0x11]! & 0x80) break;
        if (this.crtcIndex < this.crtc.length) this.crtc[this.crtcIndex] = value;
        break;
      case 0x3c0:
        if (!this.attributeExpectsData) {
          this.attributeIndex = value & 0x3f;
        } else if ((this.attributeIndex & 0x1f) < this.attribute.length) {
          this.attribute[this.attributeIndex & 0x1f] = value;
        }
        this.attributeExpectsData = !this.attributeExpectsData;
        break;
      case 0x3c2: this.miscOutput = value; break;
      case 0x3c4: this.sequencerIndex = value & 7; break;
      case 0x3c5: if (this.sequencerIndex < this.sequencer.length) this.sequencer[this.sequencerIndex] = value; break;
      case 0x3c7: this.dacReadIndex = value; this.dacComponent = 0; break;
      case 0x3c8: this.dacWriteIndex = value; this.dacComponent = 0; break;
      case 0x3c9:
        this.dac[this.dacWriteIndex * 3 + this.dacComponent] = value & 0x3f;
        if (++this.dacComponent === 3) {
          this.dacComponent = 0;
          this.dacWriteIndex = (this.dacWriteIndex + 1) & 0xff;
        }
        break;
      case 0x3ce: this.graphicsIndex = value & 0x0f; break;
      case 0x3cf: if (this.graphicsIndex < this.graphics.length) this.graphics[this.graphicsIndex] = value; break;
      default: break;
    }
  }

  readonly ports: PortHandler = {
    read8: (port) => this.read(port),
    write8: (port, value) => this.write(port, value),
  };

  attach(bus: PortIoBus): void {
    bus.register(0x3c0, 0x3cf, this.ports);
    bus.register(0x3d4, 0x3d5, this.ports);
    bus.register(0x3da, 0x3da, this.ports);
  }
}

export function createVga(memory: PhysicalMemory): VgaText {
  return new VgaText(memory);
}
