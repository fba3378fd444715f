// `cargo bootimage` and `bootimage runner` (bootimage 0.10's order and messages): "Building
// kernel" and `cargo build`; then the `bootloader` dependency (0.9 only), "Building bootloader",
// and `llvm-tools` when the disk image is made; the kernel is wrapped with src/boot's bootloader
// into target/<target>/<profile>/bootimage-<name>.bin. bootimage's `main` prints its error with
// anyhow: the error's text, then `Caused by:` and the wrapped error indented by four spaces.
import { hasComponent } from '../rustup/state.ts';
import type { ShellContext } from '../shell/types.ts';
import { compilerHost } from './compilerHost.ts';
import { cargoBuild, CargoExit, type BuildArgs, type BuildOutcome } from './build.ts';

const NO_BOOTLOADER = 'Bootloader dependency not found\n\nYou need to add a dependency on a crate named `bootloader` in your Cargo.toml.';
const BAD_BOOTLOADER = 'No `package.metadata.bootloader.target` key found in Cargo.toml of bootloader';
const NO_LLVM_TOOLS = 'Could not find the `llvm-tools-preview` rustup component.\n\nYou can install by executing `rustup component add llvm-tools-preview`.';

/** anyhow's report of a wrapped error (thiserror's `#[from]` keeps the inner one as the source). */
function wrapped(outer: string, inner: string): string {
  const indented = inner.split('\n').map((l) => (l ? `    ${l}` : '')).join('\n');
  return `Error: ${outer}: ${inner}\n\nCaused by:\n${indented}`;
}

function bootloaderVersion(ctx: ShellContext): string | undefined | null {
  const text = ctx.vfs.readText('Cargo.toml');
  const m = /^\s*bootloader\s*=\s*(?:"([^"]*)"|\{[^}]*version\s*=\s*"([^"]*)")/m.exec(text);
  if (!m) {
    // a [dependencies.bootloader] table
    const t = /^\s*\[dependencies\.bootloader\][^[]*?version\s*=\s*"([^"]*)"/m.exec(text);
    return t ? t[1]! : null;
  }
  return m[1] ?? m[2];
}

/** Wraps a built kernel; returns the image's project path. Throws CargoExit with bootimage's errors. */
export async function createBootimage(outcome: BuildOutcome, ctx: ShellContext, print: (t: string) => void): Promise<string> {
  const version = bootloaderVersion(ctx);
  if (version === null) throw new CargoExit(wrapped('An error occured while trying to build the bootloader', NO_BOOTLOADER), 1);
  if (version !== undefined && !/^[=^~]?0\.9(\.|$)/.test(version)) {
    throw new CargoExit(wrapped('An error occured while trying to build the bootloader', `The \`bootloader\` dependency has not the right format: ${BAD_BOOTLOADER}`), 1);
  }
  print('Building bootloader');
  if (!outcome.state || !outcome.toolchain || !hasComponent(outcome.state, outcome.toolchain, 'llvm-tools')) {
    throw new CargoExit(wrapped('An error occured while trying to create the disk image', NO_LLVM_TOOLS), 1);
  }
  const kernel = ctx.vfs.readBytes(outcome.executable!);
  // in the page, off its thread (the compiler Worker): assembling the bootloader takes a while
  const built = await compilerHost().bootImage(kernel);
  if (!built.ok) throw new CargoExit(`Error: ${built.message}`, 1);
  const path = `${outcome.targetDir}/bootimage-${outcome.packageName}.bin`;
  ctx.vfs.writeFile(path, built.image);
  return path;
}

export async function cargoBootimage(args: BuildArgs, ctx: ShellContext, print: (t: string) => void): Promise<number> {
  if (!ctx.vfs.isFile('Cargo.toml')) throw new CargoExit('Error: Could not find Cargo.toml file starting from current folder: "/"', 1);
  print('Building kernel');
  let outcome: BuildOutcome;
  try {
    outcome = await cargoBuild(args, ctx, print);
  } catch (e) {
    if (!(e instanceof CargoExit)) throw e;
    print(e.text);
    // bootimage lets cargo print to the terminal, so the captured stderr it quotes is empty
    throw new CargoExit('Error: Kernel build failed.\nStderr: ', 1);
  }
  if (outcome.status !== 0 || !outcome.executable) throw new CargoExit('Error: Kernel build failed.\nStderr: ', 1);
  const path = await createBootimage(outcome, ctx, print);
  print(`Created bootimage for \`${outcome.packageName}\` at \`/${path}\``);
  return 0;
}
