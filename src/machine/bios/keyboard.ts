// The BIOS keyboard: int 09h (IRQ 1: take a scan code from the 8042, track modifiers, put the
// key into the BDA ring buffer) and int 16h (programs read keys from that buffer).
//
// int 16h AH=00h/10h must wait when the buffer is empty. A handler cannot block, so it returns
// 'retry' (see BiosHandlerResult in types.ts): the CPU waits like `sti; hlt` on the stub and
// calls the handler again after an interrupt — typically IRQ 1, whose int 09h handler has just
// filled the buffer.

import type { BiosHandler, PhysicalMemory } from '../types.ts';
import { BDA } from './bda.ts';
import type { BiosContext } from './context.ts';
import { keyWord, SCAN, type ModifierState } from './keymap.ts';

// Bits of the shift flags at 0x417.
const RIGHT_SHIFT = 0x01;
const LEFT_SHIFT = 0x02;
const CTRL = 0x04;
const ALT = 0x08;
const SCROLL_LOCK = 0x10;
const NUM_LOCK = 0x20;
const CAPS_LOCK = 0x40;
const INSERT = 0x80;
// 0x496 bit 1: the previous byte was the 0xE0 prefix.
const LAST_WAS_E0 = 0x02;

/** Appends a key word to the BDA ring buffer; false when it is full. */
export function pushKey(mem: PhysicalMemory, word: number): boolean {
  const start = mem.read16(BDA.keyboardBufferStart);
  const end = mem.read16(BDA.keyboardBufferEnd);
  const head = mem.read16(BDA.keyboardHead);
  const tail = mem.read16(BDA.keyboardTail);
  let next = tail + 2;
  if (next >= end) next = start;
  if (next === head) return false; // full: the key is lost (a real BIOS beeps)
  mem.write16(0x400 + tail, word);
  mem.write16(BDA.keyboardTail, next);
  return true;
}

/** The next key word without removing it, or -1 when the buffer is empty. */
export function peekKey(mem: PhysicalMemory): number {
  const head = mem.read16(BDA.keyboardHead);
  if (head === mem.read16(BDA.keyboardTail)) return -1;
  return mem.read16(0x400 + head);
}

/** Removes and returns the next key word, or -1 when the buffer is empty. */
export function popKey(mem: PhysicalMemory): number {
  const head = mem.read16(BDA.keyboardHead);
  if (head === mem.read16(BDA.keyboardTail)) return -1;
  const word = mem.read16(0x400 + head);
  let next = head + 2;
  if (next >= mem.read16(BDA.keyboardBufferEnd)) next = mem.read16(BDA.keyboardBufferStart);
  mem.write16(BDA.keyboardHead, next);
  return word;
}

/** Processes one byte from the keyboard the way the int 09h handler does. */
export function handleScanCode(mem: PhysicalMemory, byte: number): void {
  const flags3 = mem.read8(BDA.keyboardFlags3);
  if (byte === 0xe0) {
    mem.write8(BDA.keyboardFlags3, flags3 | LAST_WAS_E0);
    return;
  }
  const extended = (flags3 & LAST_WAS_E0) !== 0;
  mem.write8(BDA.keyboardFlags3, flags3 & ~LAST_WAS_E0);
  // Replies and errors, not keys (0xAA is also Left Shift's break code, so it is a key here).
  if (byte === 0xfa || byte === 0xfe || byte === 0xe1 || byte === 0x00 || byte === 0xff) return;

  const release = (byte & 0x80) !== 0;
  const scan = byte & 0x7f;
  let shift = mem.read8(BDA.shiftFlags);
  let shift2 = mem.read8(BDA.shiftFlags2);

  // Extended 0x2A/0x36 are "fake shifts" some keyboards send around cursor keys.
  if (extended && (scan === SCAN.leftShift || scan === SCAN.rightShift)) return;

  const modifierBit =
    scan === SCAN.leftShift ? LEFT_SHIFT : scan === SCAN.rightShift ? RIGHT_SHIFT : scan === SCAN.ctrl ? CTRL : scan === SCAN.alt ? ALT : 0;
  if (modifierBit) {
    shift = release ? shift & ~modifierBit : shift | modifierBit;
    mem.write8(BDA.shiftFlags, shift);
    return;
  }
  const lockBit = scan === SCAN.capsLock ? CAPS_LOCK : scan === SCAN.numLock ? NUM_LOCK : scan === SCAN.scrollLock ? SCROLL_LOCK : 0;
  if (lockBit) {
    // 0x418 remembers the key being held so auto-repeat does not toggle the lock again.
    const held = lockBit;
    if (release) {
      shift2 &= ~held;
    } else if ((shift2 & held) === 0) {
      shift ^= lockBit;
      shift2 |= held;
    }
    mem.write8(BDA.shiftFlags, shift);
    mem.write8(BDA.shiftFlags2, shift2);
    return;
  }
  if (release) return;
  if (scan === SCAN.insert && !(shift & NUM_LOCK)) shift ^= INSERT;
  mem.write8(BDA.shiftFlags, shift);

  const modifiers: ModifierState = {
    shift: (shift & (LEFT_SHIFT | RIGHT_SHIFT)) !== 0,
    ctrl: (shift & CTRL) !== 0,
    alt: (shift & ALT) !== 0,
    capsLock: (shift & CAPS_LOCK) !== 0,
    numLock: (shift & NUM_LOCK) !== 0,
  };
  const word = keyWord(scan, modifiers, extended);
  if (word >= 0) pushKey(mem, word);
}

/** int 09h: the IRQ 1 handler. */
export function createKeyboardIrqHandler(ctx: BiosContext): BiosHandler {
  return (_regs, mem) => {
    // Only take a byte if the controller really has one (a spurious entry must not eat a reply).
    if (ctx.io.in(0x64, 1) & 0x01) handleScanCode(mem, ctx.io.in(0x60, 1));
    ctx.io.out(0x20, 1, 0x20);
  };
}

/** AH=00h/01h report enhanced keys as their plain equivalents (AL=0 instead of 0xE0). */
function compatible(word: number): number {
  return (word & 0xff) === 0xe0 && word >> 8 !== 0 ? word & 0xff00 : word;
}

/** int 16h: keyboard services. */
export function createKeyboardService(_ctx: BiosContext): BiosHandler {
  return (regs, mem) => {
    const ah = regs.getReg8('ah');
    switch (ah) {
      case 0x00:
      case 0x10: {
        const word = popKey(mem);
        if (word < 0) return 'retry';
        regs.setReg16('ax', ah === 0x00 ? compatible(word) : word);
        return;
      }
      case 0x01:
      case 0x11: {
        const word = peekKey(mem);
        regs.setZero(word < 0);
        if (word >= 0) regs.setReg16('ax', ah === 0x01 ? compatible(word) : word);
        return;
      }
      case 0x02:
        regs.setReg8('al', mem.read8(BDA.shiftFlags));
        return;
      case 0x12: {
        const shift = mem.read8(BDA.shiftFlags);
        const held = mem.read8(BDA.shiftFlags2);
        regs.setReg8('al', shift);
        regs.setReg8('ah', (held & 0x70) | (shift & CTRL ? 0x01 : 0) | (shift & ALT ? 0x02 : 0));
        return;
      }
      case 0x05:
        regs.setReg8('al', pushKey(mem, regs.getReg16('cx')) ? 0 : 1);
        return;
      case 0x0a:
        regs.setReg16('bx', 0x41ab); // MF2 keyboard
        return;
      default:
        return; // typematic rate, click, etc.: nothing to do
    }
  };
}
