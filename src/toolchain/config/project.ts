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
    const r = validateRustToolchain(vfs.readText(p), p);
    channel ??= r.channel;
    out.set(p, sortDiagnostics(r.diagnostics));
  }

  const specOs = new Map<string, string | undefined>();
  for (const p of files) {
    if (configKind(p) !== 'target-spec') continue;
    const r = validateTargetSpec(vfs.readText(p), p);
    specOs.set(p, typeof r.fields.os === 'string' ? r.fields.os : r.ok ? 'none' : undefined);
    out.set(p, sortDiagnostics(r.diagnostics));
  }

  if (vfs.isFile('Cargo.toml')) out.set('Cargo.toml', sortDiagnostics(validateCargoToml(vfs.readText('Cargo.toml')).diagnostics));

  for (const p of files) {
    if (configKind(p) !== 'cargo-config') continue;
    const text = vfs.readText(p);
    // first pass learns build.target, second knows the target's os
    const first = validateCargoConfig(text, { fileExists: (f) => vfs.isFile(f), channel });
    const os = first.buildTarget ? specOs.get(first.buildTarget) : undefined;
    const r = os === undefined ? first : validateCargoConfig(text, { fileExists: (f) => vfs.isFile(f), channel, targetOs: os });
    out.set(p, sortDiagnostics(r.diagnostics));
  }
  return out;
}
