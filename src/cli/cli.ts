// The `bootlab` command: a registry of sub-commands, each in its own module under
// commands/, imported only when that command runs (so `bootlab --help` loads none of them).
import { UsageError, type CliIO, type CommandModule } from './io.ts';

export interface CommandInfo {
  name: string;
  summary: string;
  /** Usage text shown by `bootlab help NAME` and `bootlab NAME --help`, without the module. */
  usage: string;
  load: () => Promise<CommandModule>;
}

export const commands: readonly CommandInfo[] = [
  {
    name: 'asm',
    summary: 'assemble NASM-style source into a flat binary',
    usage: `usage: bootlab asm FILE.asm [-o OUT] [--bits 16|32|64] [-i DIR/]...

Assembles FILE.asm (the NASM-compatible subset Bootlab supports) into a flat binary.
  -o OUT          output file (default: FILE without its extension, as nasm does)
  --bits N        mode at the start of the file: 16, 32 or 64 (default 16;
                  a BITS directive in the source switches mode from there on)
  -i DIR/, -I DIR/
                  also look for %include files under DIR/ (repeatable)
Errors are printed as FILE:LINE: error: MESSAGE, and the exit status is then 1.`,
    load: () => import('./commands/asm.ts'),
  },
  {
    name: 'disasm',
    summary: 'disassemble a flat binary, one instruction a line',
    usage: `usage: bootlab disasm FILE [--bits 16|32|64] [--org ADDR]

Prints one instruction a line: address, bytes, Intel syntax.
  --bits N        decoding mode (default 16, as ndisasm)
  --org ADDR      address of the file's first byte (default 0; e.g. 0x7c00 or 7c00h)`,
    load: () => import('./commands/disasm.ts'),
  },
  {
    name: 'image',
    summary: 'wrap an x86-64 ELF64 kernel into a bootable disk image',
    usage: `usage: bootlab image --kernel ELF -o IMG [--unchecked]

Puts Bootlab's BIOS bootloader in front of the kernel ELF file and pads the result to whole
512-byte sectors: a raw disk image that boots in Bootlab's machine, in QEMU
(qemu-system-x86_64 -drive format=raw,file=IMG) and on a PC. The bootloader maps the kernel's
segments, zeroes .bss, sets up a stack and jumps to the entry point (see src/boot/README.md).
  --kernel ELF, -k ELF   the kernel: an ELF64 x86-64 executable
  -o IMG                 the disk image to write
  --unchecked            skip the header checks here (the bootloader still checks on boot
                         and shows what is wrong on the screen)
Exit status 0, or 1 when the kernel cannot be read or is not an ELF64 x86-64 executable.`,
    load: () => import('./commands/image.ts'),
  },
  {
    name: 'link',
    summary: 'link ELF64 x86-64 objects into a static executable (as rust-lld)',
    usage: `usage: bootlab link A.o [B.o ...] [-o OUT] [-e SYMBOL] [--gc-sections]

Links relocatable ELF64 x86-64 objects into a static executable laid out as rust-lld lays
out a bare-metal x86-64 kernel: first segment at 0x200000, then R, RX and RW segments.
  -o OUT          output file (default a.out)
  -e SYMBOL       entry point symbol (default _start)
  --gc-sections   drop sections not reachable from the entry point
Errors are printed in rust-lld's words (rust-lld: error: undefined symbol: ...), and the
exit status is then 1.`,
    load: () => import('./commands/link.ts'),
  },
  {
    name: 'run',
    summary: 'boot a disk image headless and print the screen',
    usage: `usage: bootlab run IMG [--until-text T] [--timeout-ms N] [--serial] [--memory-mib M]

Boots IMG (a BIOS disk image, booted as drive 0x80) on the emulated PC without a display,
then prints the final 80x25 text screen (trailing blanks trimmed).
  --until-text T  stop as soon as T appears on the screen (or the serial output)
  --timeout-ms N  give up after N ms of host time (default 10000)
  --serial        also print what the guest sent on COM1
  --memory-mib M  RAM size (default 128)
Exit status: 0 when T appeared (or, without T, when the guest halted); 124 on timeout;
(v<<1)|1 when the guest wrote v to port 0xf4 (QEMU's isa-debug-exit); 2 on a triple fault
(with a register dump); 1 otherwise.`,
    load: () => import('./commands/run.ts'),
  },
  {
    name: 'sh',
    summary: "run a command line of the page's terminal shell over a directory",
    usage: `usage: bootlab sh [-C DIR] -c "COMMAND LINE"

Runs COMMAND LINE with the shell of Bootlab's terminal (ls, cat, cd, pwd, rm, echo, help,
qemu-system-x86_64 …; ; and && between commands) over DIR (default: the current directory) and
prints what the terminal would print; changes (rm) are made in DIR. qemu-system-x86_64 boots
headless, as bootlab run, and prints the final screen (and COM1 with -serial stdio).
  -C DIR          the directory the shell sees as /
  -c LINE         the command line
Exit status: the last command's (qemu-system-x86_64: 0, or (v<<1)|1 after the guest wrote v
to port 0xf4; 127 for an unknown command).`,
    load: () => import('./commands/sh.ts'),
  },
  {
    name: 'bench',
    summary: 'run the benchmarks in bench/ and print a table',
    usage: `usage: bootlab bench [FILTER...] [--dir DIR]

Runs every bench/*.bench.ts (or only those whose name contains a FILTER) and prints
their figures. Timing never makes it fail; a benchmark that throws makes the exit status 1.
  --dir DIR       look for *.bench.ts files in DIR instead of bench/`,
    load: () => import('./commands/bench.ts'),
  },
];

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = [
    'Bootlab — learn how a kernel starts. Command-line tools.',
    '',
    'usage: bootlab COMMAND [ARGS...]',
    '       bootlab help COMMAND      (or bootlab COMMAND --help)',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ];
  return lines.join('\n') + '\n';
}

function findCommand(name: string): CommandInfo | undefined {
  return commands.find((c) => c.name === name);
}

function unknown(name: string, io: CliIO): number {
  io.err(`bootlab: unknown command '${name}'\n\n${helpText()}`);
  return 2;
}

/** Runs one command line (without the leading `node main.ts`); returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(helpText());
    return 2;
  }
  if (first === '--help' || first === '-h') {
    io.out(helpText());
    return 0;
  }
  if (first === 'help') {
    if (rest.length === 0) {
      io.out(helpText());
      return 0;
    }
    const command = findCommand(rest[0]!);
    if (!command) return unknown(rest[0]!, io);
    io.out(command.usage + '\n');
    return 0;
  }
  const command = findCommand(first);
  if (!command) return unknown(first, io);
  // Everything after `--` belongs to the command; --help before it means help.
  const dashDash = rest.indexOf('--');
  const own = dashDash < 0 ? rest : rest.slice(0, dashDash);
  if (own.includes('--help') || own.includes('-h')) {
    io.out(command.usage + '\n');
    return 0;
  }
  const module = await command.load();
  try {
    return await module.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`bootlab ${command.name}: ${e.message}\n${command.usage}\n`);
      return 2;
    }
    throw e;
  }
}
