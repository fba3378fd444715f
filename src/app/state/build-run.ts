// Build and Run: the toolbar buttons and Ctrl/⌘+Enter type `cargo build` / `cargo run` into the
// terminal's shell, exactly as the learner could (the prompt and the line echoed, the same
// output, a history entry). What appears is what the tools really said; nothing is printed here.
// The compiler's diagnostics reach the editor as rustc's JSON (cargo's diagnostics feed).
import { offsetAt, type Diagnostic } from '../../toolchain/config/diagnostic.ts';
import { setToolDiagnostics, vfs } from './project.ts';
import { runCommand } from './shell.ts';
import { useApp } from './store.ts';
import { findingsIn } from './tool-output.ts';
import { markersFromJson } from './compiler-markers.ts';
import { onCompilerDiagnostics, type CompilerReport } from '../../toolchain/cargo/diagnosticsFeed.ts';

/** Lines run from the page (not typed), for the line editor's ↑ history; the terminal view listens. */
type Listener = (line: string) => void;
const listeners = new Set<Listener>();

export function onPageCommand(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function runFromPage(line: string): Promise<number> {
  for (const l of listeners) l(line);
  const before = useApp.getState().terminalTotal;
  const reports: CompilerReport[] = [];
  const stop = onCompilerDiagnostics((r) => void reports.push(r));
  let status: number;
  try {
    status = await runCommand(line);
  } finally {
    stop();
  }
  const { terminal, terminalTotal } = useApp.getState();
  const printed = terminal.slice(-Math.min(terminal.length, terminalTotal - before)).map((l) => l.text);
  if (reports.length) setToolDiagnostics(markersFromJson(reports.flatMap((r) => r.diagnostics), (p) => (vfs.isFile(p) ? vfs.readText(p) : undefined)));
  else showFindings(printed);
  return status;
}

/**
 * When no crate was compiled (cargo stopped before rustc, or printed a config error in a file),
 * the located messages it printed go to the Problems panel and the editor's markers.
 */
function showFindings(printed: readonly string[]): void {
  const byPath: Record<string, Diagnostic[]> = {};
  for (const f of findingsIn(printed)) {
    if (!vfs.isFile(f.path)) continue;
    const start = offsetAt(vfs.readText(f.path), f.line, f.column);
    (byPath[f.path] ??= []).push({ severity: f.severity, message: f.message, start, end: start, source: 'rustc' });
  }
  setToolDiagnostics(byPath);
}

export function build(): Promise<number> {
  return runFromPage('cargo build');
}

export function run(): Promise<number> {
  return runFromPage('cargo run');
}
