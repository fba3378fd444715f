// The terminal's shell: reads a command line, runs its commands over the project's file system
// and prints what they print. The commands are our own small versions of the real ones, with
// their messages; cargo, rustup, rustc and bootimage live in src/toolchain/{cargo,rustup}.
import type { Vfs } from '../vfs.ts';
import { cat, cd, cp, echo, ls, mkdir, mv, pwd, rm, touch } from './file-commands.ts';
import { parseCommandLine } from './parse.ts';
import { displayDir, resolvePath } from './paths.ts';
import { qemu } from './qemu.ts';
import { bootimage, cargo, rustc } from '../cargo/cargo.ts';
import { rustup } from '../rustup/rustup.ts';
import type { Command, MachineHost, ShellContext, ShellTerminal } from './types.ts';

const HELP = `Commands:
  ls [-a] [-l] [PATH…]     list a directory (-a shows hidden ones such as .cargo)
  cat FILE…                print files
  cd [DIR]                 change directory (no DIR: the project root)
  pwd                      print the current directory
  rm [-r] [-f] PATH…       remove files (-r: directories too)
  mkdir [-p] DIR…          make directories
  touch FILE…              make empty files
  mv SRC… DEST             move or rename
  cp FILE… DEST            copy files
  echo TEXT…               print TEXT
  clear                    clear the terminal (also Ctrl+L)
  history                  list the commands typed so far
  rustup show|default|override|component|toolchain …
                           the toolchain (rustup override set nightly, rustup component add rust-src)
  cargo build|bootimage|run [--target FILE.json] [--release] [-Z build-std=core,compiler_builtins]
  rustc --version          the active compiler's version (rustc FILE compiles one file)
  qemu-system-x86_64 -drive format=raw,file=IMAGE
                           boot a disk image on the VGA screen (also: -hda IMAGE, or IMAGE)
  help                     this list
Separate commands with ; or && (run the next only if this one succeeded).
Keys: Tab completes commands and paths, ↑/↓ history, ←/→ Home End, Ctrl+A/E start/end,
Ctrl+U/K cut before/after the cursor, Ctrl+W cut a word, Ctrl+C drop the line, Ctrl+L clear.
Drop a disk image on the screen (or use "Upload image") to add it to the project.`;

export interface ShellOptions {
  vfs: Vfs;
  terminal: ShellTerminal;
  machine?: MachineHost;
}

export class Shell {
  private readonly ctx: ShellContext;
  private readonly commands: Record<string, Command>;
  private typed: string[] = [];

  constructor(opts: ShellOptions) {
    this.ctx = { vfs: opts.vfs, terminal: opts.terminal, machine: opts.machine, cwd: '', history: this.typed };
    this.commands = {
      ls, cat, cd, pwd, rm, echo, mkdir, touch, mv, cp,
      clear: (_a, ctx) => {
        ctx.terminal.clear();
        return 0;
      },
      help: (_a, ctx) => {
        ctx.terminal.print(HELP);
        return 0;
      },
      history: (_a, ctx) => {
        ctx.terminal.print(this.typed.map((l, i) => `${String(i + 1).padStart(5)}  ${l}`).join('\n'));
        return 0;
      },
      'qemu-system-x86_64': qemu,
      cargo, rustup, rustc, bootimage,
    };
  }

  /** The current directory as `pwd` shows it. */
  get cwd(): string {
    return displayDir(this.ctx.cwd);
  }

  /** The prompt for the current directory. */
  get prompt(): string {
    return `bootlab:${this.cwd}$ `;
  }

  /**
   * Tab completion for the line editor: command names for the first word, else paths (a
   * directory ends with '/'; hidden entries only when the word starts with '.').
   */
  complete(line: string, cursor: number): { start: number; candidates: string[] } {
    const before = line.slice(0, cursor);
    const start = Math.max(before.lastIndexOf(' '), before.lastIndexOf(';'), before.lastIndexOf('&')) + 1;
    const word = before.slice(start);
    const firstWord = before.slice(0, start).replace(/.*(?:;|&&)/, '').trim() === '';
    if (firstWord && !word.includes('/')) {
      const names = Object.keys(this.commands).filter((n) => n.startsWith(word)).sort();
      return { start, candidates: names };
    }
    const slash = word.lastIndexOf('/');
    const dirPart = word.slice(0, slash + 1);
    const base = word.slice(slash + 1);
    let dir: string;
    try {
      dir = resolvePath(this.ctx.cwd, dirPart === '' ? '.' : dirPart);
    } catch {
      return { start, candidates: [] };
    }
    if (!this.ctx.vfs.isDir(dir)) return { start, candidates: [] };
    const candidates = this.ctx.vfs
      .readdir(dir)
      .filter((e) => e.name.startsWith(base) && (base.startsWith('.') || !e.name.startsWith('.')))
      .map((e) => `${dirPart}${e.name}${e.kind === 'dir' ? '/' : ''}`)
      .sort();
    return { start, candidates };
  }

  /** Runs one command line; resolves to the exit status of the last command that ran. */
  async run(line: string): Promise<number> {
    if (line.trim() !== '') this.typed.push(line);
    const parsed = parseCommandLine(line);
    if (!parsed.ok) {
      this.ctx.terminal.print(`bootlab: ${parsed.error}`, 'error');
      return 2;
    }
    let status = 0;
    let skip = false;
    for (const { argv, then } of parsed.commands) {
      if (!skip) status = await this.runOne(argv);
      // After `a && b`, b runs only if a succeeded; `;` always goes on (and ends a skipped chain).
      skip = then === '&&' ? skip || status !== 0 : false;
    }
    return status;
  }

  private async runOne(argv: string[]): Promise<number> {
    const name = argv[0]!;
    const command = this.commands[name];
    if (command) {
      try {
        return await command(argv, this.ctx);
      } catch (e) {
        this.ctx.terminal.print(`${name}: ${e instanceof Error ? e.message : String(e)}`, 'error');
        return 1;
      }
    }
    this.ctx.terminal.print(`${name}: command not found`, 'error');
    return 127;
  }
}
