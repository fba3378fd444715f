// Checks every configuration file of the project together, so that cross-file facts are known:
// which toolchain `rust-toolchain` asks for, whether `build.target` points at an existing
// target file, whether the runner's `cfg(target_os = …)` matches the target's `os`.
// Returns the diagnostics of each checked file (Rust sources are the compiler's business).
// Files are judged by the toolchain cargo would run here (src/toolchain/rustup/rules.ts), with
// notes where a later nightly would refuse what this one accepts (driftHints.ts).
import type { Vfs } from '../vfs.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostic.ts';
import { validateCargoConfig, CONFIG_PATH } from './cargoConfig.ts';
import { validateCargoToml } from './cargoToml.ts';
import { validateRustToolchain } from './rustToolchain.ts';
import { validateTargetSpec } from './targetSpec.ts';
import { jsonTargetSpecHint, targetSpecDriftHints } from './driftHints.ts';
import { hasChange } from '../drift.ts';
import { shortName, toolchainRules, type ToolchainRules } from '../rustup/rules.ts';

export type ProjectDiagnostics = Map<string, Diagnostic[]>;

/** Configuration files larger than this are not checked (real ones are a few hundred bytes). */
export const MAX_CHECKED_CHARS = 256 * 1024;

function tooLarge(text: string): Diagnostic[] | undefined {
  if (text.length <= MAX_CHECKED_CHARS) return undefined;
  return [
    {
      severity: 'info',
      source: 'bootlab',
      message: `This file is too large to check as you type (${Math.round(text.length / 1024)} KB; the limit is ${MAX_CHECKED_CHARS / 1024} KB).`,
      start: 0,
      end: 0,
    },
  ];
}

/** Which checker a file gets, by path. */
export function configKind(path: string): 'target-spec' | 'cargo-toml' | 'cargo-config' | 'rust-toolchain' | undefined {
  if (path === 'Cargo.toml') return 'cargo-toml';
  if (path === CONFIG_PATH || path === '.cargo/config') return 'cargo-config';
  if (path === 'rust-toolchain' || path === 'rust-toolchain.toml') return 'rust-toolchain';
  if (path.endsWith('.json') && !path.includes('/')) return 'target-spec';
  return undefined;
}

/** `rules`: the toolchain's, from `toolchainRules(vfs)` unless the caller has them. */
export function validateProject(vfs: Vfs, rules: ToolchainRules = toolchainRules(vfs)): ProjectDiagnostics {
  const out: ProjectDiagnostics = new Map();
  const files = vfs.listFiles().filter((p) => !p.startsWith('target/') && !p.startsWith('.bootlab/'));
  const selected = rules.toolchain ? shortName(rules.toolchain) : undefined;

  let channel: string | undefined;
  for (const p of files) {
    if (configKind(p) !== 'rust-toolchain') continue;
    const big = tooLarge(vfs.readText(p));
    if (big) {
      out.set(p, big);
      continue;
    }
    const r = validateRustToolchain(vfs.readText(p), p);
    channel ??= r.channel;
    out.set(p, sortDiagnostics(r.diagnostics));
  }

  const specOs = new Map<string, string | undefined>();
  for (const p of files) {
    if (configKind(p) !== 'target-spec') continue;
    const big = tooLarge(vfs.readText(p));
    if (big) {
      out.set(p, big);
      continue;
    }
    const text = vfs.readText(p);
    const r = validateTargetSpec(text, p, rules.targetSpec);
    specOs.set(p, typeof r.fields.os === 'string' ? r.fields.os : r.ok ? 'none' : undefined);
    const hints = rules.date !== undefined && selected !== undefined ? targetSpecDriftHints(text, p, rules.targetSpec, rules.date, `\`${selected}\``) : [];
    out.set(p, sortDiagnostics([...r.diagnostics, ...hints]));
  }

  if (vfs.isFile('Cargo.toml')) {
    const text = vfs.readText('Cargo.toml');
    out.set('Cargo.toml', tooLarge(text) ?? sortDiagnostics(validateCargoToml(text).diagnostics));
  }

  for (const p of files) {
    if (configKind(p) !== 'cargo-config') continue;
    const text = vfs.readText(p);
    const big = tooLarge(text);
    if (big) {
      out.set(p, big);
      continue;
    }
    // first pass learns build.target, second knows the target's os
    const ch = selected ?? channel;
    const first = validateCargoConfig(text, { fileExists: (f) => vfs.isFile(f), channel: ch });
    const os = first.buildTarget ? specOs.get(first.buildTarget) : undefined;
    const r = os === undefined ? first : validateCargoConfig(text, { fileExists: (f) => vfs.isFile(f), channel: ch, targetOs: os });
    // cargo asks for -Zjson-target-spec only from its date on (the check itself is today's)
    const date = rules.date;
    const diagnostics =
      date === undefined || selected === undefined || hasChange(date, 'json-target-spec')
        ? r.diagnostics
        : r.diagnostics.map((d) => (d.severity === 'error' && d.message.includes('-Zjson-target-spec') ? jsonTargetSpecHint(d, date, `\`${selected}\``) : d));
    out.set(p, sortDiagnostics(diagnostics));
  }
  return out;
}
