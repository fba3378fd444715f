import { describe, expect, it } from 'vitest';
import { createIoBus } from '../io.ts';
import { createPhysicalMemory } from '../memory.ts';
import { createPcDevices } from './index.ts';

describe('standard PC devices', () => {
  it('are attached to the bus and wired to each other', () => {
    const memory = createPhysicalMemory(4 * 1024 * 1024);
    const io = createIoBus();
    const clock = { nowNs: 0 };
    const serial: number[] = [];
    const events: string[] = [];
    const pc = createPcDevices({
      memory, io, clock,
      onSerialOutput: (b) => serial.push(b),
      onReset: () => events.push('reset'),
      onDebugExit: (c) => events.push(`exit ${c}`),
    });
    io.out(0x3f8, 1, 0x41);
    expect(serial).toEqual([0x41]);
    expect(io.in(0x3fd, 1)).toBe(0x60);
    io.out(0x92, 1, 0x00);
    expect(memory.a20).toBe(false);
    io.out(0x92, 1, 0x02);
    io.out(0x64, 1, 0xfe);
    io.out(0xcf9, 1, 0x06);
    io.out(0xf4, 4, 0x10);
    expect(events).toEqual(['reset', 'reset', 'exit 16']);
    pc.keyboard.keyEvent('a', false);
    expect(pc.pic.acknowledge()).toBe(0x09);
    clock.nowNs = pc.timed[0]!.nextEventNs();
    pc.timed[0]!.advanceTo(clock.nowNs);
    expect(pc.pic.acknowledge()).toBe(0x08); // IRQ 0 outranks the IRQ 1 still in service
  });
});
