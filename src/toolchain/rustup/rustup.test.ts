import { describe, expect, it } from 'vitest';
import { Vfs } from '../vfs.ts';
import { Shell } from '../shell/shell.ts';
import { loadState, STATE_PATH } from './state.ts';
import { parseToolchain, releaseVersion, rustcVersionLine } from './toolchain.ts';

function setup(files: Record<string, string> = {}) {
  const vfs = Vfs.from({ 'Cargo.toml': '[package]\nname = "blog_os"\nversion = "0.1.0"\n', ...files });
  const out: string[] = [];
  const shell = new Shell({ vfs, terminal: { print: (t) => void out.push(t), clear: () => {} } });
  const run = async (line: string) => {
    out.length = 0;
    const status = await shell.run(line);
    return { status, text: out.join('\n') };
  };
  return { vfs, shell, run };
}

describe('toolchain names and versions', () => {
  it('reads rustup names with and without the host', () => {
    expect(parseToolchain('nightly')?.fullName).toBe('nightly-x86_64-unknown-linux-gnu');
    expect(parseToolchain('nightly-2025-03-01-x86_64-unknown-linux-gnu')?.pinnedDate).toBe('2025-03-01');
    expect(parseToolchain('1.80')?.version).toBe('1.80.0');
    expect(parseToolchain('nighty')).toBeUndefined();
  });
  it('numbers nightlies by the six-week release train', () => {
    // 1.77.0 was released on 2024-03-21: nightlies in February 2024 were 1.78.0-nightly
    expect(releaseVersion(parseToolchain('nightly-2024-02-15')!)).toBe('1.78.0-nightly');
    expect(releaseVersion(parseToolchain('nightly-2026-11-01')!)).toBe('1.93.0-nightly'.replace('93', String(Math.floor((Date.UTC(2026, 10, 1) - Date.UTC(2015, 4, 15)) / (42 * 86400000)) + 2)));
    expect(rustcVersionLine(parseToolchain('stable')!)).toBe('rustc 1.95.0 (59807616e 2026-04-14)');
    // a nightly is built from the day before its date
    expect(rustcVersionLine(parseToolchain('nightly-2025-03-01')!)).toMatch(/^rustc 1\.87\.0-nightly \(bootlab 2025-02-28\)$/);
  });
});

describe('rustup', () => {
  it('starts as a fresh install: stable default, no rust-src', async () => {
    const { run } = setup();
    const show = await run('rustup show');
    expect(show.status).toBe(0);
    expect(show.text).toContain('stable-x86_64-unknown-linux-gnu (active, default)');
    expect(show.text).toContain("active because: it's the default toolchain");
    const list = await run('rustup component list --installed');
    expect(list.text.split('\n')).not.toContain('rust-src');
    expect(list.text.split('\n')).toContain('rustc-x86_64-unknown-linux-gnu');
    expect((await run('rustc --version')).text).toBe('rustc 1.95.0 (59807616e 2026-04-14)');
    expect((await run('cargo --version')).text).toBe('cargo 1.95.0 (f2d3ce0bd 2026-03-21)');
  });

  it('sets, lists and removes a directory override, and keeps it in the project', async () => {
    const { run, vfs } = setup();
    const set = await run('rustup override set nightly');
    expect(set.status).toBe(0);
    expect(set.text).toContain("info: syncing channel updates for 'nightly-x86_64-unknown-linux-gnu'");
    expect(set.text).toContain('nothing is downloaded');
    expect(set.text.split('\n').at(-1)).toBe("info: override toolchain for '/' set to 'nightly-x86_64-unknown-linux-gnu'");
    expect(loadState(vfs).overrides).toEqual({ '/': 'nightly-x86_64-unknown-linux-gnu' });
    expect(vfs.isFile(STATE_PATH)).toBe(true);
    expect((await run('rustc --version')).text).toMatch(/^rustc 1\.77\.0-nightly \(bootlab 2024-01-24\)$/);
    expect((await run('rustup override list')).text).toBe('/\tnightly-x86_64-unknown-linux-gnu');
    const again = await run('rustup override set nightly');
    expect(again.text).toContain("info: using existing install for 'nightly-x86_64-unknown-linux-gnu'");
    expect((await run('rustup override unset')).text).toBe("info: override toolchain for '/' removed");
    expect((await run('rustup override list')).text).toBe('no overrides');
    expect((await run('rustc -V')).text).toBe('rustc 1.95.0 (59807616e 2026-04-14)');
  });

  it('applies an override to subdirectories', async () => {
    const { run } = setup({ 'src/main.rs': '' });
    await run('rustup override set nightly');
    await run('cd src');
    expect((await run('rustup show active-toolchain')).text).toBe("nightly-x86_64-unknown-linux-gnu (directory override for '/')");
  });

  it('follows a rust-toolchain file, installing the toolchain and the components it lists', async () => {
    const { run, vfs } = setup({ 'rust-toolchain.toml': '[toolchain]\nchannel = "nightly-2025-03-01"\ncomponents = ["rust-src", "llvm-tools-preview"]\n' });
    const v = await run('cargo --version');
    expect(v.status).toBe(0);
    expect(v.text).toMatch(/cargo 1\.87\.0-nightly/);
    const state = loadState(vfs);
    expect(state.toolchains['nightly-2025-03-01-x86_64-unknown-linux-gnu']).toEqual(expect.arrayContaining(['rust-src', 'llvm-tools']));
    expect((await run('rustup show')).text).toContain("active because: overridden by '/rust-toolchain.toml'");
  });

  it('a plain rust-toolchain file with `nightly` is the post-era nightly', async () => {
    const { run } = setup({ 'rust-toolchain': 'nightly\n' });
    expect((await run('rustc --version')).text).toMatch(/-nightly \(bootlab 2024-01-24\)/);
  });

  it('refuses a bad toolchain file as rustup does', async () => {
    const { run } = setup({ 'rust-toolchain': 'nighty\n' });
    const r = await run('rustc --version');
    expect(r.status).not.toBe(0);
    expect(r.text).toBe("error: invalid toolchain name: 'nighty'");
  });

  it('adds and removes components (llvm-tools-preview is llvm-tools)', async () => {
    const { run } = setup();
    expect((await run('rustup component add rust-src llvm-tools-preview')).text).toContain("info: installing component 'llvm-tools'");
    expect((await run('rustup component add rust-src')).text).toBe("info: component 'rust-src' for target 'x86_64-unknown-linux-gnu' is up to date");
    expect((await run('rustup component list --installed')).text.split('\n')).toEqual(expect.arrayContaining(['rust-src', 'llvm-tools-x86_64-unknown-linux-gnu']));
    expect((await run('rustup component list')).text).toContain('rust-src (installed)');
    expect((await run('rustup component remove rust-src')).text).toBe("info: removing component 'rust-src'");
    const bad = await run('rustup component add rust-srcc');
    expect(bad.status).toBe(1);
    expect(bad.text).toBe("error: toolchain 'stable-x86_64-unknown-linux-gnu' does not contain component 'rust-srcc' for target 'x86_64-unknown-linux-gnu'");
  });

  it('components belong to one toolchain', async () => {
    const { run } = setup();
    await run('rustup component add rust-src');
    await run('rustup override set nightly');
    expect((await run('rustup component list --installed')).text.split('\n')).not.toContain('rust-src');
    await run('rustup component add rust-src --toolchain nightly');
    expect((await run('rustup component list --installed')).text.split('\n')).toContain('rust-src');
  });

  it('installs and lists toolchains, sets the default, updates honestly', async () => {
    const { run } = setup();
    const inst = await run('rustup toolchain install nightly-2026-08-01');
    expect(inst.text).toMatch(/ {2}nightly-2026-08-01-x86_64-unknown-linux-gnu installed - rustc 1\.\d+\.0-nightly/);
    expect((await run('rustup toolchain list')).text).toBe('nightly-2026-08-01-x86_64-unknown-linux-gnu\nstable-x86_64-unknown-linux-gnu (active, default)');
    expect((await run('rustup default nightly-2026-08-01')).text).toContain("info: default toolchain set to 'nightly-2026-08-01-x86_64-unknown-linux-gnu'");
    expect((await run('rustup default')).text).toBe('nightly-2026-08-01-x86_64-unknown-linux-gnu (default)');
    const up = await run('rustup update');
    expect(up.text).toContain("info: syncing channel updates for 'stable-x86_64-unknown-linux-gnu'");
    expect(up.text).toContain('nothing is downloaded');
    expect(up.text).toContain('  stable-x86_64-unknown-linux-gnu unchanged - rustc 1.95.0');
    expect((await run('rustup target list --installed')).text).toBe('x86_64-unknown-linux-gnu');
    expect((await run('rustup --version')).text).toMatch(/^rustup 1\.28\.2 .*\ninfo: This is the version for the rustup toolchain manager, not the rustc compiler\.\ninfo: The currently active `rustc` version is `rustc 1\./);
  });

  it('treats a damaged state file as a fresh install', async () => {
    const { run } = setup({ '.bootlab/rustup.json': '{"default": 3, "toolchains": [' });
    expect((await run('rustc --version')).text).toBe('rustc 1.95.0 (59807616e 2026-04-14)');
    expect((await run('rustup override set nightly')).status).toBe(0);
    expect((await run('rustc --version')).text).toMatch(/-nightly/);
  });

  it('rejects unknown subcommands and toolchain names', async () => {
    const { run } = setup();
    expect((await run('rustup frob')).text).toBe("error: unrecognized subcommand 'frob'");
    expect((await run('rustup override set nighty')).text).toBe("error: invalid toolchain name: 'nighty'");
  });
});
