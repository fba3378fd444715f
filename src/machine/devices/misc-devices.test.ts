import { describe, expect, it } from 'vitest';
import { createIoBus } from '../io.ts';
import { createPhysicalMemory } from '../memory.ts';
import { createDebugExit, qemuExitStatus } from './debug-exit.ts';
import { ParallelPort } from './parallel.ts';
import { createPort92 } from './port92.ts';

describe('port 0x92 (fast A20)', () => {
  it('drives A20 with bit 1 and resets on a rising bit 0', () => {
    const bus = createIoBus();
    const memory = createPhysicalMemory(2 * 1024 * 1024);
    let resets = 0;
    createPort92({ memory, onReset: () => resets++ }).attach(bus);
    bus.out(0x92, 1, 0x00);
    expect(memory.a20).toBe(false);
    bus.out(0x92, 1, bus.in(0x92, 1) | 0x02);
    expect(memory.a20).toBe(true);
    expect(bus.in(0x92, 1)).toBe(0x02);
    bus.out(0x92, 1, 0x03);
    expect(resets).toBe(1);
  });
});

describe('isa-debug-exit', () => {
  it('reports the code of 1, 2 and 4-byte writes', () => {
    const bus = createIoBus();
    const codes: number[] = [];
    const dev = createDebugExit((c) => codes.push(c));
    dev.attach(bus);
    bus.out(0xf4, 4, 0x10);
    bus.out(0xf4, 1, 0x11);
    bus.out(0xf4, 2, 0x1234);
    expect(codes).toEqual([0x10, 0x11, 0x1234]);
    expect(dev.exitCode).toBe(0x1234);
    expect(qemuExitStatus(0x10)).toBe(33);
  });
});

describe('LPT1 without a printer', () => {
  it('latches data, reads an idle status and echoes the control bits', () => {
    const bus = createIoBus();
    new ParallelPort().attach(bus);
    bus.out(0x378, 1, 0x55);
    expect(bus.in(0x378, 1)).toBe(0x55);
    expect(bus.in(0x379, 1)).toBe(0xd9);
    expect(bus.in(0x37a, 1)).toBe(0xcc);
    bus.out(0x37a, 1, 0x08);
    expect(bus.in(0x37a, 1)).toBe(0xc8);
  });
});
