// LPT1 (ports 0x378-0x37A) with no printer attached, as QEMU's default parallel port answers
// the few programs that probe it: the data register latches what is written, the status
// register reads "not busy, no error, selected" (0xD9 with nothing connected), the control
// register reads back its low six bits under two bits that read as ones. Nothing is printed.

import type { PortHandler } from '../types.ts';
import type { PortIoBus } from '../io.ts';

export const LPT1_BASE = 0x378;
const STATUS_IDLE = 0xd9;

export class ParallelPort {
  private data = 0;
  private control = 0x0c;   // /INIT high, SELECT IN: what the firmware leaves

  readonly ports: PortHandler = {
    read8: (port) => {
      switch (port - LPT1_BASE) {
        case 0: return this.data;
        case 1: return STATUS_IDLE;
        default: return 0xc0 | (this.control & 0x3f);
      }
    },
    write8: (port, value) => {
      if (port === LPT1_BASE) this.data = value & 0xff;
      else if (port === LPT1_BASE + 2) this.control = value & 0xff;
    },
  };

  attach(bus: PortIoBus): void {
    bus.register(LPT1_BASE, LPT1_BASE + 2, this.ports);
  }
}
