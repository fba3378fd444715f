// What the shell needs from its surroundings. The page gives it the project's Vfs, a terminal
// and the emulator Worker; Node tests give it a Vfs and collect what it prints.
import type { Vfs } from '../vfs.ts';

export type OutputKind = 'output' | 'error' | 'info';

export interface ShellTerminal {
  /** Prints text; a trailing newline is implied (one call, one or more whole lines). */
  print(text: string, kind?: OutputKind): void;
  clear(): void;
  /** The terminal's width in characters, when it has one (`ls` lays out columns to fit it). */
  readonly columns?: number;
}

/**
 * What a PC that ran to its end reports (the Node host runs the guest to completion, as QEMU
 * does in a terminal); the page's PC keeps running on its screen and reports nothing.
 */
export interface BootOutcome {
  /** qemu-system-x86_64's exit status: 0, or (v << 1) | 1 after the guest wrote v to port 0xf4. */
  exitStatus: number;
}

/** The emulated PC, as the `qemu-system-x86_64` command drives it. */
export interface MachineHost {
  /**
   * Powers on the PC with this disk image (null: no disk), replacing what ran before.
   * `serial`: what the guest sends on COM1 is printed in the terminal (QEMU's `-serial stdio`).
   */
  boot(image: Uint8Array | null, name: string, opts?: { serial?: boolean }): Promise<BootOutcome | void> | BootOutcome | void;
}

export interface ShellContext {
  vfs: Vfs;
  terminal: ShellTerminal;
  machine?: MachineHost;
  /** The shell's current directory, a normalised project path ('' is the project root). */
  cwd: string;
  history: readonly string[];
}

/** A command: gets its arguments (argv[0] is its name), returns its exit status. */
export type Command = (argv: string[], ctx: ShellContext) => number | Promise<number>;
