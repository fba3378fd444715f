// The PCI reset control register at port 0xCF9 (Intel chipsets): writing a value with bit 2
// set (0x06 soft, 0x0E hard) resets the machine. Linux and many hobby kernels try it when the
// keyboard-controller reset did not work.

import type { PortHandler } from '../types.ts';
import type { PortIoBus } from '../io.ts';

export class ResetControl {
  private value = 0;
  onReset: (() => void) | undefined;

  constructor(onReset?: () => void) {
    this.onReset = onReset;
  }

  readonly ports: PortHandler = {
    read8: () => this.value,
    write8: (_p, v) => {
      this.value = v & 0x0e;
      if (v & 0x04) this.onReset?.();
    },
  };

  attach(bus: PortIoBus): void {
    bus.register(0xcf9, 0xcf9, this.ports);
  }
}

export function createResetControl(onReset?: () => void): ResetControl {
  return new ResetControl(onReset);
}
