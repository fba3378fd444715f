// What the emulator worker posts to the page for one text-mode frame. Cells are only sent when
// they changed since the last frame (`cells: null` otherwise: only the cursor or the blink
// phase moved), and then in a fresh array whose buffer is transferred, not copied.

export const TEXT_COLUMNS = 80;
export const TEXT_ROWS = 25;
export const TEXT_CELLS = TEXT_COLUMNS * TEXT_ROWS;
/** Real VGA text mode: 9×16 pixel cells, 720×400 pixels. */
export const CELL_WIDTH = 9;
export const CELL_HEIGHT = 16;
export const SCREEN_WIDTH = TEXT_COLUMNS * CELL_WIDTH;
export const SCREEN_HEIGHT = TEXT_ROWS * CELL_HEIGHT;
/** Half a period of the ~1.9 Hz blink of the cursor and of blinking characters. */
export const BLINK_HALF_PERIOD_MS = 267;

export interface TextFrame {
  /** 2000 cells, character | attribute << 8; null when unchanged since the last frame. */
  cells: Uint16Array | null;
  cursorRow: number;
  cursorColumn: number;
  cursorVisible: boolean;
  /** Scan lines (0–15) the cursor covers (CRTC registers 0x0a/0x0b). */
  cursorStart: number;
  cursorEnd: number;
  /** Attribute bit 7 blinks (true) or selects a bright background (false). */
  blinkEnabled: boolean;
  /** The blink phase: true while blinking things are shown. */
  blinkOn: boolean;
}
