// The `cargo`, `rustc` and `bootimage` commands of the shell: version lines from the active
// toolchain, `cargo build`, `cargo bootimage`, `cargo run` through the configured runner.
import { loadState, resolveToolchain, saveState } from '../rustup/state.ts';
import { ensureActive } from '../rustup/install.ts';
import { HOST, cargoVersionLine, isNightly, releaseVersion, rustcVersionLine, type Toolchain } from '../rustup/toolchain.ts';
import { resolvePath } from '../shell/paths.ts';
import type { CompileRequest } from './compile.ts';
import { compilerHost, type CrateBuild } from './compilerHost.ts';
import { publishCompilerDiagnostics } from './diagnosticsFeed.ts';
import { hostLinkRefusal } from './units.ts';
import { qemu } from '../shell/qemu.ts';
import type { Command, ShellContext } from '../shell/types.ts';
import { cargoBootimage, createBootimage } from './bootimage.ts';
import { cargoClean } from './clean.ts';
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
  if (!ctx.vfs.isFile('src/main.rs') && ctx.vfs.isFile('src/lib.rs') && ctx.vfs.isFile('Cargo.toml')) {
    throw new CargoExit('error: a bin target must be available for `cargo run`');
  }
  const outcome = await cargoBuild(args, ctx, print);
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
  const image = await createBootimage(outcome, ctx, print);
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
        return (await cargoBuild({ ...parseBuildArgs(rest), plus }, ctx, print)).status;
      case 'bootimage':
        return await cargoBootimage({ ...parseBuildArgs(rest), plus }, ctx, print);
      case 'clean':
        if (!ctx.vfs.isFile('Cargo.toml')) throw new CargoExit('error: could not find `Cargo.toml` in `/` or any parent directory');
        return cargoClean(ctx.vfs, print);
      case 'run':
      case 'r':
        return await cargoRun(plus ? [`+${plus}`, ...rest].slice(1) : rest, ctx, print);
      case undefined:
      case 'help':
      case '--help':
        print('Rust\'s package manager (Bootlab)\n\nUsage: cargo [+toolchain] <COMMAND>\n\nCommands:\n    build, b    Compile the current package\n    run, r      Run a binary of the local package (through the configured runner)\n    bootimage   Create a bootable disk image (bootimage)\n    clean       Remove the target directory\n    --version   Print version info');
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

export const rustc: Command = async (argv, ctx) => {
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
    return await rustcFile(rest, ctx, tc);
  } catch (e) {
    if (!(e instanceof CargoExit)) throw e;
    ctx.terminal.print(e.text, 'error');
    return e.status;
  }
};

/**
 * `rustc [--edition E] [--target T] [--crate-name N] FILE`: the same compiler cargo runs, with
 * rustc's own summary lines (`aborting due to …`). Built-in targets other than the host have no
 * `core` here (E0463), as on a machine without `rustup target add`.
 */
async function rustcFile(args: string[], ctx: ShellContext, tc: Toolchain): Promise<number> {
  let file: string | undefined;
  let edition: CompileRequest['edition'] = '2015';
  let target = HOST;
  let crateName: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new CargoExit(`error: Argument to option '${a.replace(/^-+/, '')}' missing`, 1);
      return v;
    };
    if (a === '--edition') edition = value() as CompileRequest['edition'];
    else if (a.startsWith('--edition=')) edition = a.slice(10) as CompileRequest['edition'];
    else if (a === '--target') target = value();
    else if (a === '--crate-name') crateName = value();
    else if (a === '-O' || a.startsWith('-C') || a === '--crate-type') {
      if (a === '-C' || a === '--crate-type') value();
    } else if (a.startsWith('-')) throw new CargoExit(`error: Unrecognized option: '${a.replace(/^-+/, '')}'`, 1);
    else file = a;
  }
  if (file === undefined) throw new CargoExit('error: no input filename given', 1);
  if (!['2015', '2018', '2021', '2024'].includes(edition)) throw new CargoExit(`error: argument for \`--edition\` must be one of: 2015|2018|2021|2024. (instead was \`${edition}\`)`, 1);
  let path: string;
  try {
    path = resolvePath(ctx.cwd, file);
  } catch {
    path = '';
  }
  if (!ctx.vfs.isFile(path)) throw new CargoExit(`error: couldn't read \`${file}\`: No such file or directory (os error 2)\n\nerror: aborting due to 1 previous error\n`, 1);
  const name = crateName ?? (path.split('/').pop() ?? 'main').replace(/\.rs$/, '').replace(/-/g, '_');
  const req: CompileRequest = {
    crateName: name,
    crateType: 'bin',
    rootPath: file,
    source: ctx.vfs.readText(path),
    edition,
    target: target.endsWith('.json') ? target.slice(target.lastIndexOf('/') + 1, -5) : target,
    release: false,
    coreAvailable: target === HOST,
    nightly: isNightly(tc),
    sysrootHasStd: target === HOST,
  };
  // parsing and the std question come first; then the host's sysroot, which holds our core
  // (prebuilt: compiled once from the same library sources) — if that does not compile, it is
  // Bootlab's own bug, said so
  const host = compilerHost();
  const compileOnHost = async (): Promise<CrateBuild> => {
    const sysroot = { release: false, memFeature: false };
    const sys = await host.buildSysroot(sysroot);
    if (sys.core && sys.compilerBuiltins) return host.compileCrate({ ...req, sysroot });
    return {
      ...sys.coreReport,
      rendered: `error: internal compiler error: Bootlab's prebuilt \`core\` and \`compiler_builtins\` for \`${HOST}\` do not compile:\n\n${sys.coreReport.rendered}${sys.builtinsReport.rendered}`,
      errors: 1,
    };
  };
  const r: CrateBuild = (await host.hostStdCheck(req)) ?? (target === HOST ? await compileOnHost() : await host.compileCrate(req));
  publishCompilerDiagnostics({ crate: name, diagnostics: r.json });
  if (r.errors === 0 && r.unit) {
    if (r.rendered) ctx.terminal.print(r.rendered.replace(/\n$/, ''), 'error');
    ctx.terminal.print(`error: ${hostLinkRefusal(name, target)}\n\nerror: aborting due to 1 previous error${r.warnings ? `; ${r.warnings} warning${r.warnings === 1 ? '' : 's'} emitted` : ''}\n`, 'error');
    return 1;
  }
  // rustc's own summary, which cargo leaves out
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const summary = `error: aborting due to ${r.errors === 1 ? '1 previous error' : `${r.errors} previous errors`}${r.warnings ? `; ${plural(r.warnings, 'warning')} emitted` : ''}`;
  const explain = r.rendered.match(/\n((?:Some errors have|For more information)[\s\S]*)$/);
  const body = explain ? r.rendered.slice(0, explain.index! + 1) : r.rendered;
  ctx.terminal.print(`${body}${summary}\n\n${explain ? explain[1]! : ''}`.replace(/\n$/, ''), 'error');
  return 1;
}

/** `bootimage runner KERNEL` and `bootimage build` as bootimage's own binary. */
export const bootimage: Command = async (argv, ctx) => {
  const [, sub] = argv;
  if (sub === 'build') return cargo(['cargo', 'bootimage', ...argv.slice(2)], ctx);
  ctx.terminal.print('Error: Bootlab runs `bootimage` through cargo: `cargo bootimage`, or `cargo run` with `runner = "bootimage runner"`', 'error');
  return 1;
};
