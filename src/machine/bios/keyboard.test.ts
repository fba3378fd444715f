import { describe, expect, it } from 'vitest';
import { keyStrokeScanCodes } from '../devices/scancodes.ts';
import { BDA } from './bda.ts';
import { createTestPc } from './test-support.ts';

/** Delivers every queued keyboard byte through int 09h, as IRQ 1 would. */
function drainKeyboard(pc: ReturnType<typeof createTestPc>): void {
  while (pc.pic.hasPending()) {
    const vector = pc.pic.acknowledge();
    pc.int(vector);
  }
}

describe('BIOS keyboard (int 09h, int 16h)', () => {
  it('turns key strokes into buffered (scan, ASCII) words', () => {
    const pc = createTestPc();
    for (const key of ['a', 'B', 'Enter', 'ArrowUp']) pc.kbc.sendScanCodes(keyStrokeScanCodes(key));
    drainKeyboard(pc);
    const words: number[] = [];
    for (;;) {
      const r = pc.int(0x16, { eax: 0x1000 });
      if (r.result === 'retry') break;
      words.push(r.getReg16('ax'));
    }
    expect(words).toEqual([0x1e61, 0x3042, 0x1c0d, 0x48e0]);
  });

  it('asks the CPU to wait when AH=00h finds no key, and peeks with ZF', () => {
    const pc = createTestPc();
    let r = pc.int(0x16, { eax: 0x0000 });
    expect(r.result).toBe('retry');
    r = pc.int(0x16, { eax: 0x0100 });
    expect(r.zero).toBe(true);
    pc.kbc.sendScanCodes(keyStrokeScanCodes('ArrowLeft'));
    drainKeyboard(pc);
    r = pc.int(0x16, { eax: 0x0100 });
    expect([r.zero, r.getReg16('ax')]).toEqual([false, 0x4b00]);
    r = pc.int(0x16, { eax: 0x0000 });
    expect(r.result).toBeUndefined();
    expect(r.getReg16('ax')).toBe(0x4b00);
    expect(pc.int(0x16, { eax: 0x0100 }).zero).toBe(true);
  });

  it('tracks shift, ctrl and caps lock', () => {
    const pc = createTestPc();
    pc.kbc.sendScanCodes([0x2a]); // left shift down
    drainKeyboard(pc);
    expect(pc.int(0x16, { eax: 0x0200 }).getReg8('al') & 0x02).toBe(0x02);
    pc.kbc.sendScanCodes([0x02, 0x82, 0xaa]); // '1' with shift → '!'
    pc.kbc.sendScanCodes([0x3a, 0xba, 0x1e, 0x9e]); // caps lock, 'a' → 'A'
    pc.kbc.sendScanCodes([0x1d, 0x2e, 0xae, 0x9d]); // ctrl+c
    drainKeyboard(pc);
    expect(pc.mem.read8(BDA.shiftFlags)).toBe(0x40);
    const keys = [0, 1, 2].map(() => pc.int(0x16, { eax: 0x0000 }).getReg16('ax'));
    expect(keys).toEqual([0x0221, 0x1e41, 0x2e03]);
  });

  it('stores keys pushed with AH=05h and stops when the buffer is full', () => {
    const pc = createTestPc();
    let stored = 0;
    for (let i = 0; i < 20; i++) if (pc.int(0x16, { eax: 0x0500, ecx: 0x3920 }).getReg8('al') === 0) stored++;
    expect(stored).toBe(15);
  });

  it('acknowledges IRQ 1 at the PIC', () => {
    const pc = createTestPc();
    pc.kbc.sendScanCodes([0x1e]);
    expect(pc.pic.acknowledge()).toBe(0x09);
    pc.int(0x09);
    expect(pc.pic.master.isr).toBe(0);
  });
});
