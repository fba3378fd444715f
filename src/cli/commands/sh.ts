// bootlab sh [-C DIR] -c "COMMAND LINE"
// Runs a command line of the page's terminal shell (src/toolchain/shell) over a real
// directory: the directory is read into the shell's file system, the commands run, and what
// they changed (rm, …) is written back. What the terminal would print goes to stdout, errors
// to stderr. `qemu-system-x86_64` boots headless, as `bootlab run` does, and prints the final
// screen (and COM1 with -serial stdio); its exit status is QEMU's. Exit status: the last
// command's.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createMachine } from '../../machine/machine.ts';
import { Shell } from '../../toolchain/shell/shell.ts';
import type { MachineHost } from '../../toolchain/shell/types.ts';
import { Vfs } from '../../toolchain/vfs.ts';
import { parseCommandLine } from '../args.ts';
import { UsageError, type CliIO } from '../io.ts';

/** Folders never read into the shell's file system. */
const SKIP = new Set(['.git', 'node_modules']);
/** Guest time limit of a headless boot, in host milliseconds. */
const BOOT_TIMEOUT_MS = 10_000;

function readTree(root: string): Vfs {
  const vfs = new Vfs();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        vfs.mkdir(path);
        walk(full, path);
      } else if (entry.isFile()) {
        const bytes = readFileSync(full);
        // Text stays text (what the editors hold); anything that is not UTF-8 stays bytes.
        let text: string | null = null;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          text = null;
        }
        vfs.writeFile(path, text !== null && !text.includes('\0') ? text : new Uint8Array(bytes), { silent: true });
      }
    }
  };
  walk(root, '');
  return vfs;
}

/** Boots headless until the guest halts, exits through port 0xf4, faults, or time runs out. */
function headlessPc(io: CliIO): MachineHost {
  return {
    boot(image, _name, opts) {
      const machine = createMachine(image ? { diskImage: image } : {});
      const deadline = performance.now() + BOOT_TIMEOUT_MS;
      let exitStatus = 0;
      for (;;) {
        const left = deadline - performance.now();
        if (left <= 0) {
          io.err(`bootlab sh: qemu-system-x86_64 stopped after ${BOOT_TIMEOUT_MS} ms (the guest was still running)\n`);
          break;
        }
        const stop = machine.run({ maxMs: Math.min(left, 50) });
        if (stop.kind === 'slice') continue;
        if (stop.kind === 'debug-exit') exitStatus = ((stop.code << 1) | 1) & 0xff;
        if (stop.kind === 'triple-fault') io.err(`bootlab sh: triple fault: ${stop.message}\n`);
        break;
      }
      const screen = machine.screenText();
      if (screen) io.out(screen + '\n');
      if (opts?.serial) {
        const serial = machine.serialOutput();
        if (serial) io.out(serial.endsWith('\n') ? serial : serial + '\n');
      }
      return { exitStatus };
    },
  };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    C: { type: 'string', short: 'C' },
    c: { type: 'string', short: 'c' },
  });
  if (values.c === undefined) throw new UsageError('no command line (-c "COMMAND LINE")');
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const root = values.C ?? '.';
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a directory');
  } catch {
    io.err(`bootlab sh: ${root}: not a directory\n`);
    return 1;
  }
  const vfs = readTree(root);
  // What the commands change is written back to the directory.
  vfs.subscribe((e) => {
    if (e.type === 'delete' || e.type === 'rmdir') rmSync(join(root, e.path), { recursive: true, force: true });
    else if (e.type === 'mkdir') mkdirSync(join(root, e.path), { recursive: true });
    else if (e.type === 'create' || e.type === 'change') {
      mkdirSync(dirname(join(root, e.path)), { recursive: true });
      writeFileSync(join(root, e.path), vfs.readBytes(e.path));
    } else if (e.type === 'rename') {
      rmSync(join(root, e.from), { recursive: true, force: true });
      writeFileSync(join(root, e.path), vfs.readBytes(e.path));
    }
  });
  const shell = new Shell({
    vfs,
    terminal: {
      print: (text, kind) => (kind === 'error' ? io.err(text + '\n') : io.out(text + '\n')),
      clear: () => {},
    },
    machine: headlessPc(io),
  });
  return shell.run(values.c);
}
