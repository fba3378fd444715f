// rustc's `--error-format=json` shape: one JSON object per diagnostic, with byte offsets,
// 1-based lines and char columns, the highlighted source text and the human rendering.
import type { SourceMap } from '../span/source-map.ts';
import type { Diagnostic, SpanLabel, Suggestion } from './diagnostic.ts';
import { renderHuman } from './human.ts';

export interface JsonSpan {
  file_name: string;
  byte_start: number;
  byte_end: number;
  line_start: number;
  line_end: number;
  column_start: number;
  column_end: number;
  is_primary: boolean;
  text: Array<{ text: string; highlight_start: number; highlight_end: number }>;
  label: string | null;
  suggested_replacement: string | null;
  suggestion_applicability: string | null;
  expansion: null;
}

export interface JsonDiagnostic {
  $message_type: 'diagnostic';
  message: string;
  code: { code: string; explanation: string | null } | null;
  level: string;
  spans: JsonSpan[];
  children: JsonDiagnostic[];
  rendered: string | null;
}

function jsonSpan(l: SpanLabel, sm: SourceMap, sugg?: Suggestion): JsonSpan {
  const file = sm.fileAt(l.span.lo);
  const lo = file.lineCol(l.span.lo);
  const hi = file.lineCol(l.span.hi);
  const text = [];
  // rustc's first file starts at position 0, so an empty span there is its DUMMY_SP, for which it
  // gives no source lines.
  const dummy = l.span.lo === 0 && l.span.hi === 0;
  for (let line = lo.line; line <= hi.line && !dummy; line++) {
    const t = file.lineText(line);
    const n = [...t].length;
    text.push({ text: t, highlight_start: line === lo.line ? lo.col + 1 : 1, highlight_end: line === hi.line ? hi.col + 1 : n + 1 });
  }
  return {
    file_name: file.name,
    byte_start: file.byteOffset(l.span.lo),
    byte_end: file.byteOffset(l.span.hi),
    line_start: lo.line,
    line_end: hi.line,
    column_start: lo.col + 1,
    column_end: hi.col + 1,
    is_primary: l.primary,
    text,
    label: l.label === '' ? null : l.label,
    suggested_replacement: sugg ? sugg.replacement : null,
    suggestion_applicability: sugg ? sugg.applicability : null,
    expansion: null,
  };
}

export function toJson(d: Diagnostic, sm: SourceMap): JsonDiagnostic {
  const children: JsonDiagnostic[] = d.children.map((c) => ({
    $message_type: 'diagnostic',
    message: c.message,
    code: null,
    level: c.level,
    spans: c.spans.map((s) => jsonSpan(s, sm)),
    children: [],
    rendered: null,
  }));
  for (const s of d.suggestions) {
    const parts = s.parts ?? [s.replacement, ...(s.alternatives ?? [])].map((replacement) => ({ span: s.span, replacement }));
    children.push({
      $message_type: 'diagnostic',
      message: s.message,
      code: null,
      level: 'help',
      spans: parts.map((part) => jsonSpan({ span: part.span, label: '', primary: true }, sm, { ...s, replacement: part.replacement })),
      children: [],
      rendered: null,
    });
  }
  return {
    $message_type: 'diagnostic',
    message: d.message,
    code: d.code ? { code: d.code, explanation: null } : d.lint ? { code: d.lint, explanation: null } : null,
    level: d.level,
    spans: d.spans.map((s) => jsonSpan(s, sm)),
    children,
    // rustc's rendering of one diagnostic ends with the blank line that separates diagnostics.
    rendered: renderHuman(d, sm) + '\n',
  };
}

/** One JSON object per line, as rustc writes them to stderr. */
export function renderAllJson(diags: readonly Diagnostic[], sm: SourceMap): string {
  return diags.map((d) => JSON.stringify(toJson(d, sm)) + '\n').join('');
}
