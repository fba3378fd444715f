import { describe, expect, it } from 'vitest';
import { BDA } from './bda.ts';
import { createTestPc } from './test-support.ts';

const ax = (ah: number, al = 0) => (ah << 8) | al;

describe('int 10h video', () => {
  it('powers on in mode 3 with a blank screen and the cursor home', () => {
    const pc = createTestPc();
    expect(pc.mem.read8(BDA.videoMode)).toBe(3);
    expect(pc.vga.text()).toBe('');
    expect(pc.mem.read16(0xb8000)).toBe(0x0720);
    expect(pc.vga.cursor()).toMatchObject({ row: 0, column: 0, visible: true });
    const r = pc.int(0x10, { eax: ax(0x0f) });
    expect(r.getReg8('ah')).toBe(80);
    expect(r.getReg8('al')).toBe(3);
    expect(r.getReg8('bh')).toBe(0);
  });

  it('prints with teletype: CR, LF, BS, BEL, wrapping; moves the hardware cursor', () => {
    const pc = createTestPc();
    for (const ch of 'Hello\x07 wurld\b\b\b\borld!\r\nnext') pc.int(0x10, { eax: ax(0x0e, ch.charCodeAt(0)) });
    expect(pc.vga.textRows(true).slice(0, 2)).toEqual(['Hello world!', 'next']);
    expect(pc.vga.cursor()).toMatchObject({ row: 1, column: 4 });
    const r = pc.int(0x10, { eax: ax(0x03) });
    expect([r.getReg8('dh'), r.getReg8('dl')]).toEqual([1, 4]);
  });

  it('scrolls when teletype output passes the last row', () => {
    const pc = createTestPc();
    for (let i = 0; i < 26; i++) for (const ch of `line ${i}\r\n`) pc.int(0x10, { eax: ax(0x0e, ch.charCodeAt(0)) });
    const rows = pc.vga.textRows(true);
    expect(rows[0]).toBe('line 2');
    expect(rows[23]).toBe('line 25');
    expect(rows[24]).toBe('');
    expect(pc.mem.read8(0xb8000 + 24 * 160 + 1)).toBe(0x07); // the new line is light grey on black
    expect(pc.vga.cursor()).toMatchObject({ row: 24, column: 0 });
  });

  it('sets the cursor position and shape (including hidden)', () => {
    const pc = createTestPc();
    pc.int(0x10, { eax: ax(0x02), edx: (10 << 8) | 20 });
    expect(pc.vga.cursor()).toMatchObject({ row: 10, column: 20, visible: true });
    expect(pc.mem.read16(BDA.cursorPositions)).toBe((10 << 8) | 20);
    pc.int(0x10, { eax: ax(0x01), ecx: 0x2000 });
    expect(pc.vga.cursor().visible).toBe(false);
    pc.int(0x10, { eax: ax(0x01), ecx: 0x0007 });
    expect(pc.vga.cursor()).toMatchObject({ visible: true, startLine: 1, endLine: 15 });
  });

  it('writes characters with and without attributes, and reads them back', () => {
    const pc = createTestPc();
    pc.int(0x10, { eax: ax(0x02), edx: 0x0005 });
    pc.int(0x10, { eax: ax(0x09, 0x41), ebx: 0x1e, ecx: 3 });
    pc.int(0x10, { eax: ax(0x0a, 0x42), ecx: 1 });
    expect(pc.vga.textRows(true)[0]).toBe('     BAA');
    const r = pc.int(0x10, { eax: ax(0x08) });
    expect(r.getReg16('ax')).toBe(0x1e42);
    expect(pc.vga.cursor().column).toBe(5); // 09h/0Ah do not move the cursor
  });

  it('scrolls windows up and down with a fill attribute', () => {
    const pc = createTestPc();
    for (const [row, text] of [[0, 'aaa'], [1, 'bbb'], [2, 'ccc']] as const) {
      pc.int(0x10, { eax: ax(0x02), edx: row << 8 });
      for (const ch of text) pc.int(0x10, { eax: ax(0x0e, ch.charCodeAt(0)) });
    }
    pc.int(0x10, { eax: ax(0x06, 1), ebx: 0x1700, ecx: 0x0000, edx: 0x0201 });
    expect(pc.vga.textRows(true).slice(0, 3)).toEqual(['bba', 'ccb', '  c']);
    expect(pc.mem.read8(0xb8000 + 2 * 160 + 1)).toBe(0x17);
    pc.int(0x10, { eax: ax(0x07, 1), ebx: 0x0700, ecx: 0x0000, edx: 0x024f });
    expect(pc.vga.textRows(true).slice(0, 3)).toEqual(['', 'bba', 'ccb']);
    pc.int(0x10, { eax: ax(0x06, 0), ebx: 0x0700, ecx: 0, edx: 0x184f });
    expect(pc.vga.text()).toBe('');
  });

  it('writes strings with AH=13h (with attributes in the string too)', () => {
    const pc = createTestPc();
    const s = 'Hi!';
    for (let i = 0; i < s.length; i++) pc.mem.write8(0x600 + i, s.charCodeAt(i));
    pc.int(0x10, { eax: ax(0x13, 0x01), ebx: 0x4f, ecx: 3, edx: 0x0302, es: 0x60, ebp: 0 });
    expect(pc.vga.textRows(true)[3]).toBe('  Hi!');
    expect(pc.mem.read8(0xb8000 + (3 * 80 + 2) * 2 + 1)).toBe(0x4f);
    expect(pc.vga.cursor()).toMatchObject({ row: 3, column: 5 });
    pc.mem.writeBytes(0x700, Uint8Array.from([0x58, 0x21, 0x59, 0x12]));
    pc.int(0x10, { eax: ax(0x13, 0x02), ecx: 2, edx: 0x0400, es: 0x70, ebp: 0 });
    expect(pc.vga.textRows(true)[4]).toBe('XY');
    expect(pc.mem.read8(0xb8000 + 4 * 160 + 3)).toBe(0x12);
    expect(pc.vga.cursor()).toMatchObject({ row: 3, column: 5 }); // AL bit 0 clear: cursor stays
  });

  it('sets mode 3 (clearing) and reports EGA/VGA information', () => {
    const pc = createTestPc();
    pc.int(0x10, { eax: ax(0x0e, 0x41) });
    pc.int(0x10, { eax: ax(0x00, 0x03) });
    expect(pc.vga.text()).toBe('');
    // CRTC and BDA as QEMU + SeaBIOS leave them after AX=0003h.
    expect(pc.vga.cursor()).toMatchObject({ row: 0, column: 0, startLine: 13, endLine: 14, visible: true });
    expect(pc.int(0x10, { eax: ax(0x03) }).getReg16('cx')).toBe(0x0607);
    expect(pc.mem.read16(BDA.videoControl)).toBe(0xf960);
    let r = pc.int(0x10, { eax: ax(0x12), ebx: 0x10 });
    expect([r.getReg8('bh'), r.getReg8('bl')]).toEqual([0, 3]);
    r = pc.int(0x10, { eax: ax(0x1a, 0) });
    expect([r.getReg8('al'), r.getReg8('bl')]).toEqual([0x1a, 0x08]);
  });
});
