// Checks `.cargo/config.toml` for the keys the post uses, as cargo reads them:
// `[unstable] build-std`, `build-std-features`, `json-target-spec`; `[build] target`;
// `[target.'cfg(…)'] runner`. Types are checked with cargo's config wording
// (`expected a list, but found a string for \`unstable.build-std\` in …`), unknown keys in
// tables cargo deserializes get `unused config key` warnings, `cfg(…)` keys are parsed like
// cargo-platform does, and a `.json` target must exist in the project.
import { closest, type Diagnostic } from './diagnostic.ts';
import { isTable, keyRange, parseToml, tomlSyntaxDiagnostic, tomlTypeName, valueRange, type TomlTable } from './toml.ts';
import type { TomlLocations, TomlPath } from './tomlLocate.ts';

export const CONFIG_PATH = '.cargo/config.toml';

const TOP_LEVEL = [
  'alias', 'build', 'cargo-new', 'credential-alias', 'doc', 'env', 'future-incompat-report', 'cache',
  'gc', 'http', 'install', 'net', 'patch', 'profile', 'registries', 'registry', 'resolver', 'source',
  'target', 'term', 'unstable', 'host', 'paths', 'include',
];

const BUILD_KEYS = [
  'jobs', 'rustc', 'rustc-wrapper', 'rustc-workspace-wrapper', 'rustdoc', 'target', 'target-dir',
  'build-dir', 'rustflags', 'rustdocflags', 'incremental', 'dep-info-basedir', 'pipelining', 'sbom',
  'warnings',
];

const UNSTABLE_KEYS = [
  'build-std', 'build-std-features', 'json-target-spec', 'unstable-options', 'advanced-env',
  'any-build-script-metadata', 'asymmetric-token', 'avoid-dev-deps', 'binary-dep-depinfo', 'bindeps',
  'build-analysis', 'build-dir-new-layout', 'cargo-lints', 'checksum-freshness', 'codegen-backend',
  'config-include', 'direct-minimal-versions', 'doctest-xcompile', 'dual-proc-macros',
  'feature-unification', 'fix-edition', 'gc', 'git', 'gitoxide', 'host-config', 'minimal-versions',
  'msrv-policy', 'mtime-on-use', 'next-lockfile-bump', 'no-embed-metadata', 'no-index-update',
  'package-workspace', 'panic-abort-tests', 'panic-immediate-abort', 'profile-hint-mostly-unused',
  'profile-rustflags', 'public-dependency', 'publish-timeout', 'root-dir', 'rustc-unicode',
  'rustdoc-depinfo', 'rustdoc-map', 'rustdoc-scrape-examples', 'sbom', 'script', 'section-timings',
  'separate-nightlies', 'skip-rustdoc-fingerprint', 'target-applies-to-host', 'trim-paths', 'warnings',
];

const STD_CRATES = ['core', 'std', 'alloc', 'proc_macro', 'compiler_builtins', 'panic_abort', 'panic_unwind', 'test', 'sysroot'];

const TARGET_TABLE_KEYS = ['runner', 'linker', 'rustflags', 'rustdocflags'];

export interface CargoConfigOptions {
  /** does a project file exist? (for `build.target = "x.json"`) */
  fileExists?: (path: string) => boolean;
  /** the toolchain channel from `rust-toolchain`, when known */
  channel?: string;
  /** `os` of the target specification, when it loaded */
  targetOs?: string;
  /** where the file is, as cargo names it in messages */
  displayPath?: string;
}

export interface CargoConfigResult {
  diagnostics: Diagnostic[];
  config?: TomlTable;
  /** `build.target` when it is a single string */
  buildTarget?: string;
}

interface Ctx {
  out: Diagnostic[];
  loc: TomlLocations;
  where: string;
}

function unusedKey(ctx: Ctx, path: TomlPath, known: readonly string[]): void {
  const near = closest(String(path[path.length - 1]), known);
  ctx.out.push({
    severity: 'warning',
    source: 'cargo',
    message: `unused config key \`${path.join('.')}\` in \`${ctx.where}\``,
    ...keyRange(ctx.loc, path),
    notes: near ? [`Did you mean \`${near}\`?`] : undefined,
  });
}

/** cargo's name for a TOML value's type in config errors (`ConfigValue::desc`). */
function cargoDesc(v: unknown): string {
  return tomlTypeName(v).replace(/^an? /, '');
}

/**
 * A value of the wrong type, worded as cargo words it. Lists and tables go through
 * `GlobalContext::expected` (`invalid configuration for key …` then `expected a list, but found a
 * string for … in …`, cargo's own grammar included); strings and booleans through
 * `ConfigError::expected` (`error in …: \`key\` expected true/false, but found a string`).
 */
function wrongType(ctx: Ctx, path: TomlPath, expected: 'a list' | 'a table' | 'a string or array of strings' | 'a string' | 'true/false', value: unknown): void {
  const key = path.join('.');
  const message =
    expected === 'a string' || expected === 'true/false'
      ? `error in ${ctx.where}: \`${key}\` expected ${expected}, but found a ${cargoDesc(value)}`
      : `invalid configuration for key \`${key}\`\nexpected ${expected}, but found a ${cargoDesc(value)} for \`${key}\` in ${ctx.where}`;
  ctx.out.push({ severity: 'error', source: 'cargo', message, ...valueRange(ctx.loc, path) });
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

// ---- cfg expressions, as cargo-platform parses `cfg(...)` table keys ----

export type CfgExpr =
  | { kind: 'name'; name: string }
  | { kind: 'kv'; name: string; value: string }
  | { kind: 'all' | 'any'; list: CfgExpr[] }
  | { kind: 'not'; expr: CfgExpr };

type CfgToken = { kind: '(' | ')' | ',' | '=' | 'ident' | 'string'; text: string };

/** How cargo-platform names a token in its messages. */
function classify(t: CfgToken): string {
  return t.kind === 'ident' ? 'an identifier' : t.kind === 'string' ? 'a string' : `\`${t.kind}\``;
}

function lexCfg(s: string): CfgToken[] {
  const out: CfgToken[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')' || c === ',' || c === '=') {
      out.push({ kind: c, text: c });
      i++;
    } else if (c === '"') {
      const close = s.indexOf('"', i + 1);
      if (close < 0) throw new CfgError('unterminated string in cfg');
      out.push({ kind: 'string', text: s.slice(i + 1, close) });
      i = close + 1;
    } else if (/[\p{L}_]/u.test(c)) {
      const m = /^[\p{L}\p{N}_]+/u.exec(s.slice(i))!;
      out.push({ kind: 'ident', text: m[0] });
      i += m[0].length;
    } else {
      throw new CfgError(`unexpected character \`${c}\` in cfg, expected parens, a comma, an identifier, or a string`);
    }
  }
  return out;
}

/**
 * Parses a `[target.'cfg(…)']` key the way cargo-platform does, with its messages
 * (`expected a string, found an identifier`, `expected \`)\`, but cfg expression ended`…).
 * `reason` is the part after `failed to parse \`…\` as a cfg expression: `; `inner` is what
 * cargo quotes there (the text inside `cfg(…)`).
 */
export function parseCfg(text: string): { ok: true; expr: CfgExpr } | { ok: false; inner: string; reason: string } {
  const t = text.trim();
  const closed = t.startsWith('cfg(') && t.endsWith(')');
  const inner = closed ? t.slice(4, -1) : t.replace(/^cfg\(/, '');
  let pos = 0;
  let tokens: CfgToken[] = [];
  const fail = (reason: string): never => {
    throw new CfgError(reason);
  };
  const next = (expected: string): CfgToken => tokens[pos++] ?? fail(`expected ${expected}, but cfg expression ended`);
  const expect = (kind: CfgToken['kind'], expected: string) => {
    const tok = next(expected);
    if (tok.kind !== kind) fail(`expected ${expected}, found ${classify(tok)}`);
    return tok;
  };
  const expr = (): CfgExpr => {
    const tok = next('identifier');
    if (tok.kind !== 'ident') fail(`expected identifier, found ${classify(tok)}`);
    const name = tok.text;
    const after = tokens[pos];
    if (after?.kind === '(' && (name === 'all' || name === 'any' || name === 'not')) {
      pos++;
      const list: CfgExpr[] = [];
      while (tokens[pos]?.kind !== ')') {
        if (pos >= tokens.length) fail('expected `)`, but cfg expression ended');
        list.push(expr());
        const sep = tokens[pos];
        if (sep?.kind === ',') pos++;
        else if (sep && sep.kind !== ')') fail(`expected \`)\`, found ${classify(sep)}`);
      }
      pos++;
      if (name === 'not') {
        if (list.length !== 1) fail('expected exactly one cfg expression in `not(…)`');
        return { kind: 'not', expr: list[0]! };
      }
      return { kind: name, list };
    }
    if (after?.kind === '=') {
      pos++;
      const value = expect('string', 'a string');
      return { kind: 'kv', name, value: value.text };
    }
    return { kind: 'name', name };
  };
  try {
    tokens = lexCfg(inner);
    if (!closed) fail('expected `)`, but cfg expression ended');
    const e = expr();
    if (pos < tokens.length) {
      // cargo quotes the rest of the source text after the expression
      fail(`unexpected content \`${restAfter(inner, pos, tokens)}\` found after cfg expression`);
    }
    return { ok: true, expr: e };
  } catch (err) {
    if (err instanceof CfgError) return { ok: false, inner, reason: err.message };
    throw err;
  }
}

/** The source text from the `pos`-th token on (tokens carry no offsets; re-lex to find it). */
function restAfter(src: string, pos: number, tokens: CfgToken[]): string {
  let i = 0;
  for (let k = 0; k < pos; k++) {
    const tok = tokens[k]!;
    while (/\s/.test(src[i] ?? '')) i++;
    i += tok.kind === 'string' ? tok.text.length + 2 : tok.text.length;
  }
  return src.slice(i).trim();
}

class CfgError extends Error {}

/** Evaluates a cfg against a few target facts (unknown names are false, as for rustc). */
export function evalCfg(e: CfgExpr, facts: Record<string, string | undefined>): boolean {
  switch (e.kind) {
    case 'name':
      return facts[e.name] !== undefined && facts[e.name] !== '';
    case 'kv':
      return facts[e.name] === e.value;
    case 'all':
      return e.list.every((x) => evalCfg(x, facts));
    case 'any':
      return e.list.some((x) => evalCfg(x, facts));
    case 'not':
      return !evalCfg(e.expr, facts);
  }
}

// ---- the file ----

export function validateCargoConfig(text: string, options: CargoConfigOptions = {}): CargoConfigResult {
  const where = options.displayPath ?? CONFIG_PATH;
  const parsed = parseToml(text);
  if (!parsed.ok) {
    return {
      diagnostics: [
        tomlSyntaxDiagnostic(text, parsed, `could not load Cargo configuration: could not parse TOML configuration in \`${where}\``),
      ],
    };
  }
  const ctx: Ctx = { out: [], loc: parsed.locations, where };
  const cfg = parsed.value;
  const result: CargoConfigResult = { diagnostics: ctx.out, config: cfg };

  for (const k of Object.keys(cfg)) {
    if (TOP_LEVEL.includes(k)) continue;
    const near = closest(k, TOP_LEVEL);
    ctx.out.push({
      severity: 'warning',
      source: 'bootlab',
      message: `cargo does not know a \`${k}\` table here and silently ignores it`,
      ...keyRange(ctx.loc, [k]),
      notes: near ? [`Did you mean \`[${near}]\`?`] : undefined,
    });
  }

  const unstable = cfg.unstable;
  const unstableTable = isTable(unstable) ? unstable : undefined;
  if (unstable !== undefined && !unstableTable) wrongType(ctx, ['unstable'], 'a table', unstable);
  if (unstableTable) {
    if (options.channel && options.channel !== 'nightly' && !options.channel.startsWith('nightly-')) {
      ctx.out.push({
        severity: 'warning',
        source: 'bootlab',
        message: `cargo on the \`${options.channel}\` channel silently ignores the \`[unstable]\` table`,
        ...keyRange(ctx.loc, ['unstable']),
        notes: ['`build-std` needs a nightly toolchain: put `nightly` in the `rust-toolchain` file.'],
      });
    }
    for (const [k, v] of Object.entries(unstableTable)) {
      const path = ['unstable', k];
      if (!UNSTABLE_KEYS.includes(k)) {
        // cargo reads `[unstable]` into a struct and warns about fields it does not have
        unusedKey(ctx, path, UNSTABLE_KEYS);
        continue;
      }
      if (k === 'build-std') {
        if (!isStringList(v)) {
          wrongType(ctx, path, 'a list', v);
          continue;
        }
        for (const crate of v) {
          if (!STD_CRATES.includes(crate)) {
            const near = closest(crate, STD_CRATES);
            ctx.out.push({
              severity: 'error',
              source: 'cargo',
              message: `package ID specification \`${crate}\` did not match any packages`,
              ...valueRange(ctx.loc, path),
              notes: [
                `\`build-std\` names crates of the standard library: ${STD_CRATES.map((c) => `\`${c}\``).join(', ')}.` +
                  (near ? ` Did you mean \`${near}\`?` : ''),
              ],
            });
          }
        }
      } else if (k === 'build-std-features') {
        if (!isStringList(v)) wrongType(ctx, path, 'a list', v);
      } else if (k === 'json-target-spec' || k === 'unstable-options') {
        if (typeof v !== 'boolean') wrongType(ctx, path, 'true/false', v);
      }
    }
    const features = unstableTable['build-std-features'];
    if (isStringList(features) && features.length > 0 && unstableTable['build-std'] === undefined) {
      ctx.out.push({
        severity: 'warning',
        source: 'bootlab',
        message: '`build-std-features` does nothing without `build-std`',
        ...keyRange(ctx.loc, ['unstable', 'build-std-features']),
      });
    }
  }

  const build = cfg.build;
  if (build !== undefined && !isTable(build)) wrongType(ctx, ['build'], 'a table', build);
  if (isTable(build)) {
    for (const [k, v] of Object.entries(build)) {
      const path = ['build', k];
      if (!BUILD_KEYS.includes(k)) {
        unusedKey(ctx, path, BUILD_KEYS);
        continue;
      }
      if (k === 'target') {
        if (typeof v !== 'string' && !isStringList(v)) {
          wrongType(ctx, path, 'a string or array of strings', v);
          continue;
        }
        const targets = typeof v === 'string' ? [v] : v;
        if (typeof v === 'string') result.buildTarget = v;
        for (const t of targets) {
          if (!t.endsWith('.json')) continue;
          // cargo resolves a .json target relative to the folder that holds `.cargo/`
          if (options.fileExists && !options.fileExists(t)) {
            ctx.out.push({
              severity: 'error',
              source: 'rustc',
              message: `error loading target specification: could not find specification for target "${t}"`,
              ...valueRange(ctx.loc, path),
              notes: ['help: run `rustc --print target-list` for a list of built-in targets', `There is no file \`${t}\` in the project.`],
            });
          }
          if (unstableTable?.['json-target-spec'] !== true) {
            ctx.out.push({
              severity: 'error',
              source: 'cargo',
              message: '`.json` target specs require -Zjson-target-spec',
              ...valueRange(ctx.loc, path),
              notes: [
                'Since early 2026 nightly cargo wants this opt-in for custom targets: add ' +
                  '`json-target-spec = true` to the `[unstable]` table.',
              ],
            });
          }
        }
      } else if (['rustflags', 'rustdocflags'].includes(k) && typeof v !== 'string' && !isStringList(v)) {
        wrongType(ctx, path, 'a string or array of strings', v);
      } else if (['rustc', 'rustdoc', 'target-dir', 'build-dir', 'rustc-wrapper', 'rustc-workspace-wrapper', 'dep-info-basedir'].includes(k) && typeof v !== 'string') {
        wrongType(ctx, path, 'a string', v);
      }
    }
  }

  const target = cfg.target;
  if (isTable(target)) {
    for (const [key, table] of Object.entries(target)) {
      const path = ['target', key];
      if (key.startsWith('cfg(')) {
        const parsedCfg = parseCfg(key);
        if (!parsedCfg.ok) {
          ctx.out.push({
            severity: 'error',
            source: 'cargo',
            message: `failed to parse \`${parsedCfg.inner}\` as a cfg expression: ${parsedCfg.reason}`,
            ...keyRange(ctx.loc, path),
          });
        } else if (options.targetOs !== undefined) {
          const facts = { target_os: options.targetOs, target_arch: 'x86_64', target_pointer_width: '64' };
          if (!evalCfg(parsedCfg.expr, facts) && isTable(table) && table.runner !== undefined) {
            ctx.out.push({
              severity: 'warning',
              source: 'bootlab',
              message: `this table does not apply to the target (its \`os\` is "${options.targetOs}"), so \`cargo run\` will not use this runner`,
              ...keyRange(ctx.loc, path),
            });
          }
        }
        if (isTable(table)) {
          for (const k of Object.keys(table)) {
            if (TARGET_TABLE_KEYS.includes(k)) continue;
            const near = closest(k, TARGET_TABLE_KEYS);
            ctx.out.push({
              severity: 'warning',
              source: 'cargo',
              message: `unused key \`${k}\` in [target] config table \`${key}\``,
              ...keyRange(ctx.loc, [...path, k]),
              notes: near ? [`Did you mean \`${near}\`?`] : undefined,
            });
          }
        }
      }
      if (!isTable(table)) continue;
      const runner = table.runner;
      if (runner !== undefined) {
        if (typeof runner !== 'string' && !isStringList(runner)) wrongType(ctx, [...path, 'runner'], 'a string or array of strings', runner);
        else if ((typeof runner === 'string' ? runner.trim() : runner.join('')) === '') {
          ctx.out.push({ severity: 'warning', source: 'bootlab', message: 'the runner is empty: `cargo run` will have nothing to start', ...valueRange(ctx.loc, [...path, 'runner']) });
        }
      }
    }
  } else if (target !== undefined) wrongType(ctx, ['target'], 'a table', target);

  return result;
}
