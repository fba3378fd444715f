// rustup's state for the project, kept where the project is (`.bootlab/rustup.json` of the vfs;
// `bootlab sh` writes it to DIR/.bootlab/), as ~/.rustup would be at home: installed toolchains,
// their components, the default, and directory overrides. A project without the file starts as a
// fresh rustup install leaves a machine: `stable` as default, no `rust-src`, no `llvm-tools`.
import type { Vfs } from '../vfs.ts';
import { validateRustToolchain } from '../config/rustToolchain.ts';
import { isTable, parseToml } from '../config/toml.ts';
import { parseToolchain, type Toolchain } from './toolchain.ts';

export const STATE_PATH = '.bootlab/rustup.json';

/** The components of rustup's default profile; `rust-src` and `llvm-tools` are added by hand. */
export const DEFAULT_COMPONENTS = ['cargo', 'clippy', 'rust-docs', 'rust-std', 'rustc', 'rustfmt'];
/** Components a learner may add or remove (rustup's names; `llvm-tools-preview` is an alias). */
export const OPTIONAL_COMPONENTS = ['rust-src', 'llvm-tools', 'rust-analyzer', 'miri', 'rustc-dev'];

export interface RustupState {
  default: string | null;
  /** full toolchain name → installed components */
  toolchains: Record<string, string[]>;
  /** shell directory ('/' or '/sub') → full toolchain name */
  overrides: Record<string, string>;
}

export function freshState(): RustupState {
  return { default: 'stable-x86_64-unknown-linux-gnu', toolchains: { 'stable-x86_64-unknown-linux-gnu': [...DEFAULT_COMPONENTS] }, overrides: {} };
}

export function loadState(vfs: Vfs): RustupState {
  const text = vfs.tryReadText(STATE_PATH);
  if (text === undefined) return freshState();
  try {
    const v = JSON.parse(text) as Partial<RustupState>;
    if (typeof v !== 'object' || v === null || typeof v.toolchains !== 'object' || v.toolchains === null) return freshState();
    return {
      default: typeof v.default === 'string' ? v.default : null,
      toolchains: Object.fromEntries(Object.entries(v.toolchains).filter(([, c]) => Array.isArray(c)).map(([k, c]) => [k, (c as unknown[]).filter((x): x is string => typeof x === 'string')])),
      overrides: typeof v.overrides === 'object' && v.overrides !== null ? Object.fromEntries(Object.entries(v.overrides).filter(([, t]) => typeof t === 'string')) : {},
    };
  } catch {
    // A damaged state file is treated as a fresh install rather than stopping every command.
    return freshState();
  }
}

export function saveState(vfs: Vfs, state: RustupState): void {
  vfs.writeFile(STATE_PATH, JSON.stringify(state, null, 2) + '\n');
}

/** `llvm-tools-preview` → `llvm-tools` (rustup renamed it; the old name stays an alias). */
export function canonicalComponent(name: string): string {
  const base = name.replace(/-x86_64-unknown-linux-gnu$/, '');
  return base === 'llvm-tools-preview' ? 'llvm-tools' : base;
}

export function hasComponent(state: RustupState, tc: Toolchain, component: string): boolean {
  return (state.toolchains[tc.fullName] ?? []).includes(canonicalComponent(component));
}

export type ActiveReason =
  | { kind: 'default' }
  | { kind: 'override'; dir: string }
  | { kind: 'file'; path: string; components: string[] }
  | { kind: 'command-line' };

export interface ActiveToolchain {
  toolchain: Toolchain;
  reason: ActiveReason;
}

export type Resolution = { ok: true; active: ActiveToolchain } | { ok: false; message: string };

/** The shell directory ('' → '/') and its ancestors, nearest first. */
function ancestors(cwd: string): string[] {
  const parts = cwd === '' ? [] : cwd.split('/');
  const out: string[] = [];
  for (let n = parts.length; n >= 0; n--) out.push(parts.slice(0, n).join('/'));
  return out;
}

export const displayPath = (dir: string): string => `/${dir}`;

/**
 * Which toolchain rustup runs here: `+name` on the command line, then, from the current directory
 * up, a directory override or a `rust-toolchain(.toml)` file, then the default.
 */
export function resolveToolchain(vfs: Vfs, state: RustupState, cwd: string, plus?: string): Resolution {
  if (plus !== undefined) {
    const tc = parseToolchain(plus);
    if (!tc) return { ok: false, message: `error: invalid toolchain name: '${plus}'` };
    return { ok: true, active: { toolchain: tc, reason: { kind: 'command-line' } } };
  }
  for (const dir of ancestors(cwd)) {
    const o = state.overrides[displayPath(dir)];
    if (o !== undefined) {
      const tc = parseToolchain(o);
      if (tc) return { ok: true, active: { toolchain: tc, reason: { kind: 'override', dir: displayPath(dir) } } };
    }
    for (const file of ['rust-toolchain', 'rust-toolchain.toml']) {
      const path = dir === '' ? file : `${dir}/${file}`;
      if (!vfs.isFile(path)) continue;
      const text = vfs.readText(path);
      const r = validateRustToolchain(text, file);
      const firstError = r.diagnostics.find((d) => d.severity === 'error');
      if (firstError || r.channel === undefined) {
        return { ok: false, message: `error: ${firstError?.message ?? `invalid toolchain file '${displayPath(path)}'`}` };
      }
      const tc = parseToolchain(r.channel);
      if (!tc) return { ok: false, message: `error: invalid toolchain name: '${r.channel}'` };
      return { ok: true, active: { toolchain: tc, reason: { kind: 'file', path: displayPath(path), components: fileComponents(text) } } };
    }
  }
  if (state.default === null) {
    return { ok: false, message: "error: rustup could not choose a version of rustc to run, because one wasn't specified explicitly, and no default is configured.\nhelp: run 'rustup default stable' to download the latest stable release of Rust and set it as your default toolchain." };
  }
  const tc = parseToolchain(state.default);
  if (!tc) return { ok: false, message: `error: invalid toolchain name: '${state.default}'` };
  return { ok: true, active: { toolchain: tc, reason: { kind: 'default' } } };
}

/** `components = [...]` of a `rust-toolchain.toml` (rustup installs them with the toolchain). */
function fileComponents(text: string): string[] {
  const parsed = parseToml(text);
  if (!parsed.ok || !isTable(parsed.value.toolchain)) return [];
  const c = parsed.value.toolchain.components;
  return Array.isArray(c) ? c.filter((x): x is string => typeof x === 'string') : [];
}

export function activeBecause(reason: ActiveReason): string {
  switch (reason.kind) {
    case 'default':
      return 'it\'s the default toolchain';
    case 'override':
      return `directory override for '${reason.dir}'`;
    case 'file':
      return `overridden by '${reason.path}'`;
    case 'command-line':
      return 'overridden by +toolchain on the command line';
  }
}
