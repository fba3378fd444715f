// Runs our whole compiler (the driver, as cargo calls it for a `bin` crate, against the sysroot's
// `core` and `compiler_builtins`, built once per process) on one program and returns what it
// reported, never throwing: an exception that escapes the driver is returned as `crash` with its
// stack, so the tests can show the program that caused it. (The driver turns an exception inside
// a stage into an `internal compiler error: STAGE: …` diagnostic itself; see isInternalError.)
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { toJson } from '../diagnostics/json.ts';
import { compileRustCrate } from '../driver/index.ts';
import { parseCrate } from '../driver/parse.ts';
import { buildSysroot } from '../driver/sysroot.ts';
import { SourceMap } from '../span/source-map.ts';
import { errorFromJson, type ReportedError } from './record.ts';

export interface Crash {
  stage: string;
  message: string;
  stack: string;
}

/** How far a program got: compiled to an object, stopped by parse errors, or by errors of a later stage. */
export type Reached = 'compiled' | 'parse errors' | 'later errors' | 'crash';

export interface CompileOutcome {
  diagnostics: Diagnostic[];
  sourceMap: SourceMap;
  crash?: Crash;
  reached: Reached;
}

function crashOf(stage: string, e: unknown): Crash {
  return { stage, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

function sysroot(release: boolean) {
  return buildSysroot({ release, memFeature: true });
}

/** rustc names a crate compiled from `dir/NAME.rs` after the file's stem. */
function crateNameOf(fileName: string): string {
  return (fileName.split('/').pop() ?? fileName).replace(/\.rs$/, '').replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * `release`: as `cargo build --release` (optimised, no overflow checks); debug by default.
 * `otherFiles`: the crate's other files by name, for its `mod x;` items.
 */
export function compileForDiagnostics(source: string, fileName: string, release = false, otherFiles: ReadonlyMap<string, string> = new Map()): CompileOutcome {
  try {
    const sys = sysroot(release);
    if (!sys.core || !sys.compilerBuiltins) {
      const first = sys.diagnostics.find((d) => d.level === 'error');
      return { diagnostics: [], sourceMap: sys.sourceMap, reached: 'crash', crash: { stage: 'sysroot', message: `core or compiler_builtins did not build: ${first?.message ?? 'no diagnostic'}`, stack: '' } };
    }
    const out = compileRustCrate({
      crateName: crateNameOf(fileName), crateType: 'bin', rootPath: fileName, files: new Map([...otherFiles, [fileName, source]]),
      edition: '2021', release, cfg: { features: [] }, externs: [sys.core, sys.compilerBuiltins], nightly: true,
    });
    const reached: Reached = out.crate ? 'compiled' : parseCrate(source, fileName).diagnostics.some((d) => d.level === 'error') ? 'parse errors' : 'later errors';
    return { diagnostics: out.diagnostics, sourceMap: out.sourceMap, reached };
  } catch (e) {
    return { diagnostics: [], sourceMap: new SourceMap(), crash: crashOf('driver', e), reached: 'crash' };
  }
}

/** Our error-level diagnostics in the form rustc's are recorded in. */
export function reportedErrors(outcome: CompileOutcome): ReportedError[] {
  return outcome.diagnostics.filter((d) => d.level === 'error').map((d) => errorFromJson(toJson(d, outcome.sourceMap)));
}

/** An internal compiler error reported as a diagnostic (a stage caught its own bug). */
export function isInternalError(d: Diagnostic): boolean {
  return /^internal (compiler|parser) error/.test(d.message);
}
