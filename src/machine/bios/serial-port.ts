// int 14h: serial port services for the ports listed in the BDA (only COM1 exists here). Each
// call talks to the UART through its ports, so it works with whatever answers there. The
// returned AH is the line status register; bit 7 set means the port did not respond in time.

import type { BiosHandler, IoBus, PhysicalMemory } from '../types.ts';
import { BDA } from './bda.ts';
import type { BiosContext } from './context.ts';

const TIMEOUT = 0x80;

/** Divisors for the eight speeds AL bits 5–7 select: 110 … 9600 baud. */
const DIVISORS = [1047, 768, 384, 192, 96, 48, 24, 12];

function portBase(mem: PhysicalMemory, index: number): number {
  return index < 4 ? mem.read16(BDA.com1 + index * 2) : 0;
}

export function createSerialService(ctx: BiosContext): BiosHandler {
  const io: IoBus = ctx.io;
  return (regs, mem) => {
    const base = portBase(mem, regs.getReg16('dx'));
    const ah = regs.getReg8('ah');
    if (base === 0 || ah > 3) {
      regs.setReg8('ah', TIMEOUT);
      return;
    }
    const lineStatus = (): number => io.in(base + 5, 1);
    switch (ah) {
      case 0x00: {
        // AL: bits 5–7 speed, bits 3–4 parity, bit 2 stop bits, bits 0–1 word length.
        const al = regs.getReg8('al');
        const divisor = DIVISORS[al >> 5]!;
        io.out(base + 3, 1, 0x80);
        io.out(base, 1, divisor & 0xff);
        io.out(base + 1, 1, divisor >> 8);
        io.out(base + 3, 1, al & 0x1f);
        io.out(base + 1, 1, 0x00);
        regs.setReg8('ah', lineStatus());
        regs.setReg8('al', io.in(base + 6, 1));
        return;
      }
      case 0x01: {
        if ((lineStatus() & 0x20) === 0) {
          regs.setReg8('ah', lineStatus() | TIMEOUT);
          return;
        }
        io.out(base, 1, regs.getReg8('al'));
        regs.setReg8('ah', lineStatus() & 0x7f);
        return;
      }
      case 0x02: {
        const status = lineStatus();
        if ((status & 0x01) === 0) {
          regs.setReg8('ah', status | TIMEOUT);
          return;
        }
        regs.setReg8('al', io.in(base, 1));
        regs.setReg8('ah', status & 0x1e);
        return;
      }
      default:
        regs.setReg8('ah', lineStatus());
        regs.setReg8('al', io.in(base + 6, 1));
    }
  };
}
