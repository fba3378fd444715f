// Build and Run: the toolbar buttons and Ctrl/⌘+Enter type `cargo build` / `cargo run` into the
// terminal's shell, exactly as the learner could (the prompt and the line echoed, the same
// output, a history entry). What appears is what the tools really said; nothing is printed here.
import { offsetAt, type Diagnostic } from '../../toolchain/config/diagnostic.ts';
import { setToolDiagnostics, vfs } from './project.ts';
import { runCommand } from './shell.ts';
import { useApp } from './store.ts';
import { findingsIn } from './tool-output.ts';

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
  const status = await runCommand(line);
  const { terminal, terminalTotal } = useApp.getState();
  const printed = terminal.slice(-Math.min(terminal.length, terminalTotal - before)).map((l) => l.text);
  showFindings(printed);
  return status;
}

/** The compiler's located messages go to the Problems panel and the editor's markers. */
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
