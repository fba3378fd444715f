// Checks every configuration file of the project together, so that cross-file facts are known:
// which toolchain `rust-toolchain` asks for, whether `build.target` points at an existing
// target file, whether the runner's `cfg(target_os = …)` matches the target's `os`.
// Returns the diagnostics of each checked file (Rust sources are the compiler's business).
import type { Vfs } from '../vfs.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostic.ts';
import { validateCargoConfig, CONFIG_PATH } from './cargoConfig.ts';
import { validateCargoToml } from './cargoToml.ts';
import { validateRustToolchain } from './rustToolchain.ts';
import { validateTargetSpec } from './targetSpec.ts';

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

export function validateProject(vfs: Vfs): ProjectDiagnostics {
  const out: ProjectDiagnostics = new Map();
  const files = vfs.listFiles().filter((p) => !p.startsWith('target/'));

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
    const r = validateTargetSpec(vfs.readText(p), p);
    specOs.set(p, typeof r.fields.os === 'string' ? r.fields.os : r.ok ? 'none' : undefined);
    out.set(p, sortDiagnostics(r.diagnostics));
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
    const first = validateCargoConfig(text, { fileExists: (f) => vfs.isFile(f), channel });
    const os = first.buildTarget ? specOs.get(first.buildTarget) : undefined;
    const r = os === undefined ? first : validateCargoConfig(text, { fileExists: (f) => vfs.isFile(f), channel, targetOs: os });
    out.set(p, sortDiagnostics(r.diagnostics));
  }
  return out;
}
