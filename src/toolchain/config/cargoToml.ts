// Checks `Cargo.toml` as cargo reads a manifest: TOML syntax, the `[package]` fields it
// requires and their types, editions, and — as cargo does — a warning for every key it does
// not use (`unused manifest key: build`), with its hint when the key belongs in
// `.cargo/config.toml` instead. Plus Bootlab notes where the post's tools have expectations
// cargo itself does not check (bootimage only works with `bootloader` 0.9).
import { closest, type Diagnostic } from './diagnostic.ts';
import { isTable, keyRange, parseToml, tomlSyntaxDiagnostic, tomlTypeName, valueRange, type TomlTable } from './toml.ts';
import type { TomlLocations, TomlPath } from './tomlLocate.ts';

const TOP_LEVEL = [
  'cargo-features', 'package', 'project', 'lib', 'bin', 'example', 'test', 'bench', 'dependencies',
  'dev-dependencies', 'dev_dependencies', 'build-dependencies', 'build_dependencies', 'target',
  'features', 'workspace', 'profile', 'patch', 'replace', 'badges', 'lints', 'hints',
];

/** Keys that belong to `.cargo/config.toml`: cargo adds a hint when they show up in a manifest. */
const CONFIG_ONLY = [
  'alias', 'build', 'cargo-new', 'credential-alias', 'doc', 'env', 'future-incompat-report', 'cache',
  'http', 'install', 'net', 'registries', 'registry', 'source', 'term', 'unstable',
];

const PACKAGE_KEYS = [
  'name', 'version', 'authors', 'edition', 'rust-version', 'description', 'documentation', 'readme',
  'homepage', 'repository', 'license', 'license-file', 'keywords', 'categories', 'workspace', 'build',
  'links', 'exclude', 'include', 'publish', 'metadata', 'default-run', 'autobins', 'autoexamples',
  'autotests', 'autobenches', 'autolib', 'resolver', 'default-target', 'forced-target', 'im-a-teapot',
];

const TARGET_KEYS = [
  'name', 'path', 'test', 'bench', 'doc', 'doctest', 'harness', 'proc-macro', 'proc_macro',
  'crate-type', 'crate_type', 'required-features', 'edition', 'doc-scrape-examples', 'plugin',
];

const DEPENDENCY_KEYS = [
  'version', 'path', 'git', 'branch', 'tag', 'rev', 'features', 'default-features', 'default_features',
  'optional', 'package', 'registry', 'registry-index', 'workspace', 'public', 'artifact', 'lib', 'target',
  'base',
];

const PROFILE_KEYS = [
  'opt-level', 'debug', 'split-debuginfo', 'strip', 'debug-assertions', 'overflow-checks', 'lto', 'panic',
  'incremental', 'codegen-units', 'rpath', 'inherits', 'package', 'build-override', 'codegen-backend',
  'trim-paths', 'rustflags', 'hint-mostly-unused',
];

const EDITIONS = ['2015', '2018', '2021', '2024'];

export interface CargoTomlResult {
  diagnostics: Diagnostic[];
  manifest?: TomlTable;
  packageName?: string;
}

interface Ctx {
  out: Diagnostic[];
  loc: TomlLocations;
}

function unused(ctx: Ctx, path: TomlPath, known: readonly string[] = []): void {
  const key = path.join('.');
  const last = String(path[path.length - 1]);
  const notes: string[] = [];
  if (path.length === 1 && CONFIG_ONLY.includes(last)) notes.push(`help: ${last} is a valid .cargo/config.toml key`);
  else {
    const near = closest(last, known);
    if (near) notes.push(`Did you mean \`${near}\`?`);
  }
  if (path.length === 1 && CONFIG_ONLY.includes(last)) {
    notes.push(`Cargo ignores \`[${last}]\` here: move it to \`.cargo/config.toml\`.`);
  }
  ctx.out.push({
    severity: 'warning',
    source: 'cargo',
    message: `unused manifest key: ${key}`,
    ...keyRange(ctx.loc, path),
    notes: notes.length ? notes : undefined,
  });
}

/** semver's messages for a version that does not parse (`0.1`, `1.x.0`…), or null. */
export function semverProblem(v: string): string | null {
  if (v === '') return 'empty string, expected a semver version';
  const parts = ['major', 'minor', 'patch'] as const;
  let i = 0;
  for (let p = 0; p < 3; p++) {
    const part = parts[p]!;
    if (i >= v.length) return `unexpected end of input while parsing ${part} version number`;
    const start = i;
    while (i < v.length && /[0-9]/.test(v[i]!)) i++;
    if (i === start) return `unexpected character '${v[i]}' while parsing ${part} version number`;
    if (v[start] === '0' && i - start > 1) return `invalid leading zero in ${part} version number`;
    if (p < 2) {
      // semver still names the part it just read when the '.' after it is missing (cargo 1.95: "0.1" → minor)
      if (i >= v.length) return `unexpected end of input while parsing ${part} version number`;
      if (v[i] !== '.') return `unexpected character '${v[i]}' after ${part} version number, expected '.'`;
      i++;
      if (i >= v.length) return `unexpected end of input while parsing ${parts[p + 1]} version number`;
    }
  }
  if (i < v.length && v[i] !== '-' && v[i] !== '+') return `unexpected character '${v[i]}' after patch version number`;
  return null;
}

function checkPackage(ctx: Ctx, pkg: unknown, result: CargoTomlResult): void {
  if (!isTable(pkg)) {
    ctx.out.push({
      severity: 'error',
      source: 'cargo',
      message: `invalid type: ${tomlTypeName(pkg).replace(/^an? /, '')}, expected a table`,
      ...valueRange(ctx.loc, ['package']),
    });
    return;
  }
  const name = pkg.name;
  if (name === undefined) {
    ctx.out.push({ severity: 'error', source: 'cargo', message: 'missing field `package.name`', ...keyRange(ctx.loc, ['package']) });
  } else if (typeof name !== 'string') {
    ctx.out.push({
      severity: 'error',
      source: 'cargo',
      message: `invalid type: ${tomlTypeName(name).replace(/^an? /, '')}, expected a string`,
      ...valueRange(ctx.loc, ['package', 'name']),
    });
  } else {
    const bad = [...name].find((c) => !/[A-Za-z0-9_-]/.test(c));
    let problem: string | null = null;
    if (name === '') problem = 'package name cannot be empty';
    else if (bad) {
      problem = `invalid character \`${bad}\` in package name: \`${name}\`, characters must be Unicode XID characters (numbers, \`-\`, \`_\`, or most letters)`;
    } else if (/^[0-9]/.test(name)) {
      problem = `invalid character \`${name[0]}\` in package name: \`${name}\`, the name cannot start with a digit`;
    }
    if (problem) ctx.out.push({ severity: 'error', source: 'cargo', message: problem, ...valueRange(ctx.loc, ['package', 'name']) });
    else result.packageName = name;
  }
  if (pkg.version !== undefined) {
    if (typeof pkg.version === 'string') {
      const p = semverProblem(pkg.version);
      if (p) ctx.out.push({ severity: 'error', source: 'cargo', message: p, ...valueRange(ctx.loc, ['package', 'version']) });
    } else if (!isTable(pkg.version)) {
      ctx.out.push({
        severity: 'error',
        source: 'cargo',
        message: `invalid type: ${tomlTypeName(pkg.version).replace(/^an? /, '')}, expected SemVer version`,
        ...valueRange(ctx.loc, ['package', 'version']),
      });
    }
  }
  if (pkg.edition !== undefined) {
    if (typeof pkg.edition !== 'string') {
      ctx.out.push({
        severity: 'error',
        source: 'cargo',
        message: `invalid type: ${tomlTypeName(pkg.edition).replace(/^an? /, '')}, expected a string`,
        ...valueRange(ctx.loc, ['package', 'edition']),
        notes: typeof pkg.edition === 'number' ? [`Write the edition in quotes: \`edition = "${pkg.edition}"\`.`] : undefined,
      });
    } else if (!EDITIONS.includes(pkg.edition)) {
      ctx.out.push({
        severity: 'error',
        source: 'cargo',
        message: 'failed to parse the `edition` key',
        ...valueRange(ctx.loc, ['package', 'edition']),
        notes: [`supported edition values are \`2015\`, \`2018\`, \`2021\`, or \`2024\`, but \`${pkg.edition}\` is unknown`],
      });
    }
  }
  for (const k of Object.keys(pkg)) {
    if (!PACKAGE_KEYS.includes(k)) unused(ctx, ['package', k], PACKAGE_KEYS);
  }
}

function checkDependencies(ctx: Ctx, table: string, deps: unknown): void {
  if (!isTable(deps)) return;
  for (const [name, spec] of Object.entries(deps)) {
    const path = [table, name];
    let version: string | undefined;
    if (typeof spec === 'string') version = spec;
    else if (isTable(spec)) {
      for (const k of Object.keys(spec)) if (!DEPENDENCY_KEYS.includes(k)) unused(ctx, [...path, k], DEPENDENCY_KEYS);
      if (typeof spec.version === 'string') version = spec.version;
      if (spec.version === undefined && spec.path === undefined && spec.git === undefined && spec.workspace === undefined) {
        ctx.out.push({
          severity: 'warning',
          source: 'cargo',
          message:
            `dependency (${name}) specified without providing a local path, Git repository, version, ` +
            'or workspace dependency to use. This will be considered an error in future versions',
          ...keyRange(ctx.loc, path),
        });
      }
    } else {
      ctx.out.push({
        severity: 'error',
        source: 'cargo',
        message: `invalid type: ${tomlTypeName(spec).replace(/^an? /, '')}, expected a version string like "0.9.34" or a detailed dependency like { version = "0.9.34" }`,
        ...valueRange(ctx.loc, path),
      });
      continue;
    }
    if (name === 'bootloader' && table === 'dependencies' && version !== undefined) {
      const m = /^[\^=~]?\s*(\d+)(?:\.(\d+))?/.exec(version.trim());
      if (m && !(m[1] === '0' && m[2] === '9')) {
        ctx.out.push({
          severity: 'warning',
          source: 'bootlab',
          message: `bootimage only works with bootloader 0.9; this asks for ${version}`,
          ...valueRange(ctx.loc, typeof spec === 'string' ? path : [...path, 'version']),
          notes: [
            'From 0.10 on, the bootloader crate builds disk images itself and no longer fits `cargo bootimage`, ' +
              'which then fails with: Error: An error occured while trying to build the bootloader: The ' +
              '`bootloader` dependency has not the right format: No `package.metadata.bootloader.target` key ' +
              'found in Cargo.toml of bootloader. Use `bootloader = "0.9"`.',
          ],
        });
      }
    }
  }
}

function checkProfiles(ctx: Ctx, profiles: unknown): void {
  if (!isTable(profiles)) return;
  for (const [name, profile] of Object.entries(profiles)) {
    if (!isTable(profile)) continue;
    for (const [k, v] of Object.entries(profile)) {
      const path = ['profile', name, k];
      if (!PROFILE_KEYS.includes(k)) unused(ctx, path, PROFILE_KEYS);
      else if (k === 'panic' && v !== 'unwind' && v !== 'abort' && v !== 'immediate-abort') {
        ctx.out.push({
          severity: 'error',
          source: 'cargo',
          message: `\`panic\` setting of \`${String(v)}\` is not a valid setting, must be \`unwind\` or \`abort\``,
          ...valueRange(ctx.loc, path),
        });
      }
    }
  }
}

function checkTargets(ctx: Ctx, kind: string, value: unknown): void {
  const list = Array.isArray(value) ? value : [value];
  list.forEach((t, index) => {
    if (!isTable(t)) return;
    for (const k of Object.keys(t)) {
      if (!TARGET_KEYS.includes(k)) unused(ctx, Array.isArray(value) ? [kind, index, k] : [kind, k], TARGET_KEYS);
    }
  });
}

export function validateCargoToml(text: string): CargoTomlResult {
  const parsed = parseToml(text);
  if (!parsed.ok) {
    return { diagnostics: [tomlSyntaxDiagnostic(text, parsed, 'failed to parse manifest at `Cargo.toml`')] };
  }
  const ctx: Ctx = { out: [], loc: parsed.locations };
  const m = parsed.value;
  const result: CargoTomlResult = { diagnostics: ctx.out, manifest: m };

  for (const k of Object.keys(m)) {
    if (!TOP_LEVEL.includes(k)) unused(ctx, [k], TOP_LEVEL);
  }
  const pkg = m.package ?? m.project;
  if (pkg === undefined && m.workspace === undefined) {
    ctx.out.push({
      severity: 'error',
      source: 'cargo',
      message: 'manifest is missing either a `[package]` or a `[workspace]`',
      start: 0,
      end: Math.max(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')),
    });
  }
  if (pkg !== undefined) checkPackage(ctx, pkg, result);
  for (const t of ['dependencies', 'dev-dependencies', 'build-dependencies']) checkDependencies(ctx, t, m[t]);
  checkProfiles(ctx, m.profile);
  for (const kind of ['lib', 'bin', 'test', 'bench', 'example']) if (m[kind] !== undefined) checkTargets(ctx, kind, m[kind]);
  return result;
}
