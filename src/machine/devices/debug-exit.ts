// QEMU's isa-debug-exit device (`-device isa-debug-exit,iobase=0xf4,iosize=0x04`): a write of
// `code` asks the machine to stop. QEMU then exits with status (code << 1) | 1, so a guest can
// never produce status 0; test runners such as bootimage map a chosen code to success. The
// write may be 1, 2 or 4 bytes wide (`out dx, al` / `ax` / `eax`); the value is reported as
// written. Reads return all ones, as QEMU's do.

import type { PortHandler } from '../types.ts';
import type { PortIoBus } from '../io.ts';

export const DEBUG_EXIT_PORT = 0xf4;

/** The process exit status QEMU reports for a guest write of `code`. */
export function qemuExitStatus(code: number): number {
  return ((code << 1) | 1) >>> 0;
}

export class DebugExit {
  /** The last code written, or null while the guest has not asked to exit. */
  exitCode: number | null = null;
  onExit: ((code: number) => void) | undefined;

  constructor(onExit?: (code: number) => void, readonly port = DEBUG_EXIT_PORT) {
    this.onExit = onExit;
  }

  private exit(code: number): void {
    this.exitCode = code >>> 0;
    this.onExit?.(this.exitCode);
  }

  readonly ports: PortHandler = {
    read8: () => 0xff,
    write8: (_p, v) => this.exit(v & 0xff),
    write16: (_p, v) => this.exit(v & 0xffff),
    write32: (_p, v) => this.exit(v >>> 0),
  };

  attach(bus: PortIoBus): void {
    bus.register(this.port, this.port, this.ports);
  }
}

export function createDebugExit(onExit?: (code: number) => void, port = DEBUG_EXIT_PORT): DebugExit {
  return new DebugExit(onExit, port);
}
