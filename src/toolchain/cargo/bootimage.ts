// `cargo bootimage` and `bootimage runner` (bootimage 0.10's messages): build the kernel with
// `cargo build`, check the `bootloader` dependency (0.9 only) and `llvm-tools`, then wrap the
// kernel with src/boot's bootloader into target/<target>/<profile>/bootimage-<name>.bin.
import { buildBootImage } from '../../boot/index.ts';
import { hasComponent } from '../rustup/state.ts';
import type { ShellContext } from '../shell/types.ts';
import { cargoBuild, CargoExit, type BuildArgs, type BuildOutcome } from './build.ts';

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
export function createBootimage(outcome: BuildOutcome, ctx: ShellContext, print: (t: string) => void): string {
  const version = bootloaderVersion(ctx);
  if (version === null) throw new CargoExit('Error: Bootloader dependency not found\n\nYou need to add a dependency on a crate named `bootloader` in your Cargo.toml.', 1);
  if (version !== undefined && !/^[=^~]?0\.9(\.|$)/.test(version)) {
    throw new CargoExit(
      'Error: An error occured while trying to build the bootloader: The `bootloader` dependency has not the right format: No `package.metadata.bootloader.target` key found in Cargo.toml of bootloader',
      1,
    );
  }
  if (!outcome.state || !outcome.toolchain || !hasComponent(outcome.state, outcome.toolchain, 'llvm-tools')) {
    throw new CargoExit('Error: Could not find the `llvm-tools-preview` rustup component.\n\nYou can install by executing `rustup component add llvm-tools-preview`.', 1);
  }
  print('Building bootloader');
  const kernel = ctx.vfs.readBytes(outcome.executable!);
  const built = buildBootImage(kernel);
  if (!built.ok) throw new CargoExit(`Error: ${built.message}`, 1);
  const path = `${outcome.targetDir}/bootimage-${outcome.packageName}.bin`;
  ctx.vfs.writeFile(path, built.image);
  return path;
}

export function cargoBootimage(args: BuildArgs, ctx: ShellContext, print: (t: string) => void): number {
  if (!ctx.vfs.isFile('Cargo.toml')) throw new CargoExit('Error: Could not find Cargo.toml file starting from current folder: "/"', 1);
  print('Building kernel');
  let outcome: BuildOutcome;
  try {
    outcome = cargoBuild(args, ctx, print);
  } catch (e) {
    if (!(e instanceof CargoExit)) throw e;
    print(e.text);
    throw new CargoExit('Error: Kernel build failed.', 1);
  }
  // bootimage stops when cargo build fails (its own line: inferred from its error type's text)
  if (outcome.status !== 0 || !outcome.executable) throw new CargoExit('Error: Kernel build failed.', 1);
  const path = createBootimage(outcome, ctx, print);
  print(`Created bootimage for \`${outcome.packageName}\` at \`/${path}\``);
  return 0;
}
