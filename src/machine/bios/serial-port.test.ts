import { describe, expect, it } from 'vitest';
import { createSerial } from '../devices/serial.ts';
import { createTestPc } from './test-support.ts';

describe('int 14h serial services', () => {
  it('initialises COM1, sends and receives through the UART', () => {
    const pc = createTestPc();
    const out: number[] = [];
    const uart = createSerial({ onOutput: (b) => out.push(b) });
    uart.attach(pc.io);
    let r = pc.int(0x14, { eax: 0x00e3, edx: 0 }); // 9600 baud, 8N1
    expect(r.getReg8('ah') & 0x60).toBe(0x60);
    expect(uart.divisor).toBe(12);
    expect(uart.lcr).toBe(0x03);
    r = pc.int(0x14, { eax: 0x0141, edx: 0 });
    expect(r.getReg8('ah') & 0x80).toBe(0);
    expect(out).toEqual([0x41]);
    r = pc.int(0x14, { eax: 0x0200, edx: 0 });
    expect(r.getReg8('ah') & 0x80).toBe(0x80);
    uart.receive([0x7a]);
    r = pc.int(0x14, { eax: 0x0200, edx: 0 });
    expect([r.getReg8('ah') & 0x80, r.getReg8('al')]).toEqual([0, 0x7a]);
  });

  it('times out on ports that do not exist', () => {
    const pc = createTestPc();
    expect(pc.int(0x14, { eax: 0x0141, edx: 1 }).getReg8('ah')).toBe(0x80);
  });
});
