// int 17h: printer services on the parallel ports the BDA lists (LPT1 here, with no printer).
// As in SeaBIOS, AH returns the port's status register with the busy and acknowledge bits
// flipped (status ^ 48h), so an idle port without a printer answers 91h.

import type { BiosHandler, IoBus } from '../types.ts';
import { BDA } from './bda.ts';
import type { BiosContext } from './context.ts';

export function createPrinterService(ctx: BiosContext): BiosHandler {
  const io: IoBus = ctx.io;
  return (regs, mem) => {
    const dx = regs.getReg16('dx');
    const base = dx < 3 ? mem.read16(BDA.lpt1 + dx * 2) : 0;
    const ah = regs.getReg8('ah');
    if (base === 0 || ah > 2) return;
    if (ah === 0x00) {
      // Print AL: data, then a strobe pulse.
      io.out(base, 1, regs.getReg8('al'));
      const control = io.in(base + 2, 1);
      io.out(base + 2, 1, control | 0x01);
      io.out(base + 2, 1, control & ~0x01);
    } else if (ah === 0x01) {
      // Initialise: pulse /INIT low.
      const control = io.in(base + 2, 1);
      io.out(base + 2, 1, control & ~0x04);
      io.out(base + 2, 1, control | 0x04);
    }
    regs.setReg8('ah', io.in(base + 1, 1) ^ 0x48);
  };
}
