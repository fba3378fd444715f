import { describe, expect, it } from 'vitest';
import { createIoBus } from '../io.ts';
import { createPic } from './pic.ts';

function setup() {
  const bus = createIoBus();
  const pic = createPic();
  pic.attach(bus);
  return { bus, pic };
}

describe('8259 PIC pair', () => {
  it('starts as the BIOS leaves it: vectors 0x08/0x70, only IRQ 0, 1, 2 unmasked', () => {
    const { bus, pic } = setup();
    expect(bus.in(0x21, 1)).toBe(0xf8);
    expect(bus.in(0xa1, 1)).toBe(0xff);
    pic.pulseIrq(3);
    expect(pic.hasPending()).toBe(false);
    pic.pulseIrq(0);
    expect(pic.hasPending()).toBe(true);
    expect(pic.acknowledge()).toBe(0x08);
    expect(pic.hasPending()).toBe(false);
  });

  it('follows the ICW1–ICW4 sequence and reprograms the vector bases', () => {
    const { bus, pic } = setup();
    // What a protected-mode kernel does: remap to 0x20/0x28.
    bus.out(0x20, 1, 0x11); bus.out(0xa0, 1, 0x11);
    bus.out(0x21, 1, 0x20); bus.out(0xa1, 1, 0x28);
    bus.out(0x21, 1, 0x04); bus.out(0xa1, 1, 0x02);
    bus.out(0x21, 1, 0x01); bus.out(0xa1, 1, 0x01);
    bus.out(0x21, 1, 0x00); bus.out(0xa1, 1, 0x00);
    pic.pulseIrq(1);
    expect(pic.acknowledge()).toBe(0x21);
    pic.pulseIrq(12);
    expect(pic.hasPending()).toBe(false); // IRQ 1 in service: 12 (via IRQ 2) has lower priority
    bus.out(0x20, 1, 0x20); // non-specific EOI
    expect(pic.hasPending()).toBe(true);
    expect(pic.acknowledge()).toBe(0x2c);
  });

  it('orders by priority, nests higher priorities, and clears ISR with EOIs', () => {
    const { bus, pic } = setup();
    bus.out(0x21, 1, 0x00);
    pic.pulseIrq(4);
    pic.pulseIrq(3);
    expect(pic.acknowledge()).toBe(0x0b);
    bus.out(0x20, 1, 0x0b); // OCW3: read ISR
    expect(bus.in(0x20, 1)).toBe(0x08);
    bus.out(0x20, 1, 0x0a); // OCW3: read IRR
    expect(bus.in(0x20, 1)).toBe(0x10);
    expect(pic.hasPending()).toBe(false);
    pic.pulseIrq(0);
    expect(pic.acknowledge()).toBe(0x08); // IRQ 0 preempts IRQ 3
    bus.out(0x20, 1, 0x60); // specific EOI for IRQ 0
    bus.out(0x20, 1, 0x63); // specific EOI for IRQ 3
    expect(pic.acknowledge()).toBe(0x0c);
  });

  it('latches edges: a line held high requests once', () => {
    const { pic } = setup();
    pic.setIrq(0, true);
    pic.setIrq(0, true);
    expect(pic.acknowledge()).toBe(0x08);
    expect(pic.hasPending()).toBe(false);
  });

  it('answers spurious IRQ 7 and 15 without setting their in-service bits', () => {
    const { bus, pic } = setup();
    expect(pic.acknowledge()).toBe(0x0f);
    bus.out(0x20, 1, 0x0b);
    expect(bus.in(0x20, 1)).toBe(0);
    // A slave request that disappears (masked) before the acknowledge.
    bus.out(0xa1, 1, 0x00);
    pic.pulseIrq(9);
    expect(pic.hasPending()).toBe(true);
    bus.out(0xa1, 1, 0x02);
    expect(pic.acknowledge()).toBe(0x77);
    bus.out(0xa0, 1, 0x0b);
    expect(bus.in(0xa0, 1)).toBe(0);
    expect(bus.in(0x20, 1)).toBe(0x04); // the master still put IRQ 2 in service
  });

  it('supports auto-EOI and the poll command', () => {
    const { bus, pic } = setup();
    bus.out(0x20, 1, 0x11); bus.out(0x21, 1, 0x40); bus.out(0x21, 1, 0x04); bus.out(0x21, 1, 0x03);
    pic.pulseIrq(5);
    expect(pic.acknowledge()).toBe(0x45);
    bus.out(0x20, 1, 0x0b);
    expect(bus.in(0x20, 1)).toBe(0);
    pic.pulseIrq(6);
    bus.out(0x20, 1, 0x0c); // poll
    expect(bus.in(0x20, 1)).toBe(0x86);
  });
});
