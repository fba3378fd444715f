import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Vfs } from '../vfs.ts';
import { validateCargoConfig, parseCfg, evalCfg } from './cargoConfig.ts';
import { validateCargoToml, semverProblem } from './cargoToml.ts';
import { validateProject } from './project.ts';
import { validateRustToolchain } from './rustToolchain.ts';
import { rustcLoadError, validateTargetSpec } from './targetSpec.ts';
import { fieldHover, TARGET_FIELD_NAMES } from './targetSpecFields.ts';
import { lineColAt, type Diagnostic } from './diagnostic.ts';

const START = 'content/01-how-a-pc-boots/start/';
const read = (p: string) => readFileSync(START + p, 'utf8');
const SPEC = read('x86_64-blog_os.json');

/** message and the text it underlines */
const show = (text: string, ds: Diagnostic[]) => ds.map((d) => [d.severity, d.message, text.slice(d.start, d.end)]);
const edit = (text: string, from: string, to: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

describe('target specification', () => {
  it('accepts the finished target of today’s post', () => {
    const r = validateTargetSpec(SPEC);
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.fields['llvm-target']).toBe('x86_64-unknown-none');
  });

  it('rejects widths written as strings, with rustc’s message and position', () => {
    const text = edit(SPEC, '"target-pointer-width": 64', '"target-pointer-width": "64"');
    const r = validateTargetSpec(text);
    expect(show(text, r.diagnostics)).toEqual([
      ['error', 'target-pointer-width: invalid type: string "64", expected u16', '"64"'],
    ]);
    expect(r.diagnostics[0]!.notes?.[0]).toMatch(/without quotes/);
    expect(rustcLoadError(text, r)).toBe(
      'error: error loading target specification: target-pointer-width: invalid type: string "64", expected u16 at line 6 column 30\n' +
        '  |\n  = help: run `rustc --print target-list` for a list of built-in targets\n',
    );
  });

  it('reports JSON syntax errors where serde_json would', () => {
    const trailing = edit(SPEC, '"softfloat"\n', '"softfloat",\n');
    const r = validateTargetSpec(trailing);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.message).toBe('trailing comma');
    expect(lineColAt(trailing, r.diagnostics[0]!.start).line).toBe(16);

    const missingComma = edit(SPEC, '"arch": "x86_64",', '"arch": "x86_64"');
    expect(validateTargetSpec(missingComma).diagnostics[0]!.message).toBe('expected `,` or `}`');
    expect(validateTargetSpec('{ // hi\n}').diagnostics[0]!.notes).toEqual(['Target files are strict JSON: comments are not allowed.']);
    expect(validateTargetSpec('').diagnostics[0]!.message).toBe('EOF while parsing a value');
    expect(validateTargetSpec('[]').diagnostics[0]!.message).toMatch(/invalid type: sequence/);
  });

  it('names missing required fields, unknown and duplicate ones', () => {
    const noArch = edit(SPEC, '  "arch": "x86_64",\n', '');
    expect(validateTargetSpec(noArch).diagnostics.map((d) => d.message)).toEqual(['missing field `arch`']);
    const typo = edit(SPEC, '"panic-strategy"', '"panic-stratgy"');
    const d = validateTargetSpec(typo).diagnostics;
    expect(d[0]!.message).toMatch(/^unknown field `panic-stratgy`, expected one of `llvm-target`, /);
    expect(d[0]!.notes).toEqual(['Did you mean `panic-strategy`?']);
    const dup = edit(SPEC, '"os": "none",', '"os": "none",\n  "os": "none",');
    expect(validateTargetSpec(dup).diagnostics.map((x) => x.message)).toEqual(['duplicate field `os`']);
  });

  it('checks field types and enum values', () => {
    const t1 = edit(SPEC, '"disable-redzone": true', '"disable-redzone": "true"');
    expect(validateTargetSpec(t1).diagnostics[0]!.message).toBe('disable-redzone: invalid type: string "true", expected a boolean');
    const t2 = edit(SPEC, '"panic-strategy": "abort"', '"panic-strategy": "abrt"');
    expect(show(t2, validateTargetSpec(t2).diagnostics)).toEqual([
      ['error', "panic-strategy: invalid panic strategy: 'abrt'. allowed values: 'unwind', 'abort', 'immediate-abort'", '"abrt"'],
    ]);
    const t3 = edit(SPEC, '"rustc-abi": "softfloat"', '"rustc-abi": "x86-softfloat"');
    const d3 = validateTargetSpec(t3).diagnostics;
    expect(d3[0]!.message).toBe("rustc-abi: invalid rustc abi: 'x86-softfloat'. allowed values: 'x86-sse2', 'softfloat'");
    const t4 = edit(SPEC, '"linker-flavor": "ld.lld"', '"linker-flavor": "lld"');
    expect(validateTargetSpec(t4).diagnostics[0]!.message).toMatch(/^linker-flavor: invalid linker flavor: 'lld'\. allowed values: 'gnu', /);
    const t5 = edit(SPEC, '"target-c-int-width": 32', '"target-c-int-width": 70000');
    expect(validateTargetSpec(t5).diagnostics[0]!.message).toBe('target-c-int-width: invalid value: integer `70000`, expected u16');
  });

  it('checks the features string: signs, spaces, and the ABI', () => {
    const spaced = edit(SPEC, '-mmx,-sse,+soft-float', '-mmx, -sse,+soft-float');
    const d = validateTargetSpec(spaced).diagnostics;
    expect(show(spaced, d)).toEqual([['error', 'target feature ` -sse` is invalid, must start with `+` or `-`', ' -sse']]);
    expect(d[0]!.notes![0]).toMatch(/space/);
    const noAbi = edit(SPEC, ',\n  "rustc-abi": "softfloat"', '');
    expect(validateTargetSpec(noAbi).diagnostics.map((x) => x.message)).toEqual([
      'target feature `soft-float` is incompatible with the ABI but gets enabled in target spec',
      'target feature `sse2` is required by the ABI but gets disabled in target spec',
    ]);
  });

  it('compares data-layout with LLVM’s layout for llvm-target', () => {
    const old = edit(SPEC, 'e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128', 'e-m:e-i64:64-f80:128-n8:16:32:64-S128');
    const d = validateTargetSpec(old).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toMatch(
      /^data-layout for target `x86_64-blog_os-[0-9a-f]{16}`, `e-m:e-i64:64-f80:128-n8:16:32:64-S128`, differs from LLVM target's `x86_64-unknown-none` default layout, `e-m:e-p270/,
    );
    expect(d[0]!.notes![0]).toMatch(/LLVM before version 18/);
  });

  it('has a hover text for every field', () => {
    for (const f of TARGET_FIELD_NAMES) expect(fieldHover(f)).toMatch(new RegExp(f));
    expect(fieldHover('features')).toMatch(/no spaces/);
    expect(fieldHover('nope')).toBeUndefined();
  });
});

describe('Cargo.toml', () => {
  const MANIFEST = read('Cargo.toml');
  it('accepts the post’s manifest', () => {
    expect(validateCargoToml(MANIFEST).diagnostics).toEqual([]);
    expect(validateCargoToml(MANIFEST).packageName).toBe('blog_os');
  });
  it('reports TOML syntax errors with line and column', () => {
    const bad = edit(MANIFEST, 'version = "0.1.0"', 'version = "0.1.0');
    const [d] = validateCargoToml(bad).diagnostics;
    expect(d!.message).toMatch(/^TOML parse error at line 3, column \d+\n/);
    expect(d!.notes).toEqual(['failed to parse manifest at `Cargo.toml`']);
  });
  it('warns about keys cargo does not use, with its hint for config keys', () => {
    const text = MANIFEST + '\n[build]\ntarget = "x86_64-blog_os.json"\n\n[unstable]\nbuild-std = ["core"]\n';
    const d = validateCargoToml(text).diagnostics;
    expect(show(text, d)).toEqual([
      ['warning', 'unused manifest key: build', 'build'],
      ['warning', 'unused manifest key: unstable', 'unstable'],
    ]);
    expect(d[0]!.notes![0]).toBe('help: build is a valid .cargo/config.toml key');
    const typo = edit(MANIFEST, 'edition', 'editon');
    expect(validateCargoToml(typo).diagnostics.map((x) => [x.message, x.notes])).toEqual([
      ['unused manifest key: package.editon', ['Did you mean `edition`?']],
    ]);
  });
  it('checks package fields and the bootloader version bootimage needs', () => {
    expect(validateCargoToml('[package]\nversion = "0.1.0"\n').diagnostics[0]!.message).toBe('missing field `package.name`');
    expect(validateCargoToml('[package]\nname = "blog os"\n').diagnostics[0]!.message).toMatch(/invalid character ` ` in package name/);
    expect(validateCargoToml('[package]\nname = "a"\nedition = "2027"\n').diagnostics[0]!.notes![0]).toMatch(/but `2027` is unknown/);
    expect(validateCargoToml('x = 1\n').diagnostics.map((x) => x.message)).toContain('manifest is missing either a `[package]` or a `[workspace]`');
    const newer = edit(MANIFEST, 'bootloader = "0.9"', 'bootloader = "0.11"');
    const d = validateCargoToml(newer).diagnostics;
    expect(show(newer, d)).toEqual([['warning', 'bootimage only works with bootloader 0.9; this asks for 0.11', '"0.11"']]);
    expect(semverProblem('0.1')).toBe('unexpected end of input while parsing minor version number');
    expect(semverProblem('1.x.0')).toBe("unexpected character 'x' while parsing minor version number");
    expect(semverProblem('0.1.0')).toBeNull();
  });
});

describe('.cargo/config.toml', () => {
  const CONFIG = read('.cargo/config.toml');
  const exists = (p: string) => p === 'x86_64-blog_os.json';
  it('accepts the post’s configuration', () => {
    expect(validateCargoConfig(CONFIG, { fileExists: exists, channel: 'nightly', targetOs: 'none' }).diagnostics).toEqual([]);
  });
  it('checks types with cargo’s wording', () => {
    const text = edit(CONFIG, 'build-std = ["core", "compiler_builtins"]', 'build-std = "core"');
    expect(show(text, validateCargoConfig(text, { fileExists: exists }).diagnostics)).toEqual([
      ['error', 'invalid configuration for key `unstable.build-std`\nexpected a list, but found a string for `unstable.build-std` in .cargo/config.toml', '"core"'],
    ]);
    const t2 = edit(CONFIG, 'target = "x86_64-blog_os.json"', 'target = 64');
    expect(validateCargoConfig(t2).diagnostics[0]!.message).toBe(
      'invalid configuration for key `build.target`\nexpected a string or array of strings, but found a integer for `build.target` in .cargo/config.toml',
    );
    const t3 = edit(CONFIG, 'json-target-spec = true', 'json-target-spec = "yes"');
    expect(validateCargoConfig(t3, { fileExists: exists }).diagnostics.map((d) => d.message)).toContain(
      'error in .cargo/config.toml: `unstable.json-target-spec` expected true/false, but found a string',
    );
  });
  it('knows the unstable flags and warns about unused build keys', () => {
    const text = edit(edit(CONFIG, 'build-std-features', 'build-std-feature'), 'target = "x86_64', 'targt = "x86_64');
    const d = validateCargoConfig(text, { fileExists: exists }).diagnostics;
    expect(show(text, d)).toEqual([
      ['warning', 'unused config key `unstable.build-std-feature` in `.cargo/config.toml`', 'build-std-feature'],
      ['warning', 'unused config key `build.targt` in `.cargo/config.toml`', 'targt'],
    ]);
    expect(d[0]!.notes).toEqual(['Did you mean `build-std-features`?']);
  });
  it('needs the target file and -Zjson-target-spec', () => {
    const d = validateCargoConfig(CONFIG, { fileExists: () => false }).diagnostics;
    expect(d.map((x) => x.message)).toEqual(['error loading target specification: could not find specification for target "x86_64-blog_os.json"']);
    const noFlag = edit(CONFIG, 'json-target-spec = true\n', '');
    expect(validateCargoConfig(noFlag, { fileExists: exists }).diagnostics.map((x) => x.message)).toEqual([
      '`.json` target specs require -Zjson-target-spec',
    ]);
  });
  it('parses cfg() keys like cargo, and sees when the runner does not apply', () => {
    expect(parseCfg('cfg(target_os = "none")')).toEqual({ ok: true, expr: { kind: 'kv', name: 'target_os', value: 'none' } });
    const all = parseCfg('cfg(all(unix, not(target_os = "linux")))');
    expect(all.ok && evalCfg(all.expr, { target_os: 'none', unix: undefined })).toBe(false);
    expect(parseCfg('cfg(target_os = none)')).toMatchObject({ ok: false, reason: 'expected a string, found an identifier' });
    expect(parseCfg('cfg(target_os = "none"')).toMatchObject({ ok: false, reason: 'expected `)`, but cfg expression ended' });
    expect(parseCfg('cfg(4)')).toMatchObject({ ok: false, inner: '4', reason: 'unexpected character `4` in cfg, expected parens, a comma, an identifier, or a string' });
    expect(parseCfg('cfg(version("1.23.4"))')).toMatchObject({ ok: false, reason: 'unexpected content `("1.23.4")` found after cfg expression' });
    expect(parseCfg('cfg(any(unix, windows')).toMatchObject({ ok: false, reason: 'expected `)`, but cfg expression ended' });
    expect(parseCfg('cfg(target_os = "none)')).toMatchObject({ ok: false, reason: 'unterminated string in cfg' });
    const broken = edit(CONFIG, `'cfg(target_os = "none")'`, `'cfg(target_os == "none")'`);
    expect(validateCargoConfig(broken).diagnostics[0]!.message).toBe('failed to parse `target_os == "none"` as a cfg expression: expected a string, found `=`');
    expect(validateCargoConfig(CONFIG, { fileExists: exists, targetOs: 'linux' }).diagnostics[0]!.message).toMatch(/does not apply/);
    const typo = edit(CONFIG, 'runner =', 'runer =');
    expect(validateCargoConfig(typo, { fileExists: exists }).diagnostics.map((d) => [d.message, d.notes])).toEqual([
      ['unused key `runer` in [target] config table `cfg(target_os = "none")`', ['Did you mean `runner`?']],
    ]);
    expect(validateCargoConfig('[unstable]\nbuild-std = ["core"]\n', { channel: 'stable' }).diagnostics[0]!.message).toMatch(/silently ignores/);
  });
  it('reports TOML syntax errors with cargo’s context', () => {
    const [d] = validateCargoConfig('[unstable\n').diagnostics;
    expect(d!.message).toMatch(/^TOML parse error at line 1, column \d+/);
    expect(d!.notes![0]).toMatch(/could not parse TOML configuration/);
  });
});

describe('rust-toolchain', () => {
  it('reads a channel line or a [toolchain] table', () => {
    expect(validateRustToolchain('nightly\n')).toEqual({ diagnostics: [], channel: 'nightly' });
    expect(validateRustToolchain('[toolchain]\nchannel = "nightly-2026-11-01"\n').channel).toBe('nightly-2026-11-01');
    expect(validateRustToolchain('stable\n').diagnostics[0]!.message).toMatch(/needs a nightly toolchain/);
    expect(validateRustToolchain('nighty\n').diagnostics[0]!.message).toBe("invalid toolchain name: 'nighty'");
  });
});

describe('the whole project', () => {
  it('finds nothing wrong in the starting files, and links files together', () => {
    const files = ['Cargo.toml', 'rust-toolchain', 'x86_64-blog_os.json', '.cargo/config.toml', 'src/main.rs'];
    const vfs = Vfs.from(Object.fromEntries(files.map((f) => [f, read(f)])));
    const all = validateProject(vfs);
    expect([...all.keys()].sort()).toEqual(['.cargo/config.toml', 'Cargo.toml', 'rust-toolchain', 'x86_64-blog_os.json']);
    expect([...all.values()].flat()).toEqual([]);
    vfs.rename('x86_64-blog_os.json', 'x86_64-kernel.json');
    expect(validateProject(vfs).get('.cargo/config.toml')!.map((d) => d.message)).toEqual([
      'error loading target specification: could not find specification for target "x86_64-blog_os.json"',
    ]);
  });
});

describe('hover help for cargo keys', () => {
  const CONFIG = read('.cargo/config.toml');
  const at = (text: string, needle: string) => text.indexOf(needle) + 2;
  it('explains the keys the post uses', async () => {
    const { tomlHover } = await import('./tomlDocs.ts');
    expect(tomlHover('cargo-config', CONFIG, at(CONFIG, 'build-std ='))!.markdown).toMatch(/^\*\*`unstable\.build-std`\*\*/);
    expect(tomlHover('cargo-config', CONFIG, at(CONFIG, 'build-std-features'))!.markdown).toMatch(/memcpy/);
    expect(tomlHover('cargo-config', CONFIG, at(CONFIG, 'runner'))!.markdown).toMatch(/bootimage runner/);
    expect(tomlHover('cargo-config', CONFIG, at(CONFIG, "target.'cfg"))!.markdown).toMatch(/target_os = "none"/);
    const manifest = read('Cargo.toml');
    expect(tomlHover('cargo-toml', manifest, at(manifest, 'bootloader'))!.markdown).toMatch(/0\.9/);
    expect(tomlHover('cargo-toml', manifest, at(manifest, 'edition'))!.markdown).toMatch(/edition/);
    expect(tomlHover('cargo-toml', manifest, manifest.indexOf('"blog_os"') + 2)).toBeUndefined();
  });
});
