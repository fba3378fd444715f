// `rustup`: show, default, override set|unset|list, toolchain install|list|uninstall,
// component add|remove|list, target list, update, --version — with rustup 1.28's messages,
// over the project's rustup state (state.ts).
import type { Command, ShellContext } from '../shell/types.ts';
import { addComponent, ensureActive, installToolchain, installedSummary, NOTHING_DOWNLOADED } from './install.ts';
import {
  DEFAULT_COMPONENTS,
  OPTIONAL_COMPONENTS,
  activeBecause,
  canonicalComponent,
  displayPath,
  loadState,
  resolveToolchain,
  saveState,
  type RustupState,
} from './state.ts';
import { HOST, RUSTUP_HOME, RUSTUP_VERSION_LINE, parseToolchain, rustcVersionLine, type Toolchain } from './toolchain.ts';

class RustupError extends Error {}

function toolchainArg(name: string | undefined): Toolchain {
  if (name === undefined) throw new RustupError("error: the following required arguments were not provided:\n  <TOOLCHAIN>...");
  const tc = parseToolchain(name);
  if (!tc) throw new RustupError(`error: invalid toolchain name: '${name}'`);
  return tc;
}

/** `--toolchain NAME` among the arguments, else the active toolchain. */
function targetToolchain(args: string[], ctx: ShellContext, state: RustupState, lines: string[]): Toolchain {
  const i = args.indexOf('--toolchain');
  if (i >= 0) {
    const tc = toolchainArg(args[i + 1]);
    args.splice(i, 2);
    if (!state.toolchains[tc.fullName]) throw new RustupError(`error: toolchain '${tc.fullName}' is not installed`);
    return tc;
  }
  const r = resolveToolchain(ctx.vfs, state, ctx.cwd);
  if (!r.ok) throw new RustupError(r.message);
  lines.push(...ensureActive(state, r.active));
  return r.active.toolchain;
}

function show(ctx: ShellContext, state: RustupState): string[] {
  const r = resolveToolchain(ctx.vfs, state, ctx.cwd);
  const active = r.ok ? r.active : undefined;
  if (active) ensureActive(state, active);
  const lines = [`Default host: ${HOST}`, `rustup home:  ${RUSTUP_HOME}`, '', 'installed toolchains', '--------------------'];
  for (const name of Object.keys(state.toolchains).sort()) {
    const tags = [name === active?.toolchain.fullName ? 'active' : '', name === state.default ? 'default' : ''].filter(Boolean);
    lines.push(tags.length ? `${name} (${tags.join(', ')})` : name);
  }
  lines.push('', 'active toolchain', '----------------');
  if (!active) {
    lines.push('no active toolchain');
    return lines;
  }
  lines.push(`name: ${active.toolchain.fullName}`, `active because: ${activeBecause(active.reason)}`, 'installed targets:', `  ${HOST}`);
  return lines;
}

function componentList(state: RustupState, tc: Toolchain, installedOnly: boolean): string[] {
  const have = state.toolchains[tc.fullName] ?? [];
  const all = [...new Set([...DEFAULT_COMPONENTS, ...OPTIONAL_COMPONENTS])].sort();
  // rustup names per-target components with the target; rust-src is the same for every target
  const shown = (c: string) => (c === 'rust-src' ? c : `${c}-${HOST}`);
  return all.filter((c) => !installedOnly || have.includes(c)).map((c) => (installedOnly ? shown(c) : `${shown(c)}${have.includes(c) ? ' (installed)' : ''}`));
}

function run(args: string[], ctx: ShellContext, state: RustupState): string[] {
  const [sub, ...rest] = args;
  switch (sub) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return [
        'rustup — Bootlab’s version of the Rust toolchain installer',
        '',
        'Usage: rustup <COMMAND>',
        '  show                      the installed and active toolchains',
        '  default [TOOLCHAIN]       show or set the default toolchain',
        '  override set|unset|list   a toolchain for this directory',
        '  toolchain install|list|uninstall',
        '  component add|remove|list rust-src, llvm-tools-preview …',
        '  target list [--installed]',
        '  update                    update the channel toolchains',
        '  --version',
      ];
    case '--version':
    case '-V': {
      const r = resolveToolchain(ctx.vfs, state, ctx.cwd);
      const lines = [RUSTUP_VERSION_LINE, 'info: This is the version for the rustup toolchain manager, not the rustc compiler.'];
      if (r.ok) lines.push(`info: The currently active \`rustc\` version is \`${rustcVersionLine(r.active.toolchain)}\``);
      return lines;
    }
    case 'show':
      if (rest[0] === 'active-toolchain') {
        const r = resolveToolchain(ctx.vfs, state, ctx.cwd);
        if (!r.ok) throw new RustupError(r.message);
        return [`${r.active.toolchain.fullName} (${activeBecause(r.active.reason)})`];
      }
      return show(ctx, state);
    case 'default': {
      if (rest.length === 0) {
        if (state.default === null) throw new RustupError('error: no default toolchain is configured');
        return [`${state.default} (default)`];
      }
      if (rest[0] === 'none') {
        state.default = null;
        return ['info: default toolchain unset'];
      }
      const tc = toolchainArg(rest[0]);
      const lines = installToolchain(state, tc);
      state.default = tc.fullName;
      return [...lines, `info: default toolchain set to '${tc.fullName}'`, ...(lines.length ? ['', installedSummary(tc), ''] : [])];
    }
    case 'override': {
      const [verb, name] = rest;
      const here = displayPath(ctx.cwd);
      if (verb === 'set' || verb === 'add') {
        const tc = toolchainArg(name);
        const lines = installToolchain(state, tc);
        if (!lines.length) lines.push(`info: using existing install for '${tc.fullName}'`);
        state.overrides[here] = tc.fullName;
        return [...lines, `info: override toolchain for '${here}' set to '${tc.fullName}'`];
      }
      if (verb === 'unset' || verb === 'remove') {
        if (state.overrides[here] === undefined) return [`info: no override toolchain for '${here}'`, "info: you may use `--path <path>` option to remove override toolchain for a specific path"];
        delete state.overrides[here];
        return [`info: override toolchain for '${here}' removed`];
      }
      if (verb === 'list') {
        const entries = Object.entries(state.overrides);
        if (!entries.length) return ['no overrides'];
        const width = Math.max(...entries.map(([d]) => d.length));
        return entries.map(([d, t]) => `${d.padEnd(width)}\t${t}`);
      }
      throw new RustupError(`error: unrecognized subcommand '${verb ?? ''}'`);
    }
    case 'toolchain': {
      const [verb, ...names] = rest;
      if (verb === 'list') {
        const r = resolveToolchain(ctx.vfs, state, ctx.cwd);
        const active = r.ok ? r.active.toolchain.fullName : undefined;
        return Object.keys(state.toolchains).sort().map((n) => {
          const tags = [n === active ? 'active' : '', n === state.default ? 'default' : ''].filter(Boolean);
          return tags.length ? `${n} (${tags.join(', ')})` : n;
        });
      }
      if (verb === 'install' || verb === 'add') {
        const lines: string[] = [];
        const compIndex = names.findIndex((n) => n === '--component' || n === '-c');
        const components = compIndex >= 0 ? names.splice(compIndex, 2)[1]?.split(',') ?? [] : [];
        for (const n of names.filter((x) => !x.startsWith('-'))) {
          const tc = toolchainArg(n);
          const installed = installToolchain(state, tc, components);
          if (state.default === null) state.default = tc.fullName;
          lines.push(...installed, '', installed.length ? installedSummary(tc) : `  ${tc.fullName} unchanged - ${rustcVersionLine(tc)}`, '');
        }
        if (!lines.length) toolchainArg(undefined);
        return lines;
      }
      if (verb === 'uninstall' || verb === 'remove') {
        const lines: string[] = [];
        for (const n of names) {
          const tc = toolchainArg(n);
          if (!state.toolchains[tc.fullName]) {
            lines.push(`info: no toolchain installed for '${tc.fullName}'`);
            continue;
          }
          delete state.toolchains[tc.fullName];
          if (state.default === tc.fullName) state.default = null;
          lines.push(`info: uninstalling toolchain '${tc.fullName}'`, `info: toolchain '${tc.fullName}' uninstalled`);
        }
        return lines;
      }
      throw new RustupError(`error: unrecognized subcommand '${verb ?? ''}'`);
    }
    case 'component': {
      const [verb, ...names] = rest;
      const lines: string[] = [];
      const tc = targetToolchain(names, ctx, state, lines);
      if (verb === 'list') return [...lines, ...componentList(state, tc, names.includes('--installed'))];
      const wanted = names.filter((n) => !n.startsWith('-'));
      if (!wanted.length) throw new RustupError("error: the following required arguments were not provided:\n  <COMPONENT>...");
      for (const name of wanted) {
        const c = canonicalComponent(name);
        if (![...DEFAULT_COMPONENTS, ...OPTIONAL_COMPONENTS].includes(c)) {
          throw new RustupError(`error: toolchain '${tc.fullName}' does not contain component '${name}' for target '${HOST}'`);
        }
        if (verb === 'add') lines.push(...addComponent(state, tc, name));
        else if (verb === 'remove') {
          const list = state.toolchains[tc.fullName] ?? [];
          if (!list.includes(c)) throw new RustupError(`error: toolchain '${tc.fullName}' does not contain component '${c === 'rust-src' ? c : `${c}-${HOST}`}'`);
          state.toolchains[tc.fullName] = list.filter((x) => x !== c);
          lines.push(`info: removing component '${c}'`);
        } else throw new RustupError(`error: unrecognized subcommand '${verb ?? ''}'`);
      }
      return lines;
    }
    case 'target': {
      const [verb] = rest;
      if (verb === 'list') return rest.includes('--installed') ? [HOST] : [`${HOST} (installed)`, 'x86_64-unknown-none'];
      if (verb === 'add') {
        const t = rest[1];
        if (t === HOST) return [`info: component 'rust-std' for target '${HOST}' is up to date`];
        throw new RustupError(
          `error: Bootlab's toolchain ships the standard library for ${HOST} only; for a custom target such as x86_64-blog_os, ` +
            'build `core` from source with build-std (as the post does)',
        );
      }
      throw new RustupError(`error: unrecognized subcommand '${verb ?? ''}'`);
    }
    case 'update': {
      const lines: string[] = [];
      const channels = Object.keys(state.toolchains).filter((n) => !/\d{4}-\d{2}-\d{2}/.test(n) && !/^\d/.test(n)).sort();
      for (const n of channels) lines.push(`info: syncing channel updates for '${n}'`);
      lines.push("info: (Bootlab: nothing is downloaded; Bootlab's toolchains are fixed in this build, so every channel is already at its latest)", '');
      for (const n of channels) lines.push(`  ${n} unchanged - ${rustcVersionLine(parseToolchain(n)!)}`);
      return [...lines, ''];
    }
    default:
      throw new RustupError(`error: unrecognized subcommand '${sub}'`);
  }
}

export const rustup: Command = (argv, ctx) => {
  const state = loadState(ctx.vfs);
  try {
    const lines = run(argv.slice(1), ctx, state);
    saveState(ctx.vfs, state);
    if (lines.length) ctx.terminal.print(lines.join('\n'));
    return 0;
  } catch (e) {
    if (!(e instanceof RustupError)) throw e;
    ctx.terminal.print(e.message, 'error');
    return 1;
  }
};

export { NOTHING_DOWNLOADED };
