import { describe, expect, it, vi } from 'vitest';
import { Vfs } from '../vfs.ts';
import { Shell } from '../shell/shell.ts';
import { parseToolchain } from '../rustup/toolchain.ts';
import { elapsed, finishedLine, runnerFor } from './build.ts';
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
  TARGET_JSON_TODAY,
} from './testdata/post-project.ts';

// builds compile our core (debug and release), which can take seconds on a busy machine
vi.setConfig({ testTimeout: 60_000 });

function setup(files: Record<string, string> = {}) {
  const vfs = Vfs.from({ 'Cargo.toml': CARGO_TOML, 'x86_64-blog_os.json': TARGET_JSON_POST_ERA, 'src/main.rs': MAIN_RS, ...files });
  const out: string[] = [];
  const boots: Uint8Array[] = [];
  const shell = new Shell({
    vfs,
    terminal: { print: (t) => void out.push(t), clear: () => {} },
    machine: { boot: (image) => void (image && boots.push(image)) },
  });
  const run = async (line: string) => {
    out.length = 0;
    const status = await shell.run(line);
    // rustup's lines when it installs the toolchain a rust-toolchain file names (tested in rustup.test.ts)
    return { status, text: out.join('\n').split('\n').filter((l) => !l.startsWith('info: ')).join('\n') };
  };
  return { vfs, run, boots };
}

const E0463 = `error[E0463]: can't find crate for \`core\`
  |
  = note: the \`x86_64-blog_os\` target may not be installed
  = help: consider downloading the target with \`rustup target add x86_64-blog_os\`
  = help: consider building the standard library from source with \`cargo build -Zbuild-std\`

For more information about this error, try \`rustc --explain E0463\`.
error: could not compile \`blog_os\` (bin "blog_os") due to 1 previous error`;

const NIGHTLY_SYSROOT = '/home/learner/.rustup/toolchains/nightly-x86_64-unknown-linux-gnu';

describe('cargo build on stable', () => {
  it('refuses -Z flags', async () => {
    const { run } = setup();
    const r = await run('cargo build -Z build-std=core,compiler_builtins --target x86_64-blog_os.json');
    expect(r.status).toBe(101);
    expect(r.text).toBe(
      'error: the `-Z` flag is only accepted on the nightly channel of Cargo, but this is the `stable` channel\n' +
        'See https://doc.rust-lang.org/book/appendix-07-nightly-rust.html for more information about Rust release channels.',
    );
  });
  it('refuses .json targets (today’s stable cargo needs -Zjson-target-spec)', async () => {
    const { run } = setup();
    const r = await run('cargo build --target x86_64-blog_os.json');
    expect(r).toEqual({ status: 101, text: 'error: `.json` target specs require -Zjson-target-spec' });
  });
  it('ignores [unstable] in .cargo/config.toml silently, and takes [build] target', async () => {
    const { run } = setup({ '.cargo/config.toml': CONFIG_BUILD_STD });
    expect(await run('cargo build')).toEqual({ status: 101, text: 'error: `.json` target specs require -Zjson-target-spec' });
  });
});

describe('cargo build on the post’s nightly', () => {
  it('E0463 without build-std', async () => {
    const { run } = setup({ 'rust-toolchain': 'nightly\n' });
    const r = await run('cargo build --target x86_64-blog_os.json');
    expect(r.status).toBe(101);
    expect(r.text.split('\n').slice(-E0463.split('\n').length).join('\n')).toBe(E0463);
    expect(r.text).toContain('   Compiling blog_os v0.1.0 (/)');
  });
  it('E0463 for std when the crate is not #![no_std]', async () => {
    const { run } = setup({ 'rust-toolchain': 'nightly\n', 'src/main.rs': 'fn main() {}\n' });
    const r = await run('cargo build --target x86_64-blog_os.json');
    expect(r.text).toContain("error[E0463]: can't find crate for `std`");
    expect(r.text).not.toContain('compiler_builtins');
  });
  it('asks for rust-src when build-std has no sources', async () => {
    const { run } = setup({ 'rust-toolchain': 'nightly\n', '.cargo/config.toml': CONFIG_BUILD_STD });
    const r = await run('cargo build');
    expect(r.status).toBe(101);
    expect(r.text).toBe(
      `error: "${NIGHTLY_SYSROOT}/lib/rustlib/src/rust/library/Cargo.lock" does not exist, unable to build with the standard library, try:\n        rustup component add rust-src`,
    );
  });
  it('with rust-src, build-std compiles our core first, as the post shows it', async () => {
    const { run, vfs } = setup({ 'rust-toolchain': 'nightly\n', '.cargo/config.toml': CONFIG_BUILD_STD });
    await run('rustup component add rust-src');
    const r = await run('cargo build');
    const lines = r.text.split('\n');
    expect(lines[0]).toBe(`   Compiling core v0.0.0 (${NIGHTLY_SYSROOT}/lib/rustlib/src/rust/library/core)`);
    if (r.status === 0) {
      // the post's order, with the std crates of the post-era nightly
      expect(lines.filter((l) => l.startsWith('   Compiling'))).toEqual([
        `   Compiling core v0.0.0 (${NIGHTLY_SYSROOT}/lib/rustlib/src/rust/library/core)`,
        `   Compiling rustc-std-workspace-core v1.99.0 (${NIGHTLY_SYSROOT}/lib/rustlib/src/rust/library/rustc-std-workspace-core)`,
        '   Compiling compiler_builtins v0.1.105',
        '   Compiling blog_os v0.1.0 (/)',
      ]);
    } else {
      // stopped honestly where the compiler stopped, with cargo's summary for that crate
      expect(r.status).toBe(101);
      expect(lines.at(-1)).toMatch(/^error: could not compile `(core|compiler_builtins|blog_os)` \((lib|bin "blog_os")\) due to \d+ previous errors?/);
      expect(r.text).not.toContain('Finished');
      expect(vfs.isFile('target/x86_64-blog_os/debug/blog_os')).toBe(false);
    }
  });
  it('-Z on the command line works like the config (build-std, no rust-src)', async () => {
    const { run } = setup({ 'rust-toolchain': 'nightly\n' });
    const r = await run('cargo build --target x86_64-blog_os.json -Z build-std=core,compiler_builtins -Z build-std-features=compiler-builtins-mem');
    expect(r.text).toMatch(/Cargo\.lock" does not exist/);
    expect((await run('cargo build -Z frobnicate')).text).toBe('error: unknown `-Z` flag specified: frobnicate');
  });
  it('-Zbuild-std alone means std, which Bootlab’s library does not hold: said so', async () => {
    const { run } = setup({ 'rust-toolchain': 'nightly\n' });
    await run('rustup component add rust-src');
    const r = await run('cargo build --target x86_64-blog_os.json -Zbuild-std');
    expect(r.status).toBe(101);
    expect(r.text).toMatch(/^error: Bootlab's standard library sources hold `core` and `compiler_builtins` only, so build-std cannot build `std`/);
  });
  it('renders syntax errors through cargo as rustc does', async () => {
    const broken = MAIN_RS.replace('pub extern "C" fn _start() -> ! {', 'pub extern "C" fn _start() -> ! {\n    let x = ;');
    const { run } = setup({ 'rust-toolchain': 'nightly\n', 'src/main.rs': broken });
    const r = await run('cargo build --target x86_64-blog_os.json');
    expect(r.status).toBe(101);
    expect(r.text).toContain('error: expected expression, found `;`\n  --> src/main.rs:13:13\n   |\n13 |     let x = ;\n   |             ^ expected expression\n\nerror: could not compile');
    expect(r.text).not.toContain('E0463'); // parsing comes before crate loading
    expect(r.text.split('\n').at(-1)).toBe('error: could not compile `blog_os` (bin "blog_os") due to 1 previous error');
  });
  it('for the host target, compiles #![no_std] crates against our core but links no host executable', async () => {
    const { run } = setup({ 'rust-toolchain': 'nightly\n' });
    const r = await run('cargo build');
    expect(r.status).toBe(101);
    expect(r.text.split('\n')[0]).toBe('   Compiling blog_os v0.1.0 (/)');
    expect(r.text.split('\n').at(-1)).toMatch(/^error: could not compile `blog_os` \(bin "blog_os"\) due to \d+ previous errors?/);
    expect(r.text).not.toContain('Finished');
    const std = setup({ 'rust-toolchain': 'nightly\n', 'src/main.rs': 'fn main() {}\n' });
    expect((await std.run('cargo build')).text).toContain('error: Bootlab has no `std`: for the host target it compiles `#![no_std]` crates only');
  });
  it('--target on the command line wins over [build] target', async () => {
    const { run } = setup({ 'rust-toolchain': 'nightly\n', '.cargo/config.toml': '[build]\ntarget = "x86_64-blog_os.json"\n', 'other.json': '{}' });
    const viaConfig = await run('cargo build');
    expect(viaConfig.text).toContain("target may not be installed");
    const viaCli = await run('cargo build --target other.json');
    expect(viaCli.text).toContain('error: failed to run `rustc` to learn about target-specific information');
    // the post's nightly has the hand-written loader and its one-line wrapper
    expect(viaCli.text).toContain('  error: Error loading target specification: Field llvm-target in target specification is required. Run `rustc --print target-list` for a list of built-in targets');
  });
  it('unknown fields are only a warning for the post’s nightly, an error for today’s', async () => {
    const typo = TARGET_JSON_POST_ERA.replace('"executables"', '"executable"');
    const old = setup({ 'rust-toolchain': 'nightly\n', 'x86_64-blog_os.json': typo });
    const r = await old.run('cargo build --target x86_64-blog_os.json');
    expect(r.text.split('\n')[0]).toBe('warning: target json file contains unused fields: executable');
    expect(r.text).toContain('E0463');
    const today = setup({ 'rust-toolchain': 'nightly-2026-08-01\n', 'x86_64-blog_os.json': TARGET_JSON_TODAY.replace('"executables"', '"executable"') });
    const t = await today.run('cargo build --target x86_64-blog_os.json -Zjson-target-spec');
    expect(t.text).toMatch(/ {2}error: error loading target specification: unknown field `executable`, expected one of .* at line 9 column 16\n/);
  });
  it('a missing target file is rustc’s load error', async () => {
    const { run } = setup({ 'rust-toolchain': 'nightly\n' });
    const r = await run('cargo build --target nope.json');
    expect(r.text).toContain('  error: Error loading target specification: Could not find specification for target "nope.json". Run `rustc --print target-list` for a list of built-in targets');
  });
});

describe('cargo build on dated nightlies (toolchain drift)', () => {
  it('a 2026 nightly needs -Zjson-target-spec, then rejects the post-era file (field types first, then features against the ABI)', async () => {
    const { run, vfs } = setup({ 'rust-toolchain': 'nightly-2026-08-01\n', '.cargo/config.toml': CONFIG_BUILD_STD });
    expect((await run('cargo build')).text).toContain('error: `.json` target specs require -Zjson-target-spec');
    const r = await run('cargo build -Zjson-target-spec');
    expect(r.text).toContain('  error: error loading target specification: target-pointer-width: invalid type: string "64", expected u16 at line 6 column 32');
    vfs.writeFile('x86_64-blog_os.json', TARGET_JSON_POST_ERA.replace('"64"', '64').replace('"32"', '32'));
    // rustc checks features against the ABI when it loads the file; the layout only when LLVM starts
    expect((await run('cargo build -Zjson-target-spec')).text).toContain('  error: error loading target specification: target feature `soft-float` is incompatible with the ABI but gets enabled in target spec\n    |\n    = help: run `rustc --print target-list` for a list of built-in targets');
    vfs.writeFile('x86_64-blog_os.json', TARGET_JSON_TODAY);
    vfs.writeFile('.cargo/config.toml', '[unstable]\njson-target-spec = true\n' + CONFIG_BUILD_STD.replace('[unstable]\n', ''));
    expect((await run('cargo build')).text).toMatch(/Cargo\.lock" does not exist/);
  });
  it('a 2025 nightly rejects soft-float without rustc-abi', async () => {
    const json = TARGET_JSON_POST_ERA.replace('e-m:e-i64:64-f80:128-n8:16:32:64-S128', 'e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128');
    const { run } = setup({ 'rust-toolchain': 'nightly-2025-03-01\n', 'x86_64-blog_os.json': json });
    const r = await run('cargo build --target x86_64-blog_os.json');
    // as in a learner's log of February 2025 (phil-opp/blog_os#1392)
    expect(r.text).toContain('  error: Error loading target specification: target feature `soft-float` is incompatible with the ABI but gets enabled in target spec. Run `rustc --print target-list` for a list of built-in targets');
  });
});

describe('cargo: other outcomes', () => {
  it('needs a Cargo.toml', async () => {
    const { run, vfs } = setup();
    vfs.remove('Cargo.toml');
    expect(await run('cargo build')).toEqual({ status: 101, text: 'error: could not find `Cargo.toml` in `/` or any parent directory' });
  });
  it('warns about [build] in Cargo.toml', async () => {
    const { run } = setup({ 'rust-toolchain': 'nightly\n', 'Cargo.toml': CARGO_TOML + '\n[build]\ntarget = "x86_64-blog_os.json"\n' });
    const r = await run('cargo build');
    expect(r.text.split('\n').slice(0, 2)).toEqual(['warning: unused manifest key: build', 'help: build is a valid .cargo/config.toml key']);
  });
  it('warns about unused keys of .cargo/config.toml, and reads nothing of [unstable] on stable', async () => {
    const { run } = setup({ '.cargo/config.toml': '[build]\ntagret = "x86_64-blog_os.json"\n\n[unstable]\nbuild-std = ["kore"]\n' });
    const r = await run('cargo build');
    expect(r.text.split('\n')[0]).toBe('warning: unused config key `build.tagret` in `/.cargo/config.toml`');
    expect(r.text).not.toContain('kore');
  });
  it('rustc FILE runs the same compiler, with rustc’s own summary', async () => {
    const { run } = setup({ 't.rs': 'fn main() {\n    let x = ;\n}\n' });
    const r = await run('rustc t.rs');
    expect(r.status).toBe(1);
    expect(r.text).toBe('error: expected expression, found `;`\n --> t.rs:2:13\n  |\n2 |     let x = ;\n  |             ^ expected expression\n\nerror: aborting due to 1 previous error\n');
    expect((await run('rustc')).text).toBe('error: no input filename given');
    expect((await run('rustc --target x86_64-unknown-none src/main.rs')).text).toContain("error[E0463]: can't find crate for `core`");
  });
  it('cargo clean removes target/ and says how much, in cargo’s words', async () => {
    const { run, vfs } = setup();
    expect((await run('cargo clean')).text).toBe('     Removed 0 files');
    vfs.writeFile('target/x86_64-blog_os/debug/blog_os', new Uint8Array(3000));
    vfs.writeFile('target/x86_64-blog_os/debug/bootimage-blog_os.bin', new Uint8Array(5 * 1024 * 1024));
    expect((await run('cargo clean')).text).toBe('     Removed 2 files, 5.0MiB total');
    expect(vfs.exists('target')).toBe(false);
    expect(vfs.isFile('Cargo.toml')).toBe(true);
  });
  it('refuses unknown arguments and commands', async () => {
    const { run } = setup();
    expect((await run('cargo build --frob')).status).toBe(1);
    expect((await run('cargo frob')).text).toMatch(/^error: no such command: `frob`/);
  });
  it('cargo +toolchain needs that toolchain installed', async () => {
    const { run } = setup();
    expect((await run('cargo +nightly build')).text).toMatch(/^error: toolchain 'nightly-x86_64-unknown-linux-gnu' is not installed/);
    await run('rustup toolchain install nightly');
    expect((await run('cargo +nightly build --target x86_64-blog_os.json')).text).toContain('E0463');
  });
  it('cargo bootimage stops when the kernel does not build', async () => {
    const { run } = setup({ 'rust-toolchain': 'nightly\n', 'Cargo.toml': CARGO_TOML_WITH_BOOTLOADER, '.cargo/config.toml': CONFIG_FULL });
    const r = await run('cargo bootimage');
    expect(r.status).toBe(1);
    expect(r.text.split('\n')[0]).toBe('Building kernel');
    expect(r.text.split('\n').slice(-2)).toEqual(['Error: Kernel build failed.', 'Stderr: ']);
  });
  it('formats Finished as the toolchain’s cargo did', () => {
    expect(finishedLine(parseToolchain('nightly')!, false, 420)).toBe('    Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.42s');
    expect(finishedLine(parseToolchain('nightly-2023-06-01')!, false, 290)).toBe('    Finished dev [unoptimized + debuginfo] target(s) in 0.29s');
    expect(finishedLine(parseToolchain('stable')!, true, 65_000)).toBe('    Finished `release` profile [optimized] target(s) in 1m 05s');
    expect(elapsed(9)).toBe('0.01s');
  });
  it('finds the runner through cfg(target_os)', () => {
    const config = { target: { 'cfg(target_os = "none")': { runner: 'bootimage runner' } } };
    expect(runnerFor({ status: 0, config, targetFacts: { target_os: 'none' } }, 'x86_64-blog_os')).toEqual(['bootimage', 'runner']);
    expect(runnerFor({ status: 0, config, targetFacts: { target_os: 'linux' } }, 'x86_64-unknown-linux-gnu')).toBeUndefined();
  });
});


describe('cargo with the compiler: build-std, the crate, the link', () => {
  const ready = async (files: Record<string, string>) => {
    const p = setup({ 'rust-toolchain': 'nightly\n', '.cargo/config.toml': CONFIG_FULL, 'src/main.rs': MAIN_RS_HELLO, ...files });
    await p.run('rustup component add rust-src');
    return p;
  };
  const compiling = (text: string) => text.split('\n').filter((l) => l.startsWith('   Compiling'));

  it('success: the std crates, the kernel, Finished, and an ELF kernel in target/x86_64-blog_os/debug', async () => {
    const { run, vfs } = await ready({});
    const r = await run('cargo build');
    expect(r.status).toBe(0);
    expect(compiling(r.text)).toEqual([
      `   Compiling core v0.0.0 (${NIGHTLY_SYSROOT}/lib/rustlib/src/rust/library/core)`,
      `   Compiling rustc-std-workspace-core v1.99.0 (${NIGHTLY_SYSROOT}/lib/rustlib/src/rust/library/rustc-std-workspace-core)`,
      '   Compiling compiler_builtins v0.1.105',
      '   Compiling blog_os v0.1.0 (/)',
    ]);
    expect(r.text).toMatch(/\n {4}Finished `dev` profile \[unoptimized \+ debuginfo\] target\(s\) in \d+\.\d\ds$/);
    const elf = vfs.readBytes('target/x86_64-blog_os/debug/blog_os');
    expect([...elf.slice(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
  });

  it('fresh: nothing changed prints only Finished; an edited main.rs recompiles only the crate', async () => {
    const { run, vfs } = await ready({});
    expect((await run('cargo build')).status).toBe(0);
    const again = await run('cargo build');
    expect(again.status).toBe(0);
    expect(again.text).toMatch(/^ {4}Finished `dev` profile \[unoptimized \+ debuginfo\] target\(s\) in \d+\.\d\ds$/);
    vfs.writeFile('src/main.rs', MAIN_RS_HELLO.replace('Hello World!', 'Hello again!'));
    const edited = await run('cargo build');
    expect(edited.status).toBe(0);
    expect(compiling(edited.text)).toEqual(['   Compiling blog_os v0.1.0 (/)']);
    // a changed config is part of the fingerprint too (cargo rebuilds when its flags change)
    vfs.writeFile('.cargo/config.toml', CONFIG_FULL.replace('build-std-features = ["compiler-builtins-mem"]\n', ''));
    expect(compiling((await run('cargo build')).text)).toContain('   Compiling blog_os v0.1.0 (/)');
  });

  it('the post’s command line (-Z build-std, -Z build-std-features) builds as the config does', async () => {
    const { run, vfs } = setup({ 'rust-toolchain': 'nightly\n', 'src/main.rs': MAIN_RS_NEEDS_MEMCPY });
    await run('rustup component add rust-src');
    const r = await run('cargo build --target x86_64-blog_os.json -Z build-std=core,compiler_builtins -Z build-std-features=compiler-builtins-mem');
    expect(r.status).toBe(0);
    expect(compiling(r.text)).toHaveLength(4);
    expect(vfs.isFile('target/x86_64-blog_os/debug/blog_os')).toBe(true);
    // without the feature: the std crates are built again (other options), and memcpy is missing
    const without = await run('cargo build --target x86_64-blog_os.json -Z build-std=core,compiler_builtins');
    expect(compiling(without.text)).toHaveLength(4);
    expect(without.text).toContain('rust-lld: error: undefined symbol: memcpy');
  });

  it('warnings: rustc’s, then cargo’s count; a fresh build replays them as cargo does', async () => {
    const { run } = await ready({ 'src/main.rs': MAIN_RS_HELLO.replace('let vga_buffer = 0xb8000 as *mut u8;', 'let vga_buffer = 0xb8000 as *mut u8;\n    let unused = 5;') });
    const r = await run('cargo build');
    expect(r.status).toBe(0);
    const warning = r.text.slice(r.text.indexOf('warning: unused variable: `unused`'), r.text.indexOf('    Finished'));
    expect(warning).toMatch(/^warning: unused variable: `unused`\n  --> src\/main\.rs:16:9\n[\s\S]*\nwarning: `blog_os` \(bin "blog_os"\) generated 1 warning\n$/);
    const again = await run('cargo build');
    expect(again.text.startsWith(warning)).toBe(true);
    expect(again.text).not.toContain('Compiling');
  });

  it('a module in its own file is compiled with the crate, and editing it makes the crate stale', async () => {
    const main = MAIN_RS_HELLO.replace('use core::panic::PanicInfo;', 'use core::panic::PanicInfo;\n\nmod vga_buffer;').replace(
      '    for (i, &byte) in HELLO.iter().enumerate() {',
      '    vga_buffer::mark(vga_buffer);\n    for (i, &byte) in HELLO.iter().enumerate() {',
    );
    const module = 'pub fn mark(vga: *mut u8) {\n    unsafe { *vga.offset(160) = b\'!\'; }\n}\n';
    const { run, vfs } = await ready({ 'src/main.rs': main, 'src/vga_buffer.rs': module });
    const r = await run('cargo build');
    expect(r.status).toBe(0);
    vfs.writeFile('src/vga_buffer.rs', module.replace("b'!'", "b'?'"));
    expect(compiling((await run('cargo build')).text)).toEqual(['   Compiling blog_os v0.1.0 (/)']);
    vfs.writeFile('src/vga_buffer.rs', 'pub fn mark(vga: *mut u8) {\n    *vga = 1;\n}\n');
    const unsafeOp = await run('cargo build');
    expect(unsafeOp.status).toBe(101);
    expect(unsafeOp.text).toContain('error[E0133]: dereference of raw pointer is unsafe and requires unsafe');
    expect(unsafeOp.text).toContain('--> src/vga_buffer.rs:2:5');
  });

  it('--release builds into target/x86_64-blog_os/release with the release profile', async () => {
    const { run, vfs } = await ready({});
    const r = await run('cargo build --release');
    expect(r.status).toBe(0);
    expect(r.text).toMatch(/\n {4}Finished `release` profile \[optimized\] target\(s\) in \d+\.\d\ds$/);
    expect(vfs.isFile('target/x86_64-blog_os/release/blog_os')).toBe(true);
    expect(vfs.isFile('target/x86_64-blog_os/debug/blog_os')).toBe(false);
  });

  it('a type error: rustc’s diagnostic through cargo, and cargo’s summary', async () => {
    const broken = MAIN_RS_HELLO.replace('let vga_buffer = 0xb8000 as *mut u8;', 'let vga_buffer = 0xb8000 as *mut u8;\n    let n: u8 = "x";');
    const { run, vfs } = await ready({ 'src/main.rs': broken });
    const r = await run('cargo build');
    expect(r.status).toBe(101);
    expect(r.text).toContain('error[E0308]: mismatched types\n  --> src/main.rs:16:17\n');
    expect(r.text.split('\n').at(-1)).toBe('error: could not compile `blog_os` (bin "blog_os") due to 1 previous error');
    expect(vfs.isFile('target/x86_64-blog_os/debug/blog_os')).toBe(false);
  });

  it('without compiler-builtins-mem, a kernel that copies an array fails to link: undefined memcpy', async () => {
    const { run } = await ready({ '.cargo/config.toml': CONFIG_BUILD_STD, 'src/main.rs': MAIN_RS_NEEDS_MEMCPY });
    const r = await run('cargo build');
    expect(r.status).toBe(101);
    expect(r.text).toContain('error: linking with `rust-lld` failed: exit status: 1\n  |\n  = note: rust-lld: error: undefined symbol: memcpy\n');
    // lld names the object (after the object's file symbol or the source line, when it has them) and the function
    expect(r.text).toMatch(/ {10}>>> referenced by (?:[^\n]+\n {10}>>> )?[^\n]*:\(_start\)\n/);
    expect(r.text.split('\n').at(-1)).toBe('error: could not compile `blog_os` (bin "blog_os") due to 1 previous error');
    // with the feature, the same kernel links
    const ok = await ready({ 'src/main.rs': MAIN_RS_NEEDS_MEMCPY });
    expect((await ok.run('cargo build')).status).toBe(0);
  });

  it('a missing #[panic_handler] is rustc’s error', async () => {
    const { run } = await ready({ 'src/main.rs': MAIN_RS_NO_PANIC_HANDLER });
    const r = await run('cargo build');
    expect(r.status).toBe(101);
    expect(r.text).toContain('error: `#[panic_handler]` function required, but not found');
  });
});
