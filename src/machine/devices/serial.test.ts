import { describe, expect, it } from 'vitest';
import { createIoBus } from '../io.ts';
import { createPic } from './pic.ts';
import { createSerial } from './serial.ts';

function setup() {
  const bus = createIoBus();
  const pic = createPic();
  pic.attach(bus);
  const out: number[] = [];
  const uart = createSerial({ irq: pic, onOutput: (b) => out.push(b) });
  uart.attach(bus);
  return { bus, pic, uart, out };
}

describe('16550 UART', () => {
  it('runs the uart_16550 crate\'s init and transmits bytes', () => {
    const { bus, out } = setup();
    bus.out(0x3f9, 1, 0x00);
    bus.out(0x3fb, 1, 0x80);
    bus.out(0x3f8, 1, 0x03);
    bus.out(0x3f9, 1, 0x00);
    bus.out(0x3fb, 1, 0x03);
    bus.out(0x3fa, 1, 0xc7);
    bus.out(0x3fc, 1, 0x0b);
    bus.out(0x3f9, 1, 0x01);
    expect(bus.in(0x3fd, 1)).toBe(0x60);
    for (const c of 'Hi\n') bus.out(0x3f8, 1, c.charCodeAt(0));
    expect(String.fromCharCode(...out)).toBe('Hi\n');
  });

  it('keeps the divisor latch behind DLAB', () => {
    const { bus, uart } = setup();
    bus.out(0x3fb, 1, 0x83);
    bus.out(0x3f8, 1, 0x01);
    bus.out(0x3f9, 1, 0x00);
    expect(uart.divisor).toBe(1);
    expect(bus.in(0x3f8, 1)).toBe(1);
    bus.out(0x3fb, 1, 0x03);
    bus.out(0x3ff, 1, 0x5a);
    expect(bus.in(0x3ff, 1)).toBe(0x5a);
  });

  it('queues received bytes, reports data ready, and raises IRQ 4 when asked', () => {
    const { bus, pic, uart } = setup();
    bus.out(0x21, 1, 0xe8); // unmask IRQ 4
    bus.out(0x3fc, 1, 0x08); // OUT2
    bus.out(0x3f9, 1, 0x01); // receive interrupt
    expect(bus.in(0x3fa, 1)).toBe(0x01);
    uart.receive('ok');
    expect(bus.in(0x3fd, 1)).toBe(0x61);
    expect(bus.in(0x3fa, 1)).toBe(0x04);
    expect(pic.acknowledge()).toBe(0x0c);
    expect(bus.in(0x3f8, 1)).toBe(0x6f);
    expect(bus.in(0x3f8, 1)).toBe(0x6b);
    expect(bus.in(0x3fd, 1)).toBe(0x60);
  });

  it('loops output back to input in loopback mode', () => {
    const { bus, out } = setup();
    bus.out(0x3fc, 1, 0x1e);
    bus.out(0x3f8, 1, 0xae);
    expect(bus.in(0x3f8, 1)).toBe(0xae);
    expect(out).toEqual([]);
  });

  it('raises the THR-empty interrupt when enabled, cleared by reading IIR', () => {
    const { bus } = setup();
    bus.out(0x3fc, 1, 0x08);
    bus.out(0x3f9, 1, 0x02);
    expect(bus.in(0x3fa, 1)).toBe(0x02);
    expect(bus.in(0x3fa, 1)).toBe(0x01);
  });

  it('reaches the PIC with the THR-empty interrupt only while OUT2 is set', () => {
    const { bus, pic } = setup();
    bus.out(0x21, 1, 0xe8); // unmask IRQ 4
    bus.out(0x3fc, 1, 0x00); // OUT2 off
    bus.out(0x3f9, 1, 0x02);
    expect(pic.hasPending()).toBe(false);
    bus.out(0x3fc, 1, 0x08);
    expect(pic.acknowledge()).toBe(0x0c);
  });
});
