// Differential: Bootlab's cargo/rustc on the stable channel against the host's real cargo and
// rustc 1.95 (stable only here: no rustup, no nightly on this machine). Same project, same
// command; the messages must be the same, line for line (the project's path aside).
//
// Found: cargo's rustc probe (`rustc - --crate-name ___ --print=…`) reads its crate from stdin,
// which cargo opens as /dev/null. On this machine /dev/null had been replaced by a regular file:
// `rustc --emit=metadata -o /dev/null` run as root renames its output over the device (seen with
// rustc 1.95 on a character device made for the purpose; typeck.oracle.test.ts ran it); the other oracle files'
// rustc runs with stdio 'ignore' then appended their `-Ctarget-feature=-mmx` warnings to it, and
// the probe read that text as Rust source and failed — so only after those files. Reproduced with
// a regular file bind-mounted over /dev/null. The first test below checks the device, so a broken
// machine is named as such instead of showing up as a cargo difference.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Shell } from '../shell/shell.ts';
import { Vfs } from '../vfs.ts';
import { CARGO_TOML, CONFIG_BUILD_STD, MAIN_RS, MAIN_RS_NEEDS_MEMCPY, TARGET_JSON_POST_ERA } from './testdata/post-project.ts';

const hasCargo = spawnSync('cargo', ['--version']).status === 0;
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function realTool(files: Record<string, string>, cmd: string, args: string[], extraEnv: Record<string, string> = {}): { status: number; stdout: string; stderr: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'bootlab-cargo-oracle-'));
  roots.push(root);
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), t);
  }
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CARGO_TERM_COLOR: 'never', CARGO_TARGET_DIR: join(root, 'target'), ...extraEnv } });
  // the project's real path is `/` in Bootlab's shell
  const norm = (s: string) => s.split(`${root}/`).join('/').split(root).join('/');
  return { status: r.status ?? -1, stdout: norm(r.stdout), stderr: norm(r.stderr), root };
}

async function bootlab(files: Record<string, string>, line: string): Promise<{ status: number; text: string }> {
  const out: string[] = [];
  const shell = new Shell({ vfs: Vfs.from(files), terminal: { print: (t) => void out.push(t), clear: () => {} } });
  const status = await shell.run(line);
  return { status, text: out.join('\n') + '\n' };
}

const project = { 'Cargo.toml': CARGO_TOML, 'x86_64-blog_os.json': TARGET_JSON_POST_ERA, 'src/main.rs': MAIN_RS };

describe.skipIf(!hasCargo)('cargo and rustc on stable, against the host’s', () => {
  it('the machine’s /dev/null is the null device (cargo’s rustc probe reads it as its crate)', () => {
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
  const cases: [string, Record<string, string>, string[]][] = [
    ['-Z build-std on stable', project, ['build', '-Z', 'build-std=core,compiler_builtins', '--target', 'x86_64-blog_os.json']],
    ['--target FILE.json on stable', project, ['build', '--target', 'x86_64-blog_os.json']],
    ['[unstable] and [build] target in .cargo/config.toml on stable', { ...project, '.cargo/config.toml': CONFIG_BUILD_STD }, ['build']],
    ['a syntax error, host target', { ...project, 'src/main.rs': 'fn main() {\n    let x = ;\n}\n' }, ['build']],
    ['[build] in Cargo.toml, then a syntax error', { ...project, 'Cargo.toml': CARGO_TOML + '\n[build]\ntarget = "x86_64-blog_os.json"\n', 'src/main.rs': 'fn main() {\n    let = 5;\n}\n' }, ['build']],
    ['a built-in target that is not installed (E0463)', project, ['build', '--target', 'x86_64-unknown-none']],
    ['an unused key in .cargo/config.toml', { ...project, '.cargo/config.toml': '[build]\ntagret = "x86_64-blog_os.json"\n', 'src/main.rs': 'fn main() {\n    let x = ;\n}\n' }, ['build']],
    ['a version semver cannot read', { ...project, 'Cargo.toml': '[package]\nname = "blog_os"\nversion = "0.1"\n' }, ['build']],
    ['a package without a name', { ...project, 'Cargo.toml': '[package]\nversion = "0.1.0"\n' }, ['build']],
    ['unbalanced delimiters', { ...project, 'src/main.rs': 'fn main() {\n    loop {\n}\n' }, ['build']],
    ['cargo clean with nothing built', project, ['clean']],
  ];
  for (const [name, files, args] of cases) {
    it(name, async () => {
      const real = realTool(files, 'cargo', args);
      const ours = await bootlab(files, `cargo ${args.join(' ')}`);
      expect(ours.status).toBe(real.status);
      expect(ours.text).toBe(real.stderr);
    });
  }
  const rustcCases: [string, Record<string, string>, string[]][] = [
    ['rustc FILE with a syntax error', { 't.rs': 'fn main() {\n    let x = ;\n}\n' }, ['t.rs']],
    ['rustc FILE for a target that is not installed', { 'k.rs': MAIN_RS }, ['--target', 'x86_64-unknown-none', '--edition', '2018', 'k.rs']],
    ['rustc on a missing file', {}, ['nope.rs']],
  ];
  for (const [name, files, args] of rustcCases) {
    it(name, async () => {
      const real = realTool(files, 'rustc', [...args, '-o', 'out.bin']);
      const ours = await bootlab(files, `rustc ${args.join(' ')}`);
      expect(ours.status).toBe(real.status);
      expect(ours.text).toBe(real.stderr);
    });
  }
  it('rustc --version and cargo --version', async () => {
    for (const [cmd, args] of [['rustc', ['--version']], ['rustc', ['-V']], ['cargo', ['--version']]] as const) {
      const real = realTool(project, cmd, [...args]);
      const ours = await bootlab(project, `${cmd} ${args.join(' ')}`);
      expect(ours.text).toBe(real.stdout);
    }
  });
});

// The memcpy state of the post: a kernel that copies an array needs `memcpy`, which only
// compiler_builtins' `mem` feature provides on a bare-metal target. The host cannot build for the
// post's target (no rust-src), but its linux-gnu core and compiler_builtins leave memcpy to the C
// library just the same, so linking the same main.rs statically with rust-lld and no libc is the
// same situation: real rustc must fail there with rust-lld's undefined memcpy, as Bootlab does
// on the post's target without compiler-builtins-mem.
describe.skipIf(!hasCargo)('the memcpy link error, against the host’s cargo and rust-lld', () => {
  const lldFlags = '-C linker=rust-lld -C linker-flavor=ld.lld -C link-arg=-static -C relocation-model=static -C panic=abort';
  // lld names the object and function (and, with debug info, the source line first, on its own line)
  const undefinedMemcpy = /rust-lld: error: undefined symbol: memcpy\n {10}>>> referenced by (?:[^\n]+\n {10}>>> )?[^\n]*:\(_start\)\n/;
  it('real cargo: linking with `rust-lld` failed, undefined symbol: memcpy from _start', () => {
    const real = realTool({ ...project, 'src/main.rs': MAIN_RS_NEEDS_MEMCPY }, 'cargo', ['build'], { RUSTFLAGS: lldFlags });
    expect(real.status).toBe(101);
    expect(real.stderr).toContain('error: linking with `rust-lld` failed: exit status: 1\n  |\n');
    expect(real.stderr).toMatch(undefinedMemcpy);
    expect(real.stderr.trimEnd().split('\n').at(-1)).toBe('error: could not compile `blog_os` (bin "blog_os") due to 1 previous error');
  });
  it('Bootlab on the post’s target without compiler-builtins-mem: the same rust-lld error and cargo summary', async () => {
    const ours = await bootlab(
      { ...project, 'src/main.rs': MAIN_RS_NEEDS_MEMCPY, 'rust-toolchain': 'nightly\n', '.cargo/config.toml': CONFIG_BUILD_STD },
      'rustup component add rust-src && cargo build',
    );
    expect(ours.status).toBe(101);
    expect(ours.text).toContain('error: linking with `rust-lld` failed: exit status: 1\n  |\n');
    expect(ours.text).toMatch(undefinedMemcpy);
    expect(ours.text.trimEnd().split('\n').at(-1)).toBe('error: could not compile `blog_os` (bin "blog_os") due to 1 previous error');
  });
});
