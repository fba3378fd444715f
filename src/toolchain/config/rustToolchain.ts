// Checks the `rust-toolchain` file that makes rustup pick a toolchain for the project: either
// one line naming a channel (`nightly`, `nightly-2026-11-01`, `stable`, `1.91.0`) or, as in
// `rust-toolchain.toml`, a `[toolchain]` table with `channel`, `components`, `targets`, `profile`.
import type { Diagnostic } from './diagnostic.ts';
import { isTable, keyRange, parseToml, tomlSyntaxDiagnostic, valueRange } from './toml.ts';

export interface RustToolchainResult {
  diagnostics: Diagnostic[];
  /** `nightly`, `nightly-2026-11-01`, `stable`, `1.91.0`… when it could be read */
  channel?: string;
}

const CHANNEL = /^(nightly|beta|stable)(-\d{4}-\d{2}-\d{2})?$|^\d+\.\d+(\.\d+)?(-beta(\.\d+)?)?$/;
const TOOLCHAIN_KEYS = ['channel', 'components', 'targets', 'profile', 'path'];

function needsNightly(channel: string, start: number, end: number): Diagnostic | undefined {
  if (channel.startsWith('nightly')) return undefined;
  return {
    severity: 'warning',
    source: 'bootlab',
    message: `the post needs a nightly toolchain, and this asks for \`${channel}\``,
    start,
    end,
    notes: ['`build-std` and the `[unstable]` table of `.cargo/config.toml` only work on nightly. Write `nightly`.'],
  };
}

export function validateRustToolchain(text: string, fileName = 'rust-toolchain'): RustToolchainResult {
  const trimmed = text.trim();
  const out: Diagnostic[] = [];
  const isToml = fileName.endsWith('.toml') || trimmed.includes('[') || trimmed.includes('=');
  if (!isToml) {
    const start = text.indexOf(trimmed);
    const end = start + trimmed.length;
    if (trimmed === '') {
      out.push({
        severity: 'error',
        source: 'rustup',
        message: 'empty toolchain override file detected. Please remove it, or else specify the desired toolchain properties in the file',
        start: 0,
        end: 0,
      });
      return { diagnostics: out };
    }
    if (trimmed.includes('\n')) {
      out.push({ severity: 'error', source: 'rustup', message: `invalid toolchain name: '${trimmed.split('\n').join(' ')}'`, start, end });
      return { diagnostics: out };
    }
    if (!CHANNEL.test(trimmed)) {
      out.push({
        severity: 'error',
        source: 'rustup',
        message: `invalid toolchain name: '${trimmed}'`,
        start,
        end,
        notes: ['rustup expects a channel such as `nightly`, `nightly-2026-11-01`, `beta`, `stable` or a version like `1.91.0`.'],
      });
      return { diagnostics: out };
    }
    const n = needsNightly(trimmed, start, end);
    if (n) out.push(n);
    return { diagnostics: out, channel: trimmed };
  }

  const parsed = parseToml(text);
  if (!parsed.ok) return { diagnostics: [tomlSyntaxDiagnostic(text, parsed, `could not parse override file: '${fileName}'`)] };
  const tc = parsed.value.toolchain;
  if (!isTable(tc)) {
    out.push({
      severity: 'error',
      source: 'rustup',
      message: `missing toolchain properties in toolchain override file '${fileName}'`,
      start: 0,
      end: Math.max(0, text.indexOf('\n')),
      notes: ['Write the table as `[toolchain]` with `channel = "nightly"` below it.'],
    });
    return { diagnostics: out };
  }
  for (const k of Object.keys(tc)) {
    if (!TOOLCHAIN_KEYS.includes(k)) {
      out.push({ severity: 'warning', source: 'rustup', message: `unknown key in toolchain file: toolchain.${k}`, ...keyRange(parsed.locations, ['toolchain', k]) });
    }
  }
  const channel = tc.channel;
  if (typeof channel !== 'string') {
    if (tc.path === undefined) {
      out.push({ severity: 'error', source: 'rustup', message: `missing toolchain properties in toolchain override file '${fileName}'`, ...keyRange(parsed.locations, ['toolchain']) });
    }
    return { diagnostics: out };
  }
  const r = valueRange(parsed.locations, ['toolchain', 'channel']);
  if (!CHANNEL.test(channel)) {
    out.push({ severity: 'error', source: 'rustup', message: `invalid toolchain name: '${channel}'`, ...r });
    return { diagnostics: out };
  }
  const n = needsNightly(channel, r.start, r.end);
  if (n) out.push(n);
  return { diagnostics: out, channel };
}
