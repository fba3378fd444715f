// `bootlab sh` over a real directory, one test per state of the post's project (issue 6's
// acceptance list): the outcome the post describes, in the real tools' words — the kernel really
// compiled by src/rustc (our core and compiler_builtins through build-std), linked, imaged, booted.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CARGO_TOML,
  CARGO_TOML_WITH_BOOTLOADER,
  CONFIG_BUILD_STD,
  CONFIG_FULL,
  MAIN_RS,
  MAIN_RS_HELLO,
  MAIN_RS_NEEDS_MEMCPY,
  MAIN_RS_NO_PANIC_HANDLER,
  TARGET_JSON_POST_ERA,
} from '../../toolchain/cargo/testdata/post-project.ts';
import { run } from './sh.ts';

// builds compile our core (debug and release), which can take seconds on a busy machine
vi.setConfig({ testTimeout: 60_000 });

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'bootlab-post-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function sh(dir: string, line: string): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await run(['-C', dir, '-c', line], { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { status, out, err };
}

const base = { 'Cargo.toml': CARGO_TOML, 'x86_64-blog_os.json': TARGET_JSON_POST_ERA, 'src/main.rs': MAIN_RS };

describe("bootlab sh: the post's states", () => {
  it('nightly needed: -Z build-std on stable', async () => {
    const dir = project(base);
    const r = await sh(dir, 'cargo build --target x86_64-blog_os.json -Z build-std=core,compiler_builtins');
    expect(r.status).toBe(101);
    expect(r.err).toContain('error: the `-Z` flag is only accepted on the nightly channel of Cargo, but this is the `stable` channel\n');
  });

  it('E0463 after `rustup override set nightly`, kept in DIR/.bootlab between calls', async () => {
    const dir = project(base);
    expect((await sh(dir, 'rustup override set nightly')).status).toBe(0);
    expect(existsSync(join(dir, '.bootlab/rustup.json'))).toBe(true);
    const v = await sh(dir, 'rustc --version');
    expect(v.out).toMatch(/^rustc 1\.77\.0-nightly \(/);
    const r = await sh(dir, 'cargo build --target x86_64-blog_os.json');
    expect(r.status).toBe(101);
    expect(r.out + r.err).toContain("error[E0463]: can't find crate for `core`\n  |\n  = note: the `x86_64-blog_os` target may not be installed\n");
  });

  it('rust-src missing, then present (with `&&`)', async () => {
    const dir = project({ ...base, 'rust-toolchain': 'nightly\n', '.cargo/config.toml': CONFIG_BUILD_STD });
    const r = await sh(dir, 'cargo build');
    expect(r.status).toBe(101);
    expect(r.err).toMatch(/error: ".*\/lib\/rustlib\/src\/rust\/library\/Cargo\.lock" does not exist, unable to build with the standard library, try:\n {8}rustup component add rust-src\n/);
    const next = await sh(dir, 'rustup component add rust-src && cargo build');
    expect(next.out).toContain('   Compiling core v0.0.0 (');
    expect(JSON.parse(readFileSync(join(dir, '.bootlab/rustup.json'), 'utf8')).toolchains['nightly-x86_64-unknown-linux-gnu']).toContain('rust-src');
  });
});


describe("bootlab sh: the post's states that build the kernel", () => {
  const ready = (files: Record<string, string>) => project({ ...base, 'rust-toolchain': 'nightly\n', ...files });

  it('panic handler missing', async () => {
    const dir = ready({ '.cargo/config.toml': CONFIG_BUILD_STD, 'src/main.rs': MAIN_RS_NO_PANIC_HANDLER });
    const r = await sh(dir, 'rustup component add rust-src && cargo build');
    expect(r.status).toBe(101);
    expect(r.out + r.err).toContain('error: `#[panic_handler]` function required, but not found');
  });

  it('link error for memcpy without compiler-builtins-mem', async () => {
    const dir = ready({ '.cargo/config.toml': CONFIG_BUILD_STD, 'src/main.rs': MAIN_RS_NEEDS_MEMCPY });
    const r = await sh(dir, 'rustup component add rust-src && cargo build');
    expect(r.status).toBe(101);
    expect(r.out + r.err).toContain('error: linking with `rust-lld` failed: exit status: 1');
    expect(r.out + r.err).toContain('rust-lld: error: undefined symbol: memcpy');
  });

  it('success: Finished, and the ELF kernel on disk', async () => {
    const dir = ready({ '.cargo/config.toml': CONFIG_FULL, 'src/main.rs': MAIN_RS_HELLO });
    const r = await sh(dir, 'rustup component add rust-src && cargo build');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/ {4}Finished `dev` profile \[unoptimized \+ debuginfo\] target\(s\) in \d+\.\d\ds\n$/);
    expect([...readFileSync(join(dir, 'target/x86_64-blog_os/debug/blog_os')).subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
  });

  it('bootimage created', async () => {
    const dir = ready({ 'Cargo.toml': CARGO_TOML_WITH_BOOTLOADER, '.cargo/config.toml': CONFIG_FULL, 'src/main.rs': MAIN_RS_HELLO });
    const r = await sh(dir, 'rustup component add rust-src llvm-tools-preview && cargo bootimage');
    expect(r.status).toBe(0);
    expect(r.out).toContain('Building kernel\n');
    expect(r.out).toContain('Created bootimage for `blog_os` at `/target/x86_64-blog_os/debug/bootimage-blog_os.bin`');
    expect(existsSync(join(dir, 'target/x86_64-blog_os/debug/bootimage-blog_os.bin'))).toBe(true);
  });

  it('cargo run boots and the screen shows Hello World!', async () => {
    const dir = ready({ 'Cargo.toml': CARGO_TOML_WITH_BOOTLOADER, '.cargo/config.toml': CONFIG_FULL, 'src/main.rs': MAIN_RS_HELLO });
    const r = await sh(dir, 'rustup component add rust-src llvm-tools-preview && cargo run');
    expect(r.out).toContain('     Running `bootimage runner target/x86_64-blog_os/debug/blog_os`');
    expect(r.out).toContain('Running: `qemu-system-x86_64 -drive format=raw,file=target/x86_64-blog_os/debug/bootimage-blog_os.bin`');
    // the post's kernel loops forever: the headless PC runs it until its time limit, then shows the screen
    expect(r.out).toContain('Hello World!');
  }, 60_000);
});
