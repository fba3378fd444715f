// Runs our compiler on one program and returns what it reported, never throwing: an exception
// that escapes a stage is caught here and returned as `crash` (with the stage and the stack), so
// the tests can show the program that caused it. The stages run are those the compiler has
// today (see README.md); the learner's crate is compiled as rustc compiles a `bin`.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { toJson } from '../diagnostics/json.ts';
import { parseCrate } from '../index.ts';
import { SourceMap } from '../span/source-map.ts';
import { errorFromJson, type ReportedError } from './record.ts';

export interface Crash {
  stage: string;
  message: string;
  stack: string;
}

export interface CompileOutcome {
  diagnostics: Diagnostic[];
  sourceMap: SourceMap;
  crash?: Crash;
  /** The last stage that ran (the compiler stops after the first stage with errors, as rustc does). */
  reached: string;
}

function crashOf(stage: string, e: unknown): Crash {
  return { stage, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

export function compileForDiagnostics(source: string, fileName: string): CompileOutcome {
  const sourceMap = new SourceMap();
  try {
    const parsed = parseCrate(source, fileName, { sourceMap });
    return { diagnostics: parsed.diagnostics, sourceMap, reached: 'parse' };
  } catch (e) {
    return { diagnostics: [], sourceMap, crash: crashOf('parse', e), reached: 'parse' };
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
