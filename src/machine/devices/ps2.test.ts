import { describe, expect, it } from 'vitest';
import { createIoBus } from '../io.ts';
import { createPhysicalMemory } from '../memory.ts';
import { createPic } from './pic.ts';
import { createPs2Controller } from './ps2.ts';
import { keyStrokeScanCodes, keyToScanCode } from './scancodes.ts';

function setup() {
  const bus = createIoBus();
  const pic = createPic();
  pic.attach(bus);
  const memory = createPhysicalMemory(2 * 1024 * 1024);
  let resets = 0;
  const kbc = createPs2Controller({ irq: pic, memory, onReset: () => resets++ });
  kbc.attach(bus);
  return { bus, pic, memory, kbc, resets: () => resets };
}

describe('8042 keyboard controller', () => {
  it('passes its self-test and reads/writes the command byte', () => {
    const { bus } = setup();
    bus.out(0x64, 1, 0xaa);
    expect(bus.in(0x64, 1) & 0x01).toBe(1);
    expect(bus.in(0x60, 1)).toBe(0x55);
    expect(bus.in(0x64, 1) & 0x01).toBe(0);
    bus.out(0x64, 1, 0x60);
    bus.out(0x60, 1, 0x45);
    bus.out(0x64, 1, 0x20);
    expect(bus.in(0x60, 1)).toBe(0x45);
  });

  it('delivers key presses as set 1 make/break codes with IRQ 1, one byte at a time', () => {
    const { bus, pic, kbc } = setup();
    kbc.keyEvent('ArrowUp', false);
    expect(pic.hasPending()).toBe(true);
    expect(pic.acknowledge()).toBe(0x09);
    expect(bus.in(0x60, 1)).toBe(0xe0);
    bus.out(0x20, 1, 0x20);
    expect(pic.acknowledge()).toBe(0x09);
    expect(bus.in(0x60, 1)).toBe(0x48);
    bus.out(0x20, 1, 0x20);
    expect(pic.hasPending()).toBe(false);
  });

  it('holds keys while the keyboard interface is disabled', () => {
    const { bus, kbc } = setup();
    bus.out(0x64, 1, 0xad);
    kbc.keyEvent('a', false);
    expect(bus.in(0x64, 1) & 1).toBe(0);
    bus.out(0x64, 1, 0xae);
    expect(bus.in(0x60, 1)).toBe(0x1e);
  });

  it('answers keyboard commands (reset, identify, LEDs)', () => {
    const { bus } = setup();
    bus.out(0x60, 1, 0xff);
    expect([bus.in(0x60, 1), bus.in(0x60, 1)]).toEqual([0xfa, 0xaa]);
    bus.out(0x60, 1, 0xf2);
    expect([bus.in(0x60, 1), bus.in(0x60, 1), bus.in(0x60, 1)]).toEqual([0xfa, 0xab, 0x41]);
    bus.out(0x60, 1, 0xed);
    expect(bus.in(0x60, 1)).toBe(0xfa);
    bus.out(0x60, 1, 0x02);
    expect(bus.in(0x60, 1)).toBe(0xfa);
  });

  it('drives A20 through the output port and resets on 0xFE', () => {
    const { bus, memory, resets } = setup();
    bus.out(0x64, 1, 0xd1);
    bus.out(0x60, 1, 0xdd);
    expect(memory.a20).toBe(false);
    bus.out(0x64, 1, 0xd1);
    bus.out(0x60, 1, 0xdf);
    expect(memory.a20).toBe(true);
    bus.out(0x64, 1, 0xd0);
    expect(bus.in(0x60, 1) & 0x02).toBe(0x02);
    expect(resets()).toBe(0);
    bus.out(0x64, 1, 0xfe);
    expect(resets()).toBe(1);
  });
});

describe('DOM key names to scan codes', () => {
  it('maps characters, named keys and extended keys', () => {
    expect(keyToScanCode('a')).toEqual({ code: 0x1e, extended: false, shifted: false });
    expect(keyToScanCode('Enter')?.code).toBe(0x1c);
    expect(keyToScanCode('KeyZ')?.code).toBe(0x2c);
    expect(keyToScanCode('Unidentified')).toBeNull();
    expect(keyStrokeScanCodes('A')).toEqual([0x2a, 0x1e, 0x9e, 0xaa]);
    expect(keyStrokeScanCodes('ArrowLeft')).toEqual([0xe0, 0x4b, 0xe0, 0xcb]);
  });

  it('echoes bytes written with 0xD2 as keyboard data', () => {
    const { bus, pic } = setup();
    bus.out(0x64, 1, 0xd2);
    bus.out(0x60, 1, 0x1c);
    expect(pic.acknowledge()).toBe(0x09);
    expect(bus.in(0x60, 1)).toBe(0x1c);
  });
});
