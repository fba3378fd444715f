// The one door from cargo to the compiler: `compileCrate(request)` runs src/rustc's driver over a
// crate and returns its diagnostics (rendered as rustc prints them, and in rustc's JSON shape for
// the editor's markers) and, when compilation got through code generation, the compiled crate.
// `compileSysroot` builds our own `core` and `compiler_builtins` (what build-std compiles).
// Nothing here makes up a success: an object exists only when the driver produced one.
import { parseCrate, renderHuman, SourceMap, toJson, type Diagnostic } from '../../rustc/index.ts';
import { error as rustcError } from '../../rustc/diagnostics/diagnostic.ts';
import type { JsonDiagnostic } from '../../rustc/diagnostics/json.ts';
import type { Crate } from '../../rustc/ast/ast.ts';
import { compileRustCrate, type CompiledCrate } from '../../rustc/driver/index.ts';
import { buildSysroot } from '../../rustc/driver/sysroot.ts';

export type { CompiledCrate };

export interface CompileRequest {
  crateName: string;
  crateType: 'bin' | 'lib';
  /** project path of the crate root, as rustc names it in messages (`src/main.rs`) */
  rootPath: string;
  /** the crate root's text */
  source: string;
  /** other files the crate may load as out-of-line modules (project path → text) */
  files?: ReadonlyMap<string, string>;
  edition: '2015' | '2018' | '2021' | '2024';
  /** target name as rustc prints it (`x86_64-blog_os`) */
  target: string;
  release: boolean;
  /** Does the sysroot (or build-std) give this target a `core`? False: a custom target without build-std. */
  coreAvailable: boolean;
  nightly: boolean;
  /**
   * The target's real sysroot has `std` (the host's). Bootlab's has `core` only, so a crate that
   * needs `std` there gets an error saying so, not rustc's E0463 (which would be untrue).
   */
  sysrootHasStd?: boolean;
  /** crates compiled before this one (`core`) that its paths may name */
  externs?: CompiledCrate[];
  /** `--cfg feature="…"` */
  features?: string[];
}

export interface CompileResult {
  /** what rustc prints for the crate, without the `aborting due to` line (cargo drops it) */
  rendered: string;
  errors: number;
  warnings: number;
  /** the same diagnostics in rustc's `--error-format=json` shape (the editor's markers) */
  json: JsonDiagnostic[];
  /** the compiled crate, when compilation got through code generation */
  crate?: CompiledCrate;
  /** the ELF relocatable object (crate.object) */
  object?: Uint8Array;
}

function explainLines(diags: readonly Diagnostic[]): string {
  const codes = [...new Set(diags.filter((d) => d.level === 'error' && d.code).map((d) => d.code!))].sort();
  if (codes.length === 1) return `For more information about this error, try \`rustc --explain ${codes[0]}\`.\n`;
  if (codes.length > 1) return `Some errors have detailed explanations: ${codes.join(', ')}.\nFor more information about an error, try \`rustc --explain ${codes[0]}\`.\n`;
  return '';
}

/** rustc's report of a set of diagnostics (an internal error in rendering one still reports it). */
export function renderDiagnostics(diags: readonly Diagnostic[], sm: SourceMap): CompileResult {
  const body = diags
    .map((d) => {
      try {
        return renderHuman(d, sm) + '\n';
      } catch {
        return `${d.level}${d.code ? `[${d.code}]` : ''}: ${d.message}\n\n`;
      }
    })
    .join('');
  const json: JsonDiagnostic[] = [];
  for (const d of diags) {
    try {
      json.push(toJson(d, sm));
    } catch {
      // a span outside the source map has no place in the editor; the terminal still shows it
    }
  }
  return {
    rendered: body + explainLines(diags),
    errors: diags.filter((d) => d.level === 'error').length,
    warnings: diags.filter((d) => d.level === 'warning').length,
    json,
  };
}

function hasCrateAttr(crate: Crate, name: string): boolean {
  return crate.attrs.some((a) => a.inner && a.path.segments.length === 1 && a.path.segments[0]!.ident.name === name);
}

/**
 * Crate loading when the target has no `core` (E0463). Which crates the sysroot holds is the
 * toolchain's business, so the toolchain says it: rustc stops at this first error (one E0463, as
 * the host's rustc 1.95 prints it and as learners' logs from 2018 to 2025 show).
 */
function missingCore(crate: Crate, req: CompileRequest): Diagnostic[] {
  const std = hasCrateAttr(crate, 'no_std') ? 'core' : 'std';
  const b = rustcError(`can't find crate for \`${std}\``, 'E0463')
    .note(`the \`${req.target}\` target may not be installed`)
    .help(`consider downloading the target with \`rustup target add ${req.target}\``);
  if (req.nightly) b.help('consider building the standard library from source with `cargo build -Zbuild-std`');
  return [b.build()];
}

function internalError(e: unknown): Diagnostic {
  return rustcError(`internal compiler error: ${e instanceof Error ? e.message : String(e)}`).build();
}

/**
 * On a target whose real sysroot has `std` (the host's): a syntax error, or a crate that needs
 * `std`, which Bootlab does not have, stops here; undefined when the crate may go on.
 */
export function hostStdCheck(req: CompileRequest): CompileResult | undefined {
  if (!req.sysrootHasStd) return undefined;
  const sm = new SourceMap();
  const parsed = parseCrate(req.source, req.rootPath, { edition: req.edition, sourceMap: sm });
  if (parsed.diagnostics.some((d) => d.level === 'error')) return renderDiagnostics(parsed.diagnostics, sm);
  if (hasCrateAttr(parsed.ast, 'no_std')) return undefined;
  const noStd = rustcError(
    `Bootlab has no \`std\`: for the host target it compiles \`#![no_std]\` crates only (the post's kernel is one, built for its own target)`,
  ).build();
  return renderDiagnostics([...parsed.diagnostics, noStd], sm);
}

export function compileCrate(req: CompileRequest): CompileResult {
  if (!req.coreAvailable) {
    // syntax errors come before crate loading
    const sm = new SourceMap();
    const parsed = parseCrate(req.source, req.rootPath, { edition: req.edition, sourceMap: sm });
    if (parsed.diagnostics.some((d) => d.level === 'error')) return renderDiagnostics(parsed.diagnostics, sm);
    return renderDiagnostics([...parsed.diagnostics, ...missingCore(parsed.ast, req)], sm);
  }
  const noStd = hostStdCheck(req);
  if (noStd) return noStd;
  const files = new Map(req.files ?? []);
  files.set(req.rootPath, req.source);
  let out: ReturnType<typeof compileRustCrate>;
  try {
    out = compileRustCrate({
      crateName: req.crateName,
      crateType: req.crateType,
      rootPath: req.rootPath,
      files,
      edition: req.edition,
      release: req.release,
      cfg: { features: req.features ?? [] },
      externs: req.externs ?? [],
      nightly: req.nightly,
      targetTriple: req.target,
    });
  } catch (e) {
    // the driver promises not to throw; if it does, that is our bug, reported as rustc reports its own
    return renderDiagnostics([internalError(e)], new SourceMap());
  }
  const result = renderDiagnostics(out.diagnostics, out.sourceMap);
  if (result.errors > 0 || !out.crate) {
    if (result.errors === 0) {
      // no object and no error: say so rather than pretend the build went through
      const stop = renderDiagnostics([rustcError(`internal compiler error: the compiler produced no object for \`${req.crateName}\` and reported no error`).build()], out.sourceMap);
      return { ...stop, rendered: result.rendered + stop.rendered, warnings: result.warnings, json: [...result.json, ...stop.json] };
    }
    return result;
  }
  return { ...result, crate: out.crate, object: out.crate.object };
}

export interface SysrootResult {
  core?: CompiledCrate;
  compilerBuiltins?: CompiledCrate;
  /** what rustc printed for `core` and for `compiler_builtins` */
  coreReport: CompileResult;
  builtinsReport: CompileResult;
}

/**
 * Our `core` and `compiler_builtins` (build-std), with `compiler_builtins`' `mem` feature when
 * `compiler-builtins-mem` is asked for, their files shown under the toolchain's rust-src
 * (`<sysroot>/lib/rustlib/src/rust/library/core/src/lib.rs`). The driver caches them by source
 * hash and options.
 */
export function compileSysroot(opts: { release: boolean; memFeature: boolean; rustSrc?: string }): SysrootResult {
  let out: ReturnType<typeof buildSysroot>;
  try {
    out = buildSysroot(opts);
  } catch (e) {
    const r = renderDiagnostics([internalError(e)], new SourceMap());
    return { coreReport: r, builtinsReport: renderDiagnostics([], new SourceMap()) };
  }
  const sm = out.sourceMap;
  // which crate a diagnostic belongs to: its primary span's file, under library/<crate>/
  const inBuiltins = (d: Diagnostic) => {
    const lo = d.spans[0]?.span.lo;
    if (lo === undefined) return false;
    try {
      return sm.fileAt(lo).name.includes('/library/compiler_builtins/');
    } catch {
      return false;
    }
  };
  const coreReport = renderDiagnostics(out.diagnostics.filter((d) => !inBuiltins(d)), sm);
  const builtinsReport = renderDiagnostics(out.diagnostics.filter(inBuiltins), sm);
  const coreOk = coreReport.errors === 0 && out.core !== undefined;
  const builtinsOk = coreOk && builtinsReport.errors === 0 && out.compilerBuiltins !== undefined;
  return { core: coreOk ? out.core : undefined, compilerBuiltins: builtinsOk ? out.compilerBuiltins : undefined, coreReport, builtinsReport };
}
