import { describe, expect, it } from 'vitest';
import { createIoBus } from '../io.ts';
import { createPhysicalMemory } from '../memory.ts';
import { createVga, CP437_TO_UNICODE, TEXT_CELLS } from './vga.ts';

function setup() {
  const bus = createIoBus();
  const memory = createPhysicalMemory(2 * 1024 * 1024);
  const vga = createVga(memory);
  vga.attach(bus);
  return { bus, memory, vga };
}

function put(memory: ReturnType<typeof createPhysicalMemory>, row: number, col: number, text: string, attr = 0x0b) {
  for (let i = 0; i < text.length; i++) memory.write16(0xb8000 + (row * 80 + col + i) * 2, text.charCodeAt(i) | (attr << 8));
}

describe('VGA text mode', () => {
  it('reads the buffer as text with CP437 mapping and trimming', () => {
    const { memory, vga } = setup();
    for (let i = 0; i < TEXT_CELLS; i++) memory.write16(0xb8000 + i * 2, 0x0720);
    put(memory, 0, 0, 'Hello World!');
    memory.write8(0xb8000 + 81 * 2, 0xdb);
    memory.write8(0xb8000 + 82 * 2, 0x01);
    const rows = vga.textRows(true);
    expect(rows[0]).toBe('Hello World!');
    expect(rows[1]).toBe(' █☺');
    expect(vga.textRows()[0]!.length).toBe(80);
    expect(vga.text()).toBe('Hello World!\n █☺');
    expect(CP437_TO_UNICODE[0xe1]).toBe('ß');
    expect(CP437_TO_UNICODE[0x7f]).toBe('⌂');
    expect(CP437_TO_UNICODE[0xff]).toBe('\u00a0');
  });

  it('moves and hides the cursor through the CRTC', () => {
    const { bus, vga } = setup();
    const pos = 3 * 80 + 7;
    bus.out(0x3d4, 1, 0x0f); bus.out(0x3d5, 1, pos & 0xff);
    bus.out(0x3d4, 1, 0x0e); bus.out(0x3d5, 1, pos >> 8);
    expect(vga.cursor()).toMatchObject({ row: 3, column: 7, visible: true });
    bus.out(0x3d4, 1, 0x0a); bus.out(0x3d5, 1, 0x20);
    expect(vga.cursor().visible).toBe(false);
    bus.out(0x3d4, 1, 0x0a); bus.out(0x3d5, 1, 0x0e);
    bus.out(0x3d4, 1, 0x0b); bus.out(0x3d5, 1, 0x0f);
    expect(vga.cursor()).toMatchObject({ visible: true, startLine: 14, endLine: 15 });
    bus.out(0x3d4, 1, 0x0f);
    expect(bus.in(0x3d5, 1)).toBe(pos & 0xff);
  });

  it('fills a caller buffer per frame, honouring the start address', () => {
    const { bus, memory, vga } = setup();
    put(memory, 1, 0, 'AB', 0x1f);
    const cells = new Uint16Array(TEXT_CELLS);
    let frame = vga.snapshot(cells);
    expect(cells[80]).toBe(0x1f41);
    bus.out(0x3d4, 1, 0x0c); bus.out(0x3d5, 1, 0);
    bus.out(0x3d4, 1, 0x0d); bus.out(0x3d5, 1, 80);
    frame = vga.snapshot(cells);
    expect(cells[0]).toBe(0x1f41);
    expect(frame.startAddress).toBe(80);
    expect(vga.snapshot(cells)).toBe(frame); // the same object every frame
  });

  it('toggles retrace in input status 1 and sets the blink bit through the attribute controller', () => {
    const { bus, vga } = setup();
    const a = bus.in(0x3da, 1) & 0x08;
    expect(bus.in(0x3da, 1) & 0x08).not.toBe(a);
    expect(vga.blinkEnabled).toBe(true);
    bus.in(0x3da, 1);
    bus.out(0x3c0, 1, 0x30);
    bus.out(0x3c0, 1, 0x04);
    expect(vga.blinkEnabled).toBe(false);
  });

  it('reads and writes the DAC palette three components at a time', () => {
    const { bus } = setup();
    bus.out(0x3c7, 1, 0x07); // read entry 7 (the default light grey)
    expect([bus.in(0x3c9, 1), bus.in(0x3c9, 1), bus.in(0x3c9, 1)]).toEqual([0x2a, 0x2a, 0x2a]);
    bus.out(0x3c8, 1, 0x01);
    for (const v of [1, 2, 3]) bus.out(0x3c9, 1, v);
    bus.out(0x3c7, 1, 0x01);
    expect([bus.in(0x3c9, 1), bus.in(0x3c9, 1), bus.in(0x3c9, 1)]).toEqual([1, 2, 3]);
  });
});
