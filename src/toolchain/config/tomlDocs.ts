// Hover help for the keys of the cargo files that the post uses, in our own words.
// Keys are matched by their path (`unstable.build-std`); `*` stands for any one part
// (a dependency name, a profile name, a `cfg(…)` table key).
import { locateToml, type TomlPath } from './tomlLocate.ts';

type Docs = Record<string, string>;

const CARGO_TOML: Docs = {
  package: 'The package this manifest describes: its name, version and edition. Cargo needs at least a `name`.',
  'package.name': 'The crate’s name. The kernel binary gets this name too: `target/x86_64-blog_os/debug/blog_os`.',
  'package.version': 'The package version, in semantic-versioning form `MAJOR.MINOR.PATCH`.',
  'package.edition':
    'The Rust edition the crate is written in (`2015`, `2018`, `2021` or `2024`): it decides which language ' +
    'rules apply, not which compiler is used.',
  'package.authors': 'Who wrote the package (a list of strings). Optional.',
  dependencies: 'Crates this package uses. Each entry is a crate name with a version requirement, or a table with more detail.',
  'dependencies.bootloader':
    'The bootloader that `bootimage` puts in front of the kernel: it switches the CPU to 64-bit mode, sets up ' +
    'page tables, loads the kernel and jumps to `_start`. `bootimage` works with the 0.9 versions.',
  'dependencies.*': 'A dependency: `name = "version"`, or `name = { version = "…", features = […] }`.',
  profile: 'Settings for how code is compiled: `[profile.dev]` for `cargo build`, `[profile.release]` for `--release`.',
  'profile.*': 'Compiler settings for this profile (optimisation level, debug info, what a panic does…).',
  'profile.*.panic':
    '`"abort"` stops at once on a panic instead of unwinding the stack. A kernel has no unwinding support; the ' +
    'target file’s `panic-strategy` says the same for everything built for the target, `core` included.',
  bin: 'A binary target of the package. `test = false` and `bench = false` keep tools from building the kernel as a test harness.',
  build: 'Not a manifest table: `[build]` belongs in `.cargo/config.toml`, so cargo ignores it here.',
  unstable: 'Not a manifest table: `[unstable]` belongs in `.cargo/config.toml`, so cargo ignores it here.',
};

const CARGO_CONFIG: Docs = {
  unstable:
    'Settings for cargo features that only exist on the nightly channel. Each key here is the same as passing ' +
    '`-Z key=value` on the command line. A stable cargo ignores this table.',
  'unstable.build-std':
    'Compile these parts of the standard library from source for our target, instead of using prebuilt copies. ' +
    'Rust ships `core` prebuilt only for its own targets; for a custom target it must be built, and ' +
    '`compiler_builtins` comes with it because `core` depends on it. Needs the `rust-src` component.',
  'unstable.build-std-features':
    'Cargo features to switch on while building the standard library. `compiler-builtins-mem` makes ' +
    '`compiler_builtins` provide `memcpy`, `memset`, `memcmp` and friends, which compiled code calls but which ' +
    'normally come from the C library — and a kernel has none.',
  'unstable.json-target-spec':
    'Allows a `.json` file as the build target. Nightly cargo has asked for this opt-in since early 2026.',
  build: 'Defaults for `cargo build`, `cargo run` and friends.',
  'build.target':
    'The target to build for when no `--target` is given. A path ending in `.json` names a target specification ' +
    'file, relative to the folder that holds `.cargo/`.',
  'build.rustflags': 'Extra flags passed to every `rustc` invocation.',
  target: 'Settings that apply per target: a target name, or a `cfg(…)` expression that matches targets.',
  'target.*':
    'Settings for the targets this key matches. `cfg(target_os = "none")` matches every target whose ' +
    'specification says `"os": "none"` — ours does.',
  'target.*.runner':
    'The command `cargo run` starts, with the path of the built executable added as its last argument. ' +
    '`bootimage runner` wraps the kernel into a bootable disk image and starts QEMU with it.',
  'target.*.rustflags': 'Extra `rustc` flags for the matching targets.',
  'target.*.linker': 'The linker to use for the matching targets.',
};

const TOOLCHAIN: Docs = {
  toolchain: 'Which Rust toolchain rustup uses in this folder.',
  'toolchain.channel': '`nightly`, `beta`, `stable`, a dated nightly like `nightly-2026-11-01`, or a version number.',
  'toolchain.components': 'Extra components to install with the toolchain, such as `rust-src` and `llvm-tools-preview`.',
  'toolchain.targets': 'Extra built-in targets to install.',
};

function lookup(docs: Docs, path: TomlPath): string | undefined {
  const parts = path.map(String);
  const exact = docs[parts.join('.')];
  if (exact) return exact;
  // try wildcards for each part after the first
  for (const [key, doc] of Object.entries(docs)) {
    const k = key.split('.');
    if (k.length !== parts.length) continue;
    if (k.every((p, i) => p === '*' || p === parts[i])) return doc;
  }
  return undefined;
}

/** Markdown for the key under the cursor (an offset into the text), or undefined. */
export function tomlHover(fileKind: 'cargo-toml' | 'cargo-config' | 'rust-toolchain', text: string, offset: number): { markdown: string; start: number; end: number } | undefined {
  const docs = fileKind === 'cargo-toml' ? CARGO_TOML : fileKind === 'cargo-config' ? CARGO_CONFIG : TOOLCHAIN;
  let loc;
  try {
    loc = locateToml(text);
  } catch {
    return undefined;
  }
  let best: { path: TomlPath; start: number; end: number } | undefined;
  for (const { path, span } of loc.entries()) {
    if (offset >= span.keyStart && offset <= span.keyEnd) {
      // the deepest path whose key text is under the cursor (`a.b` in `[a.b]` → the whole header)
      if (!best || path.length > best.path.length) best = { path, start: span.keyStart, end: span.keyEnd };
    }
  }
  if (!best) return undefined;
  const path = best.path.filter((p) => typeof p === 'string');
  const doc = lookup(docs, path);
  if (!doc) return undefined;
  return { markdown: `**\`${path.join('.')}\`**\n\n${doc}`, start: best.start, end: best.end };
}
