// Random command lines for cargo, rustup, rustc and bootimage over random project states: every
// one ends with the tool's own answer (an exit status and its message), never with an exception
// that the shell has to catch (it would print `cargo: <internal message>`).
import { describe, expect, it } from 'vitest';
import { Shell } from '../shell/shell.ts';
import { Vfs } from '../vfs.ts';
import { CARGO_TOML, CARGO_TOML_WITH_BOOTLOADER, CONFIG_BUILD_STD, CONFIG_FULL, MAIN_RS, TARGET_JSON_POST_ERA, TARGET_JSON_TODAY } from './testdata/post-project.ts';

const COMMANDS = ['cargo', 'rustup', 'rustc', 'bootimage', 'cargo +nightly', 'cargo +nightly-2025-09-01'];
const WORDS = [
  'build', 'run', 'bootimage', '--version', '-V', '-vV', '--release', '--target', 'x86_64-blog_os.json', 'x86_64-unknown-none', 'nope.json',
  '-Z', 'build-std=core,compiler_builtins', '-Zbuild-std', '-Zjson-target-spec', '-Z', 'build-std-features=compiler-builtins-mem', '--',
  'show', 'default', 'override', 'set', 'unset', 'list', 'toolchain', 'install', 'uninstall', 'component', 'add', 'remove', 'rust-src',
  'llvm-tools-preview', 'nightly', 'stable', 'nightly-2024-06-01', '1.80', 'target', '--installed', 'update', '--toolchain', 'active-toolchain', '',
];
const FILES: Record<string, string[]> = {
  'Cargo.toml': [CARGO_TOML, CARGO_TOML_WITH_BOOTLOADER, '[package\n', 'name = 3\n', ''],
  'x86_64-blog_os.json': [TARGET_JSON_POST_ERA, TARGET_JSON_TODAY, '{', '{"arch": 3}', '[]'],
  '.cargo/config.toml': [CONFIG_BUILD_STD, CONFIG_FULL, '[build]\ntarget = 5\n', '[unstable]\nbuild-std = "core"\n'],
  'rust-toolchain': ['nightly\n', 'stable\n', 'nightly-2026-08-01\n', '\n', '[toolchain]\n', 'nighty'],
  'src/main.rs': [MAIN_RS, 'fn main() {', '#![no_std]\nfn f() { let = ; }\n', ''],
  '.bootlab/rustup.json': ['{', '{"default": null, "toolchains": {}, "overrides": {}}', '[]'],
};

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('cargo, rustup, rustc on random input', () => {
  it('always answer as a tool, never with an internal exception', async () => {
    const rand = rng(20261125);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    for (let round = 0; round < 300; round++) {
      const files: Record<string, string> = {};
      for (const [path, variants] of Object.entries(FILES)) if (rand() < 0.8) files[path] = pick(variants);
      const out: string[] = [];
      const shell = new Shell({ vfs: Vfs.from(files), terminal: { print: (t) => void out.push(t), clear: () => {} }, machine: { boot: () => ({ exitStatus: 0 }) } });
      for (let i = 0; i < 3; i++) {
        const words = Array.from({ length: Math.floor(rand() * 5) }, () => pick(WORDS)).filter(Boolean);
        const line = `${pick(COMMANDS)} ${words.join(' ')}`;
        const status = await shell.run(line);
        expect(typeof status, line).toBe('number');
        const internal = out.find((o) => /^(cargo|rustup|rustc|bootimage): /.test(o));
        expect(internal, `${line}\n${JSON.stringify(files)}`).toBeUndefined();
      }
    }
  }, 60_000);
});
