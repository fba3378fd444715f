// The page's one shell: over the project's Vfs, printing into the terminal (store lines that
// the xterm view and the text mirror show), booting on the emulator Worker.
import { Shell } from '../../toolchain/shell/shell.ts';
import { installCompilerWorker } from '../workers/compiler-client.ts';
import { machine, onSerialText } from '../workers/machine-client.ts';
import { vfs } from './project.ts';
import { clearTerminal, print } from './store.ts';

// cargo's compiler runs in its own Worker, so a cold build of `core` never blocks the page
installCompilerWorker();

export const shell = new Shell({
  vfs,
  terminal: {
    print: (text, kind) => print(text, kind),
    clear: clearTerminal,
    get columns() {
      return terminalColumns;
    },
  },
  machine: {
    boot: (image, name, opts) => machine.boot(image, name, opts),
  },
});

// COM1 text (after `-serial stdio`) goes into the terminal line by line, gathered for 100 ms
// so a guest that floods its serial port costs the page a few updates a second, not hundreds.
// A line the guest has not finished waits for its end, or shows once nothing came for 100 ms.
let serialText = '';
let serialTimer: ReturnType<typeof setTimeout> | undefined;
let serialArrived = false;
function flushSerial(): void {
  serialTimer = undefined;
  const parts = serialText.split('\n');
  let tail = parts.pop()!;
  if (tail && !serialArrived) {
    parts.push(tail);
    tail = '';
  }
  if (parts.length) print(parts.join('\n'));
  serialText = tail;
  serialArrived = false;
  if (tail) serialTimer = setTimeout(flushSerial, 100);
}
onSerialText((text) => {
  serialText += text.replace(/\r/g, '');
  serialArrived = true;
  serialTimer ??= setTimeout(flushSerial, 100);
});

/** The xterm view's width (set by the view as it resizes); undefined before it exists. */
let terminalColumns: number | undefined;
export function setTerminalColumns(columns: number): void {
  terminalColumns = columns;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs a command line as if typed: the prompt and the line go into the terminal's record
 * (`echoed` when the line editor already drew them), then the commands run, one line at a time.
 */
export function runCommand(line: string, echoed = false): Promise<number> {
  const done = queue.then(() => {
    print(`${shell.prompt}${line}`, 'input', echoed);
    return shell.run(line);
  });
  queue = done.catch(() => 0);
  return done;
}

/** Quotes a word for the command line when it needs it (an uploaded file's name). */
export function shellQuote(word: string): string {
  return /^[\w./+@%=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command line that boots a project file, as the post writes it (a comma in the name doubled, as QEMU's option syntax wants). */
export function bootCommand(path: string): string {
  return `qemu-system-x86_64 -drive format=raw,file=${shellQuote(path.replace(/,/g, ',,'))}`;
}
