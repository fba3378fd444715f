// The `cargo`, `rustc` and `bootimage` commands of the shell: version lines from the active
// toolchain, `cargo build`, `cargo bootimage`, `cargo run` through the configured runner.
import { loadState, resolveToolchain, saveState } from '../rustup/state.ts';
import { ensureActive } from '../rustup/install.ts';
import { HOST, cargoVersionLine, releaseVersion, rustcVersionLine } from '../rustup/toolchain.ts';
import { qemu } from '../shell/qemu.ts';
import type { Command, ShellContext } from '../shell/types.ts';
import { cargoBootimage, createBootimage } from './bootimage.ts';
import { cargoBuild, CargoExit, parseBuildArgs, runnerFor, verb, type BuildOutcome } from './build.ts';

function activeToolchain(ctx: ShellContext, plus?: string) {
  const state = loadState(ctx.vfs);
  const r = resolveToolchain(ctx.vfs, state, ctx.cwd, plus);
  if (!r.ok) throw new CargoExit(r.message, 1);
  const lines = ensureActive(state, r.active);
  if (lines.length) {
    saveState(ctx.vfs, state);
    ctx.terminal.print(lines.join('\n'), 'error');
  }
  return r.active.toolchain;
}

async function cargoRun(argv: string[], ctx: ShellContext, print: (t: string) => void): Promise<number> {
  const sep = argv.indexOf('--');
  const args = parseBuildArgs(sep < 0 ? argv : argv.slice(0, sep));
  const outcome = cargoBuild(args, ctx, print);
  if (outcome.status !== 0 || !outcome.executable) return outcome.status;
  return runBuilt(outcome, ctx, print);
}

/** What `cargo run` does once the kernel is built: the configured runner (`bootimage runner`). */
export async function runBuilt(outcome: BuildOutcome, ctx: ShellContext, print: (t: string) => void): Promise<number> {
  const runner = runnerFor(outcome, outcome.targetDir!.split('/')[1] ?? HOST);
  if (!runner) {
    throw new CargoExit(`error: no runner is configured for this target, and Bootlab cannot run \`${outcome.executable}\` on this machine (it is a kernel for a bare-metal target)`);
  }
  print(verb('Running', `\`${[...runner, outcome.executable].join(' ')}\``));
  if (runner[0] !== 'bootimage' || runner[1] !== 'runner') throw new CargoExit(`error: could not execute process \`${runner.join(' ')}\` (never executed)`);
  const image = createBootimage(outcome, ctx, print);
  print(`Running: \`qemu-system-x86_64 -drive format=raw,file=${image}\``);
  return qemu(['qemu-system-x86_64', '-drive', `format=raw,file=${image}`], { ...ctx, cwd: '' });
}

export const cargo: Command = async (argv, ctx) => {
  const print = (t: string) => ctx.terminal.print(t);
  let args = argv.slice(1);
  const plus = args[0]?.startsWith('+') ? args[0].slice(1) : undefined;
  if (plus !== undefined) args = args.slice(1);
  try {
    const [sub, ...rest] = args;
    switch (sub) {
      case '--version':
      case '-V':
        print(cargoVersionLine(activeToolchain(ctx, plus)));
        return 0;
      case 'build':
      case 'b':
        return cargoBuild({ ...parseBuildArgs(rest), plus }, ctx, print).status;
      case 'bootimage':
        return cargoBootimage({ ...parseBuildArgs(rest), plus }, ctx, print);
      case 'run':
      case 'r':
        return await cargoRun(plus ? [`+${plus}`, ...rest].slice(1) : rest, ctx, print);
      case undefined:
      case 'help':
      case '--help':
        print('Rust\'s package manager (Bootlab)\n\nUsage: cargo [+toolchain] <COMMAND>\n\nCommands:\n    build, b    Compile the current package\n    run, r      Run a binary of the local package (through the configured runner)\n    bootimage   Create a bootable disk image (bootimage)\n    --version   Print version info');
        return 0;
      default:
        throw new CargoExit(`error: no such command: \`${sub}\`\n\nhelp: view all installed commands with \`cargo --list\``);
    }
  } catch (e) {
    if (!(e instanceof CargoExit)) throw e;
    ctx.terminal.print(e.text, 'error');
    return e.status;
  }
};

export const rustc: Command = (argv, ctx) => {
  const args = argv.slice(1);
  const plus = args[0]?.startsWith('+') ? args[0].slice(1) : undefined;
  const rest = plus !== undefined ? args.slice(1) : args;
  try {
    const tc = activeToolchain(ctx, plus);
    const verbose = rest.includes('-v') || rest.includes('--verbose');
    if ((rest[0] === '--version' || rest[0] === '-V') && !verbose) {
      ctx.terminal.print(rustcVersionLine(tc));
      return 0;
    }
    if (rest[0] === '-vV' || ((rest.includes('-V') || rest.includes('--version')) && verbose)) {
      const line = rustcVersionLine(tc);
      const [hash, date] = line.slice(line.indexOf('(') + 1, -1).split(' ');
      ctx.terminal.print(`${line}\nbinary: rustc\ncommit-hash: ${hash}\ncommit-date: ${date}\nhost: ${HOST}\nrelease: ${releaseVersion(tc)}`);
      return 0;
    }
    ctx.terminal.print(
      'error: Bootlab runs rustc through cargo only (`cargo build`); on its own, `rustc` answers `--version` and `-vV`',
      'error',
    );
    return 1;
  } catch (e) {
    if (!(e instanceof CargoExit)) throw e;
    ctx.terminal.print(e.text, 'error');
    return e.status;
  }
};

/** `bootimage runner KERNEL` and `bootimage build` as bootimage's own binary. */
export const bootimage: Command = async (argv, ctx) => {
  const [, sub] = argv;
  if (sub === 'build') return cargo(['cargo', 'bootimage', ...argv.slice(2)], ctx);
  ctx.terminal.print('Error: Bootlab runs `bootimage` through cargo: `cargo bootimage`, or `cargo run` with `runner = "bootimage runner"`', 'error');
  return 1;
};
