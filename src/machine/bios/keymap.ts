// US keyboard layout: scan code set 1 → the (scan code, ASCII) words the BIOS keyboard buffer
// holds. Letters depend on Shift and Caps Lock, the other printable keys on Shift only; Ctrl
// with a letter gives the control character; function and cursor keys give ASCII 0.

// Index = scan code; '\0' where the key produces no character.
const UNSHIFTED = '\0\x1b1234567890-=\b\tqwertyuiop[]\r\0asdfghjkl;\'`\0\\zxcvbnm,./\0*\0 ';
const SHIFTED = '\0\x1b!@#$%^&*()_+\b\tQWERTYUIOP{}\r\0ASDFGHJKL:"~\0|ZXCVBNM<>?\0*\0 ';

/** Keypad digits with Num Lock on (scan codes 0x47–0x53). */
const KEYPAD_DIGITS: Record<number, string> = {
  0x47: '7', 0x48: '8', 0x49: '9', 0x4b: '4', 0x4c: '5', 0x4d: '6',
  0x4f: '1', 0x50: '2', 0x51: '3', 0x52: '0', 0x53: '.',
};

export interface ModifierState {
  shift: boolean;
  ctrl: boolean;
  alt: boolean;
  capsLock: boolean;
  numLock: boolean;
}

/** Scan codes that change modifier state rather than produce a key. */
export const SCAN = {
  leftShift: 0x2a, rightShift: 0x36, ctrl: 0x1d, alt: 0x38,
  capsLock: 0x3a, numLock: 0x45, scrollLock: 0x46, insert: 0x52,
} as const;

/**
 * The keyboard-buffer word for a key press (AH = scan code, AL = ASCII), or -1 for keys that
 * only change modifiers. `extended` is true for keys that came after an 0xE0 prefix; those give
 * AL = 0xE0 for cursor keys, as enhanced-keyboard BIOSes store them.
 */
export function keyWord(scan: number, m: ModifierState, extended: boolean): number {
  if (scan === SCAN.leftShift || scan === SCAN.rightShift || scan === SCAN.ctrl || scan === SCAN.alt ||
      scan === SCAN.capsLock || scan === SCAN.numLock || scan === SCAN.scrollLock) return -1;
  if (extended) {
    if (scan === 0x1c) return (0xe0 << 8) | 0x0d; // keypad Enter
    if (scan === 0x35) return (0xe0 << 8) | 0x2f; // keypad /
    return (scan << 8) | 0xe0;
  }
  if (scan >= 0x47 && scan <= 0x53) {
    const digit = KEYPAD_DIGITS[scan];
    if (scan === 0x4a) return (scan << 8) | 0x2d;
    if (scan === 0x4e) return (scan << 8) | 0x2b;
    if (digit && m.numLock !== m.shift) return (scan << 8) | digit.charCodeAt(0);
    return scan << 8;
  }
  if (scan >= UNSHIFTED.length) return scan << 8; // F-keys and beyond
  const lower = UNSHIFTED.charCodeAt(scan);
  const upper = SHIFTED.charCodeAt(scan);
  const isLetter = lower >= 0x61 && lower <= 0x7a;
  if (m.alt) return scan << 8;
  if (m.ctrl) {
    if (isLetter) return (scan << 8) | (lower & 0x1f);
    if (scan === 0x1c) return (scan << 8) | 0x0a;
    if (scan === 0x0e) return (scan << 8) | 0x7f;
    return scan << 8;
  }
  let shifted = m.shift;
  if (isLetter && m.capsLock) shifted = !shifted;
  const ch = shifted ? upper : lower;
  if (scan === 0x0f && m.shift) return scan << 8; // Shift+Tab
  return (scan << 8) | ch;
}
