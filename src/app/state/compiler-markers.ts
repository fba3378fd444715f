// rustc's JSON diagnostics (what cargo publishes after compiling the learner's crate) as the
// editor's diagnostics: each goes to the file of its primary span, from its start to its end,
// with its code after the message (as rustc's own IDE integrations show it) and its `note:` /
// `help:` children as notes.
import type { JsonDiagnostic } from '../../rustc/diagnostics/json.ts';
import { offsetAt, type Diagnostic, type Severity } from '../../toolchain/config/diagnostic.ts';

const SEVERITY: Record<string, Severity | undefined> = { error: 'error', 'error: internal compiler error': 'error', warning: 'warning', note: 'info', help: 'info' };

/** project path of a file as rustc names it (`src/main.rs`, `./src/main.rs`, `/src/main.rs`) */
const projectPath = (name: string) => name.replace(/^\.?\//, '');

export function markersFromJson(diagnostics: readonly JsonDiagnostic[], readText: (path: string) => string | undefined): Record<string, Diagnostic[]> {
  const byPath: Record<string, Diagnostic[]> = {};
  for (const d of diagnostics) {
    const severity = SEVERITY[d.level];
    const span = d.spans.find((s) => s.is_primary) ?? d.spans[0];
    if (!severity || !span) continue; // a diagnostic about the crate, not a place (the terminal shows it)
    const path = projectPath(span.file_name);
    const text = readText(path);
    if (text === undefined) continue;
    const start = offsetAt(text, span.line_start, span.column_start);
    const end = offsetAt(text, span.line_end, span.column_end);
    const notes = d.children.map((c) => `${c.level}: ${c.message}`);
    (byPath[path] ??= []).push({
      severity,
      message: d.code ? `${d.message} [${d.code.code}]` : d.message,
      start,
      end: Math.max(start, end),
      source: 'rustc',
      ...(notes.length ? { notes } : {}),
    });
  }
  return byPath;
}
