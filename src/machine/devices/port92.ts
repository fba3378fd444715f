// System control port A (0x92), the "fast A20" gate: bit 1 drives the A20 line directly
// (bootloaders use it because it is quicker than going through the keyboard controller), and a
// 0→1 transition of bit 0 resets the CPU.

import type { PortHandler, PhysicalMemory } from '../types.ts';
import type { PortIoBus } from '../io.ts';

export interface Port92Options {
  memory: PhysicalMemory;
  /** Called when the guest pulses the reset bit. */
  onReset?: () => void;
}

export class Port92 {
  private resetBit = false;
  private readonly memory: PhysicalMemory;
  onReset: (() => void) | undefined;

  constructor(options: Port92Options) {
    this.memory = options.memory;
    this.onReset = options.onReset;
  }

  readonly ports: PortHandler = {
    read8: () => (this.memory.a20 ? 0x02 : 0) | (this.resetBit ? 0x01 : 0),
    write8: (_port, value) => {
      this.memory.a20 = (value & 0x02) !== 0;
      const reset = (value & 0x01) !== 0;
      const rising = reset && !this.resetBit;
      this.resetBit = reset;
      if (rising) this.onReset?.();
    },
  };

  attach(bus: PortIoBus): void {
    bus.register(0x92, 0x92, this.ports);
  }
}

export function createPort92(options: Port92Options): Port92 {
  return new Port92(options);
}
