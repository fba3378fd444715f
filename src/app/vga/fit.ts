// How large the 720×400 screen is drawn in the space its pane gives it. The aspect ratio is
// kept; at 1× and above the scale is a whole number, so every VGA pixel becomes the same square
// of screen pixels (nearest-neighbour stays crisp, no column of a glyph is wider than another).
// Below 1× whole pixel rows would be dropped, so the screen takes all the room and is smoothed.
import { SCREEN_HEIGHT, SCREEN_WIDTH } from './frame.ts';

export interface ScreenFit {
  /** CSS pixels. */
  width: number;
  height: number;
  /** Nearest-neighbour scaling (every source pixel covers at least one device pixel). */
  crisp: boolean;
}

/**
 * The size for a room of `room` CSS pixels (height may be Infinity: the pane grows with the
 * screen) on a display with `devicePixelRatio` device pixels per CSS pixel.
 */
export function fitScreen(roomWidth: number, roomHeight: number, devicePixelRatio = 1): ScreenFit {
  const scale = Math.max(0, Math.min(roomWidth / SCREEN_WIDTH, roomHeight / SCREEN_HEIGHT));
  if (scale >= 1) {
    const whole = Math.floor(scale);
    return { width: SCREEN_WIDTH * whole, height: SCREEN_HEIGHT * whole, crisp: true };
  }
  const width = Math.floor(SCREEN_WIDTH * scale);
  return { width, height: Math.floor((width * SCREEN_HEIGHT) / SCREEN_WIDTH), crisp: width * devicePixelRatio >= SCREEN_WIDTH - 0.5 };
}
