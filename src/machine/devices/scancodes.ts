// DOM key names (KeyboardEvent.key / .code style) → PC keyboard scan code set 1, which is what
// the 8042 hands the CPU after translation. A make code is sent on press; the break code is the
// make code with bit 7 set. "Extended" keys (arrows, right-hand modifiers, the navigation block)
// are prefixed with 0xE0 in both.

interface KeyCode {
  code: number;
  extended: boolean;
}

const plain = (code: number): KeyCode => ({ code, extended: false });
const ext = (code: number): KeyCode => ({ code, extended: true });

// Keys of the main block, by the character they produce unshifted and shifted.
const CHARACTER_ROWS: [string, string, number][] = [
  ['1', '!', 0x02], ['2', '@', 0x03], ['3', '#', 0x04], ['4', '$', 0x05], ['5', '%', 0x06],
  ['6', '^', 0x07], ['7', '&', 0x08], ['8', '*', 0x09], ['9', '(', 0x0a], ['0', ')', 0x0b],
  ['-', '_', 0x0c], ['=', '+', 0x0d],
  ['q', 'Q', 0x10], ['w', 'W', 0x11], ['e', 'E', 0x12], ['r', 'R', 0x13], ['t', 'T', 0x14],
  ['y', 'Y', 0x15], ['u', 'U', 0x16], ['i', 'I', 0x17], ['o', 'O', 0x18], ['p', 'P', 0x19],
  ['[', '{', 0x1a], [']', '}', 0x1b],
  ['a', 'A', 0x1e], ['s', 'S', 0x1f], ['d', 'D', 0x20], ['f', 'F', 0x21], ['g', 'G', 0x22],
  ['h', 'H', 0x23], ['j', 'J', 0x24], ['k', 'K', 0x25], ['l', 'L', 0x26], [';', ':', 0x27],
  ["'", '"', 0x28], ['`', '~', 0x29], ['\\', '|', 0x2b],
  ['z', 'Z', 0x2c], ['x', 'X', 0x2d], ['c', 'C', 0x2e], ['v', 'V', 0x2f], ['b', 'B', 0x30],
  ['n', 'N', 0x31], ['m', 'M', 0x32], [',', '<', 0x33], ['.', '>', 0x34], ['/', '?', 0x35],
  [' ', ' ', 0x39],
];

const NAMED_KEYS: Record<string, KeyCode> = {
  Escape: plain(0x01), Backspace: plain(0x0e), Tab: plain(0x0f), Enter: plain(0x1c),
  Control: plain(0x1d), ControlLeft: plain(0x1d), ControlRight: ext(0x1d),
  Shift: plain(0x2a), ShiftLeft: plain(0x2a), ShiftRight: plain(0x36),
  Alt: plain(0x38), AltLeft: plain(0x38), AltRight: ext(0x38), AltGraph: ext(0x38),
  Space: plain(0x39), CapsLock: plain(0x3a), NumLock: plain(0x45), ScrollLock: plain(0x46),
  F1: plain(0x3b), F2: plain(0x3c), F3: plain(0x3d), F4: plain(0x3e), F5: plain(0x3f),
  F6: plain(0x40), F7: plain(0x41), F8: plain(0x42), F9: plain(0x43), F10: plain(0x44),
  F11: plain(0x57), F12: plain(0x58),
  Home: ext(0x47), ArrowUp: ext(0x48), PageUp: ext(0x49), ArrowLeft: ext(0x4b),
  ArrowRight: ext(0x4d), End: ext(0x4f), ArrowDown: ext(0x50), PageDown: ext(0x51),
  Insert: ext(0x52), Delete: ext(0x53), Meta: ext(0x5b), MetaLeft: ext(0x5b), MetaRight: ext(0x5c),
  ContextMenu: ext(0x5d), NumpadEnter: ext(0x1c), NumpadDivide: ext(0x35),
  NumpadMultiply: plain(0x37), NumpadSubtract: plain(0x4a), NumpadAdd: plain(0x4e),
};

const CHARACTER_KEYS = new Map<string, { code: number; shifted: boolean }>();
for (const [lower, upper, code] of CHARACTER_ROWS) {
  CHARACTER_KEYS.set(lower, { code, shifted: false });
  if (upper !== lower) CHARACTER_KEYS.set(upper, { code, shifted: true });
}

/** Scan code set 1 (make code, whether it needs the 0xE0 prefix, whether it is typed with Shift). */
export function keyToScanCode(key: string): { code: number; extended: boolean; shifted: boolean } | null {
  const named = NAMED_KEYS[key];
  if (named) return { ...named, shifted: false };
  const ch = CHARACTER_KEYS.get(key);
  if (ch) return { code: ch.code, extended: false, shifted: ch.shifted };
  // KeyboardEvent.code names: 'KeyA', 'Digit1'.
  const m = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(key);
  if (m) {
    const c = CHARACTER_KEYS.get((m[1] ?? m[2]!).toLowerCase())!;
    return { code: c.code, extended: false, shifted: false };
  }
  return null;
}

/** The bytes the keyboard sends for pressing (make) or releasing (break) one key. */
export function scanCodeBytes(code: number, extended: boolean, release: boolean): number[] {
  const byte = release ? code | 0x80 : code;
  return extended ? [0xe0, byte] : [byte];
}

/**
 * The whole byte sequence for typing `key` once: press and release, wrapped in a left Shift
 * press/release when the character needs it ('A', '!'). Returns [] for keys it does not know.
 */
export function keyStrokeScanCodes(key: string): number[] {
  const k = keyToScanCode(key);
  if (!k) return [];
  const shift = 0x2a;
  const stroke = [...scanCodeBytes(k.code, k.extended, false), ...scanCodeBytes(k.code, k.extended, true)];
  return k.shifted ? [shift, ...stroke, shift | 0x80] : stroke;
}
