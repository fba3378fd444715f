// `cargo build`: reads the manifest and `.cargo/config.toml` with cargo's precedence (command line
// over config), picks the toolchain through rustup's rules, and walks the checks the post meets in
// the real tools' words: `-Z` on stable, `-Zjson-target-spec`, the target file's load errors,
// missing `rust-src`, E0463 without build-std; then compiles through `compileCrate` (compile.ts)
// and links with src/link as rustc asks rust-lld to for the post's target.
import { evalCfg, parseCfg, validateCargoConfig, CONFIG_PATH } from '../config/cargoConfig.ts';
import { validateCargoToml } from '../config/cargoToml.ts';
import { targetName, validateTargetSpec } from '../config/targetSpec.ts';
import { targetLoadMessages } from './targetLoad.ts';
import { isTable, type TomlTable } from '../config/toml.ts';
import { lineColAt } from '../config/diagnostic.ts';
import { hasChange } from '../drift.ts';
import { ensureActive } from '../rustup/install.ts';
import { hasComponent, loadState, saveState, type RustupState } from '../rustup/state.ts';
import { toolchainRules } from '../rustup/rules.ts';
import { HOST, isNightly, sysroot, toolchainDate, type Toolchain } from '../rustup/toolchain.ts';
import type { ShellContext } from '../shell/types.ts';
import { buildUnits } from './units.ts';
import { verb } from './verb.ts';

export class CargoExit extends Error {
  constructor(readonly text: string, readonly status = 101) {
    super(text);
  }
}

export interface BuildArgs {
  plus?: string;
  target?: string;
  release: boolean;
  z: string[];
}

export interface BuildOutcome {
  status: number;
  /** project path of the linked kernel, on success */
  executable?: string;
  profileDir?: string;
  targetDir?: string;
  packageName?: string;
  /** the target spec's fields (for cfg(target_os) of runners) */
  targetFacts?: Record<string, string | undefined>;
  config?: TomlTable;
  toolchain?: Toolchain;
  state?: RustupState;
}

/** An error placed in a file, as cargo prints it (rustc's snippet layout). */
export function cargoSnippet(file: string, text: string, message: string, start: number, end: number): string {
  const { line, column } = lineColAt(text, start);
  const lineText = text.split('\n')[line - 1] ?? '';
  const width = Math.max(1, Math.min(end, start + lineText.length - column + 1) - start);
  const pad = ' '.repeat(String(line).length);
  return [`error: ${message}`, `${pad}--> ${file}:${line}:${column}`, `${pad} |`, `${line} | ${lineText}`, `${pad} | ${' '.repeat(column - 1)}${'^'.repeat(width)}`].join('\n');
}

export { verb };

/** `0.42s`, or `1m 05s` past a minute, as cargo prints elapsed time. */
export function elapsed(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(2)}s`;
  return `${Math.floor(s / 60)}m ${String(Math.floor(s % 60)).padStart(2, '0')}s`;
}

export function finishedLine(tc: Toolchain, release: boolean, ms: number): string {
  const profile = release ? 'release' : 'dev';
  const what = release ? '[optimized]' : '[unoptimized + debuginfo]';
  return hasChange(toolchainDate(tc), 'cargo-finished-profile')
    ? verb('Finished', `\`${profile}\` profile ${what} target(s) in ${elapsed(ms)}`)
    : verb('Finished', `${profile} ${what} target(s) in ${elapsed(ms)}`);
}

/** Splits cargo's arguments into what `build` knows; anything else is refused as cargo does. */
export function parseBuildArgs(args: string[], allowed: (a: string) => boolean = () => false): BuildArgs {
  const out: BuildArgs = { release: false, z: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new CargoExit(`error: a value is required for '${a} <${a === '-Z' ? 'FLAG' : 'TRIPLE'}>' but none was supplied\n\nFor more information, try '--help'.`, 1);
      return v;
    };
    if (a === '--release' || a === '-r') out.release = true;
    else if (a === '--target') out.target = value();
    else if (a.startsWith('--target=')) out.target = a.slice(9);
    else if (a === '-Z') out.z.push(value());
    else if (a.startsWith('-Z')) out.z.push(a.slice(2));
    else if (a === '-v' || a === '--verbose' || a === '-q' || a === '--quiet' || allowed(a)) continue;
    else throw new CargoExit(`error: unexpected argument '${a}' found\n\nUsage: cargo build [OPTIONS]\n\nFor more information, try '--help'.`, 1);
  }
  return out;
}

const KNOWN_Z = ['build-std', 'build-std-features', 'json-target-spec', 'unstable-options'];

function listValue(v: unknown): string[] | undefined {
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return undefined;
}

/** Runs `cargo build`; prints as it goes and returns the outcome (cargo run and bootimage go on from it). */
export async function cargoBuild(args: BuildArgs, ctx: ShellContext, print: (text: string) => void): Promise<BuildOutcome> {
  const started = performance.now();
  const { vfs } = ctx;
  if (!vfs.isFile('Cargo.toml')) throw new CargoExit('error: could not find `Cargo.toml` in `/` or any parent directory');

  // rustup picks the toolchain (installing one a rust-toolchain file names, as rustup does)
  // (the same answer the editor's live checks use: rustup/rules.ts)
  const state = loadState(vfs);
  const rules = toolchainRules(vfs, { cwd: ctx.cwd, plus: args.plus, state });
  const res = rules.resolution;
  if (!res.ok) throw new CargoExit(res.message, 1);
  const tc = res.active.toolchain;
  if (!state.toolchains[tc.fullName] && res.active.reason.kind === 'command-line') {
    throw new CargoExit(`error: toolchain '${tc.fullName}' is not installed\nhelp: run \`rustup toolchain install ${tc.fullName.replace(`-${HOST}`, '')}\` to install it`, 1);
  }
  const installLines = ensureActive(state, res.active);
  if (installLines.length) print(installLines.join('\n'));
  saveState(vfs, state);
  const nightly = rules.nightly;
  const date = rules.date!;

  // the manifest
  const manifestText = vfs.readText('Cargo.toml');
  const manifest = validateCargoToml(manifestText);
  const manifestError = manifest.diagnostics.find((d) => d.severity === 'error');
  if (manifestError) {
    // cargo shows errors it can place in the file as a snippet; the others under "Caused by:"
    if (manifestError.end > manifestError.start && !manifestError.message.startsWith('missing field')) {
      throw new CargoExit(cargoSnippet('Cargo.toml', manifestText, manifestError.message.split('\n').at(-1)!, manifestError.start, manifestError.end));
    }
    throw new CargoExit(`error: failed to parse manifest at \`/Cargo.toml\`\n\nCaused by:\n  ${manifestError.message.replace(/\n/g, '\n  ')}`);
  }
  for (const w of manifest.diagnostics.filter((d) => d.severity === 'warning' && d.source === 'cargo')) {
    print([`warning: ${w.message}`, ...(w.notes ?? []).filter((n) => n.startsWith('help:'))].join('\n'));
  }
  const pkg = manifest.manifest && isTable(manifest.manifest.package) ? manifest.manifest.package : {};
  const name = manifest.packageName ?? (typeof pkg.name === 'string' ? pkg.name : 'blog_os');
  const version = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  const edition = (typeof pkg.edition === 'string' ? pkg.edition : '2015') as '2015' | '2018' | '2021' | '2024';

  // -Z flags are nightly-only
  if (args.z.length && !nightly) {
    throw new CargoExit(
      'error: the `-Z` flag is only accepted on the nightly channel of Cargo, but this is the `' + tc.channel.replace('version', 'stable') + '` channel\n' +
        'See https://doc.rust-lang.org/book/appendix-07-nightly-rust.html for more information about Rust release channels.',
    );
  }

  // .cargo/config.toml ([unstable] is ignored silently off nightly)
  let config: TomlTable | undefined;
  if (vfs.isFile(CONFIG_PATH)) {
    const r = validateCargoConfig(vfs.readText(CONFIG_PATH), { fileExists: (f) => vfs.isFile(f), channel: nightly ? 'nightly' : 'stable', displayPath: `/${CONFIG_PATH}` });
    // -Zjson-target-spec depends on the toolchain's date (drift) and is checked below, not as the editor's today-check
    // off nightly cargo never reads [unstable], so nothing in it is reported
    const read = r.diagnostics.filter(
      (d) => d.source === 'cargo' && !d.message.includes('-Zjson-target-spec') && (nightly || !(d.message.includes('unstable') || d.message.startsWith('package ID specification'))),
    );
    const err = read.find((d) => d.severity === 'error');
    if (err) throw new CargoExit(`error: ${err.message}`);
    for (const w of read.filter((d) => d.severity === 'warning')) print(`warning: ${w.message}`);
    config = r.config;
  }
  const unstable = nightly && config && isTable(config.unstable) ? config.unstable : {};
  const build = config && isTable(config.build) ? config.build : {};

  let buildStd = listValue(unstable['build-std']);
  let buildStdFeatures = listValue(unstable['build-std-features']) ?? [];
  let jsonTargetSpec = unstable['json-target-spec'] === true;
  for (const z of args.z) {
    const [key, val] = z.split('=', 2) as [string, string | undefined];
    if (!KNOWN_Z.includes(key)) throw new CargoExit(`error: unknown \`-Z\` flag specified: ${key}`);
    if (key === 'build-std') buildStd = val === undefined ? ['std'] : val.split(',');
    if (key === 'build-std-features') buildStdFeatures = (val ?? '').split(',').filter(Boolean);
    if (key === 'json-target-spec') jsonTargetSpec = true;
  }

  // the target: --target over [build] target; a .json path is relative to where it was given
  const targetArg = args.target ?? (typeof build.target === 'string' ? build.target : undefined);
  let targetLabel = HOST;
  let targetFacts: Record<string, string | undefined> = { target_os: 'linux', target_arch: 'x86_64' };
  let custom = false;
  let targetText: string | undefined;
  if (targetArg !== undefined && targetArg.endsWith('.json')) {
    custom = true;
    if (hasChange(date, 'json-target-spec') && !jsonTargetSpec) throw new CargoExit('error: `.json` target specs require -Zjson-target-spec');
    const base = args.target !== undefined ? ctx.cwd : '';
    const path = [base, targetArg].filter(Boolean).join('/').replace(/^\/+/, '');
    targetLabel = targetName(targetArg);
    const rustcFailed = (stderr: string) =>
      new CargoExit(
        'error: failed to run `rustc` to learn about target-specific information\n\nCaused by:\n' +
          `  process didn't exit successfully: \`${sysroot(tc)}/bin/rustc - --crate-name ___ --print=file-names --target /${path} --crate-type bin --crate-type rlib --crate-type dylib --crate-type cdylib --crate-type staticlib --crate-type proc-macro --print=sysroot --print=split-debuginfo --print=crate-name --print=cfg -Wwarnings\` (exit status: 1)\n` +
          '  --- stderr\n' +
          stderr.trimEnd().split('\n').map((l) => `  ${l}`).join('\n'),
      );
    if (!vfs.isFile(path)) {
      throw rustcFailed(
        hasChange(date, 'target-spec-error-format')
          ? `error: error loading target specification: could not find specification for target "${targetArg}"\n  |\n  = help: run \`rustc --print target-list\` for a list of built-in targets`
          : `error: Error loading target specification: Could not find specification for target "${targetArg}". Run \`rustc --print target-list\` for a list of built-in targets`,
      );
    }
    const text = vfs.readText(path);
    targetText = text;
    const spec = validateTargetSpec(text, path, rules.targetSpec);
    const load = targetLoadMessages(text, spec, date);
    if (load.error) throw rustcFailed([...load.warnings, load.error].join('\n'));
    if (load.warnings.length) print(load.warnings.join('\n'));
    targetFacts = { target_os: typeof spec.fields.os === 'string' ? spec.fields.os : 'none', target_arch: String(spec.fields.arch ?? '') };
  } else if (targetArg !== undefined && targetArg !== HOST) {
    custom = true;
    targetLabel = targetArg;
    targetFacts = { target_os: targetArg.includes('-none') ? 'none' : undefined, target_arch: targetArg.split('-')[0] };
  }

  // build-std needs the library's sources
  if (buildStd && !hasComponent(state, tc, 'rust-src')) {
    throw new CargoExit(
      `error: "${sysroot(tc)}/lib/rustlib/src/rust/library/Cargo.lock" does not exist, unable to build with the standard library, try:\n        rustup component add rust-src`,
    );
  }
  // Bootlab's library is `core` and `compiler_builtins` (what the post builds); asked for more
  // (`-Zbuild-std` alone means `std`), it says so instead of building something else
  const beyond = (buildStd ?? []).filter((c) => c !== 'core' && c !== 'compiler_builtins');
  if (beyond.length) {
    throw new CargoExit(
      `error: Bootlab's standard library sources hold \`core\` and \`compiler_builtins\` only, so build-std cannot build ${beyond.map((c) => `\`${c}\``).join(', ')}; the post's kernel needs \`build-std = ["core", "compiler_builtins"]\``,
    );
  }

  const profileDir = args.release ? 'release' : 'debug';
  const targetDir = custom ? `target/${targetLabel}/${profileDir}` : `target/${profileDir}`;
  const outcome: BuildOutcome = { status: 101, profileDir, targetDir, packageName: name, targetFacts, config, toolchain: tc, state };

  const fail = (crate: string, kind: string, errors: number, warnings: number) => {
    const w = warnings ? `; ${warnings} warning${warnings === 1 ? '' : 's'} emitted` : '';
    print(`error: could not compile \`${crate}\` (${kind}) due to ${errors === 1 ? '1 previous error' : `${errors} previous errors`}${w}`);
    return outcome;
  };

  const root = vfs.isFile('src/main.rs') ? 'src/main.rs' : vfs.isFile('src/lib.rs') ? 'src/lib.rs' : undefined;
  if (!root) {
    throw new CargoExit(`error: failed to parse manifest at \`/Cargo.toml\`\n\nCaused by:\n  no targets specified in the manifest\n  either src/lib.rs, src/main.rs, a [lib] section, or [[bin]] section must be present`);
  }
  const configParts = [manifestText, vfs.tryReadText(CONFIG_PATH) ?? '', targetText ?? '', targetArg ?? ''];
  const units = await buildUnits({
    vfs,
    print,
    name,
    version,
    edition,
    crateType: root === 'src/main.rs' ? 'bin' : 'lib',
    root,
    targetDir,
    targetLabel,
    custom,
    release: args.release,
    nightly,
    toolchain: tc.fullName,
    date,
    buildStd,
    buildStdFeatures,
    librarySrc: `${sysroot(tc)}/lib/rustlib/src/rust/library`,
    configParts,
  });
  if (!units.ok) return 'printed' in units ? outcome : fail(units.crate, units.kind, units.errors, units.warnings);
  print(finishedLine(tc, args.release, performance.now() - started));
  return { ...outcome, status: 0, executable: units.executable };
}

/** The runner for this target from `[target.<triple>]` or a matching `[target.'cfg(…)']` table. */
export function runnerFor(outcome: BuildOutcome, triple: string): string[] | undefined {
  const targets = outcome.config && isTable(outcome.config.target) ? outcome.config.target : {};
  for (const [key, table] of Object.entries(targets)) {
    if (!isTable(table) || table.runner === undefined) continue;
    let applies = key === triple;
    if (key.startsWith('cfg(')) {
      const cfg = parseCfg(key);
      applies = cfg.ok && evalCfg(cfg.expr, outcome.targetFacts ?? {});
    }
    if (!applies) continue;
    const r = table.runner;
    return typeof r === 'string' ? r.split(/\s+/).filter(Boolean) : Array.isArray(r) ? r.map(String) : undefined;
  }
  return undefined;
}
