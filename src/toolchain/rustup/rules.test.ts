import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Vfs } from '../vfs.ts';
import { Shell } from '../shell/shell.ts';
import { POST_ERA_NIGHTLY, targetSpecRulesAt } from '../drift.ts';
import { TODAYS_TARGET_SPEC_RULES } from '../config/targetSpec.ts';
import { validateProject } from '../config/project.ts';
import { toolchainRules } from './rules.ts';

const STEP2 = 'content/02-a-target-of-our-own/start/';
const step2 = () =>
  Object.fromEntries(['Cargo.toml', 'rust-toolchain', 'x86_64-blog_os.json', '.cargo/config.toml', 'src/main.rs'].map((f) => [f, readFileSync(STEP2 + f, 'utf8')]));

function shellOver(vfs: Vfs) {
  const out: string[] = [];
  const shell = new Shell({ vfs, terminal: { print: (t) => void out.push(t), clear: () => {} } });
  return async (line: string) => {
    out.length = 0;
    const status = await shell.run(line);
    return { status, text: out.join('\n') };
  };
}

const errors = (vfs: Vfs, path: string) => (validateProject(vfs).get(path) ?? []).filter((d) => d.severity === 'error').map((d) => d.message);

describe('toolchainRules: which toolchain applies and which rules that means', () => {
  it('a fresh project runs the default, stable (1.95), with its date’s rules', () => {
    const r = toolchainRules(Vfs.from({ 'Cargo.toml': '' }));
    expect(r.toolchain?.channel).toBe('stable');
    expect(r.nightly).toBe(false);
    expect(r.date).toBe('2026-04-14');
    expect(r.targetSpec).toEqual(targetSpecRulesAt('2026-04-14'));
  });

  it('a plain `nightly` in rust-toolchain behaves as the post’s era', () => {
    const r = toolchainRules(Vfs.from({ 'rust-toolchain': 'nightly\n' }));
    expect(r.nightly).toBe(true);
    expect(r.date).toBe(POST_ERA_NIGHTLY);
    expect(r.targetSpec.integerWidths).toBe(false);
    expect(r.targetSpec.dataLayoutMustMatch).toBe(false);
  });

  it('a dated nightly behaves as its date; cargo +name wins over the file', () => {
    const vfs = Vfs.from({ 'rust-toolchain': 'nightly-2026-01-01\n' });
    const r = toolchainRules(vfs);
    expect(r.date).toBe('2026-01-01');
    expect(r.targetSpec).toMatchObject({ integerWidths: true, dataLayoutMustMatch: true, featuresAgainstAbi: true, x86SoftfloatAlias: true });
    expect(toolchainRules(vfs, { plus: 'nightly' }).date).toBe(POST_ERA_NIGHTLY);
  });

  it('a rustup override beats the rust-toolchain file, as in the terminal', async () => {
    const vfs = Vfs.from({ 'Cargo.toml': '[package]\nname = "x"\nversion = "0.1.0"\n', 'rust-toolchain': 'nightly\n' });
    const sh = shellOver(vfs);
    expect((await sh('rustup override set nightly-2025-08-01')).status).toBe(0);
    expect(toolchainRules(vfs).date).toBe('2025-08-01');
    expect((await sh('rustup override unset')).status).toBe(0);
    expect(toolchainRules(vfs).date).toBe(POST_ERA_NIGHTLY);
  });

  it('no toolchain (a broken rust-toolchain file): rustup’s error, today’s rules', () => {
    const r = toolchainRules(Vfs.from({ 'rust-toolchain': 'nighty\n' }));
    expect(r.resolution.ok).toBe(false);
    expect(r.toolchain).toBeUndefined();
    expect(r.targetSpec).toEqual(TODAYS_TARGET_SPEC_RULES);
  });
});

describe('the editor’s checks and cargo agree on the step 2 files', () => {
  it('plain nightly: neither reports the target file; a later nightly: both do', async () => {
    const vfs = Vfs.from(step2());
    const sh = shellOver(vfs);
    expect(errors(vfs, 'x86_64-blog_os.json')).toEqual([]);
    const old = await sh('cargo build');
    expect(old.text).not.toMatch(/target-pointer-width|data-layout/);

    vfs.writeFile('rust-toolchain', 'nightly-2026-01-01\n');
    expect(errors(vfs, 'x86_64-blog_os.json')).toContain('target-pointer-width: invalid type: string "64", expected u16');
    const late = await sh('cargo build');
    expect(late.status).not.toBe(0);
    expect(late.text).toContain('invalid type: string "64", expected u16');

    vfs.writeFile('rust-toolchain', 'nightly\n');
    expect(errors(vfs, 'x86_64-blog_os.json')).toEqual([]);
  });

  it('the post-era files get notes, not errors, naming the later change', () => {
    const vfs = Vfs.from(step2());
    const all = validateProject(vfs).get('x86_64-blog_os.json')!;
    expect(all.every((d) => d.severity === 'info')).toBe(true);
    const width = all.find((d) => d.message.includes('target-pointer-width'))!;
    expect(width.message).toContain('nightlies from 2025-07-27 refuse it');
    expect(width.notes!.join('\n')).toMatch(/rust-lang\/rust#144443/);
  });
});

describe('rustup’s state folder in the project', () => {
  it('`ls` leaves .bootlab/ out; `ls -a` shows it', async () => {
    const vfs = Vfs.from({ 'Cargo.toml': '[package]\nname = "x"\nversion = "0.1.0"\n' });
    const sh = shellOver(vfs);
    await sh('rustup override set nightly');
    expect(vfs.isFile('.bootlab/rustup.json')).toBe(true);
    expect((await sh('ls')).text.split(/\s+/)).not.toContain('.bootlab');
    expect((await sh('ls -a')).text.split(/\s+/)).toContain('.bootlab');
  });
});
