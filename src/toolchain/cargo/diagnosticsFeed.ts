// rustc's diagnostics for the editor: each time cargo (or `rustc FILE`) compiles a crate of the
// learner's, its diagnostics go to the listeners in rustc's `--error-format=json` shape — what
// an IDE gets from `cargo build --message-format=json`. The page turns them into Monaco markers.
import type { JsonDiagnostic } from '../../rustc/diagnostics/json.ts';

export interface CompilerReport {
  /** the crate compiled */
  crate: string;
  /** every diagnostic rustc gave for it (an empty list: a clean compile) */
  diagnostics: JsonDiagnostic[];
}

type Listener = (report: CompilerReport) => void;
const listeners = new Set<Listener>();

export function onCompilerDiagnostics(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publishCompilerDiagnostics(report: CompilerReport): void {
  for (const l of listeners) l(report);
}
