// Default handlers for hardware interrupts nobody else serves (IRQ 2–7 at vectors 0x0A–0x0F,
// IRQ 8–15 at 0x70–0x77). They acknowledge the interrupt at the PIC(s) so a stray request does
// not stay in service and block every lower-priority IRQ. A spurious IRQ 7/15 has no in-service
// bit, and must not be acknowledged: a non-specific EOI would end some other interrupt instead.

import type { BiosHandler, IoBus } from '../types.ts';
import type { BiosContext } from './context.ts';

function inService(io: IoBus, commandPort: number): number {
  io.out(commandPort, 1, 0x0b); // OCW3: read ISR
  const isr = io.in(commandPort, 1);
  io.out(commandPort, 1, 0x0a); // back to reading IRR, the default
  return isr;
}

/** Handler for IRQ `irq` (0–15). */
export function createUnhandledIrqHandler(ctx: BiosContext, irq: number): BiosHandler {
  const io = ctx.io;
  return () => {
    if (irq < 8) {
      if (inService(io, 0x20) & (1 << irq)) io.out(0x20, 1, 0x60 | irq); // specific EOI
      return;
    }
    const line = irq - 8;
    if (inService(io, 0xa0) & (1 << line)) io.out(0xa0, 1, 0x60 | line);
    // The master has IRQ 2 in service even for a spurious slave interrupt.
    if (inService(io, 0x20) & 0x04) io.out(0x20, 1, 0x62);
  };
}
