// What a command handler gets to talk to the outside: text out, text err. Handlers return
// their exit status instead of calling process.exit, so tests can run them in-process.

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export type CommandHandler = (args: string[], io: CliIO) => Promise<number> | number;

/** A command module, loaded only when its command runs. */
export interface CommandModule {
  run: CommandHandler;
}

/** Thrown by a handler for a malformed command line; the dispatcher prints usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const nodeIO: CliIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
