// rustc's human-readable diagnostic format (`--error-format=human --color never`), byte for
// byte for the shapes Bootlab emits: header, ` --> file:line:col`, snippet, `= note:` lines,
// inline and separate suggestions, and the closing summary lines.
import type { SourceMap } from '../span/source-map.ts';
import type { Diagnostic, SpanLabel, SubDiagnostic, Suggestion } from './diagnostic.ts';
import { maxLineNumber, renderSnippet } from './snippet.ts';
import { TextBuffer } from './text-buffer.ts';

export function renderHuman(d: Diagnostic, sm: SourceMap): string {
  const { labels, separate } = applyInlineSuggestion(d, sm);
  const spanned = d.children.filter((c) => c.spans.length > 0);
  const width = String(
    Math.max(
      1,
      lineNumberOf(labels, sm),
      ...spanned.map((c) => lineNumberOf(c.spans, sm)),
      ...separate.map((s) => sm.fileAt(s.span.lo).lineCol(s.span.lo).line),
    ),
  ).length;
  const pad = ' '.repeat(width);
  const out: string[] = [];
  out.push(`${d.level}${d.code ? `[${d.code}]` : ''}: ${indentMessage(d.message, d.level.length + (d.code ? d.code.length + 2 : 0) + 2)}`);
  out.push(...snippetLines(labels, sm, width));

  if (d.children.length > 0 || separate.length > 0) out.push(`${pad} |`);
  // Children in their order, as rustc prints them: a spanned note (a lint's "the lint level is
  // defined here") may come before a `= note:` line.
  for (const c of d.children) {
    if (c.spans.length === 0) out.push(`${pad} = ${c.level}: ${indentMessage(c.message, width + 3 + c.level.length + 2)}`);
    else out.push(...renderSpannedChild(c, sm, width));
  }
  for (const s of separate) out.push(...renderSuggestion(s, sm, width));
  return out.join('\n') + '\n';
}

function lineNumberOf(labels: readonly SpanLabel[], sm: SourceMap): number {
  let max = 0;
  for (const l of labels) max = Math.max(max, maxLineNumber(sm.fileAt(l.span.lo), [l]));
  return max;
}

/** Continuation lines of a multi-line message are indented under its first line, as rustc does. */
function indentMessage(msg: string, indent: number): string {
  return msg.split('\n').join('\n' + ' '.repeat(indent));
}

function snippetLines(labels: readonly SpanLabel[], sm: SourceMap, width: number): string[] {
  if (labels.length === 0) return [];
  const primary = labels.find((l) => l.primary) ?? labels[0]!;
  const file = sm.fileAt(primary.span.lo);
  const pos = file.lineCol(primary.span.lo);
  const out = [`${' '.repeat(width)}--> ${file.name}:${pos.line}:${pos.col + 1}`];
  const buf = new TextBuffer();
  buf.puts(0, width + 1, '|');
  renderSnippet(buf, file, labels.filter((l) => sm.fileAt(l.span.lo) === file), width);
  out.push(...buf.lines());
  // Labels in other files get their own `:::` block.
  const others = new Map<string, SpanLabel[]>();
  for (const l of labels) {
    const f = sm.fileAt(l.span.lo);
    if (f === file) continue;
    if (!others.has(f.name)) others.set(f.name, []);
    others.get(f.name)!.push(l);
  }
  for (const [, ls] of others) {
    const f = sm.fileAt(ls[0]!.span.lo);
    const p = f.lineCol(ls[0]!.span.lo);
    out.push(`${' '.repeat(width)}::: ${f.name}:${p.line}:${p.col + 1}`);
    const b = new TextBuffer();
    b.puts(0, width + 1, '|');
    renderSnippet(b, f, ls, width);
    out.push(...b.lines());
  }
  return out;
}

function renderSpannedChild(c: SubDiagnostic, sm: SourceMap, width: number): string[] {
  return [`${c.level}: ${c.message}`, ...snippetLines(c.spans, sm, width)];
}

/**
 * rustc shows a lone short suggestion as a label on its span ("help: add `;` here"); anything
 * else is printed after the snippet.
 */
function applyInlineSuggestion(d: Diagnostic, sm: SourceMap): { labels: SpanLabel[]; separate: Suggestion[] } {
  const labels = d.spans.map((l) => ({ ...l }));
  const s = d.suggestions[0];
  if (
    d.suggestions.length === 1 &&
    s &&
    s.style !== 'verbose' &&
    s.message.split(/\s+/).length < 10 &&
    !s.replacement.includes('\n') &&
    labels.length > 0
  ) {
    const notice = noticeCapitalization(s, sm);
    const text = s.style === 'short' || s.replacement === '' ? `help: ${s.message}${notice}` : `help: ${s.message}${notice}: \`${s.replacement}\``;
    const same = labels.find((l) => l.span.lo === s.span.lo && l.span.hi === s.span.hi && l.label === '');
    if (same) same.label = text;
    else {
      const primary = labels.some((l) => l.primary && l.span.lo === s.span.lo && l.span.hi === s.span.hi);
      labels.push({ span: s.span, label: text, primary });
    }
    void sm;
    return { labels, separate: [] };
  }
  return { labels, separate: d.suggestions };
}

/**
 * rustc adds "(notice the capitalization)" when a suggestion differs from the code only in the
 * case of letters that look alike in both cases.
 */
function noticeCapitalization(s: Suggestion, sm: SourceMap): string {
  const found = sm.fileAt(s.span.lo).slice(s.span.lo, s.span.hi);
  const confusable = 'cfikosuvwxyz';
  const chars = [...found];
  const sugg = [...s.replacement];
  const differing = chars.map((f, i) => [f, sugg[i] ?? ''] as const).filter(([f, g]) => f !== g);
  const allConfusable = differing.every(([f, g]) => confusable.includes(f) || confusable.includes(g));
  return allConfusable && found.toLowerCase() === s.replacement.toLowerCase() && found !== s.replacement ? ' (notice the capitalization)' : '';
}

function renderSuggestion(s: Suggestion, sm: SourceMap, width: number): string[] {
  const notice = noticeCapitalization(s, sm);
  if (notice) s = { ...s, message: s.message + notice };
  if (s.alternatives?.length) {
    // One header, then each alternative's line and marks.
    const all = [s.replacement, ...s.alternatives].map((replacement) => renderSuggestion({ ...s, replacement, alternatives: [] }, sm, width));
    return [...all[0]!.slice(0, 2), ...all.flatMap((lines) => lines.slice(2))];
  }
  if (s.parts && s.parts.length > 1) {
    const multi = renderInsertions(s, sm, width);
    if (multi) return multi;
  }
  const file = sm.fileAt(s.span.lo);
  const lo = file.lineCol(s.span.lo);
  const text = file.lineText(lo.line);
  if (s.replacement.includes('\n')) return renderMultiLine(s, sm, width);
  const chars = [...text];
  const hiCol = file.lineCol(s.span.hi).col;
  const before = chars.slice(0, lo.col).join('');
  const after = chars.slice(hiCol).join('');
  const pad = ' '.repeat(width);
  const num = String(lo.line).padStart(width);
  // A replacement that keeps the original text around an addition is shown as the insertion.
  const original = file.slice(s.span.lo, s.span.hi);
  let pre = 0;
  while (pre < original.length && original[pre] === s.replacement[pre]) pre++;
  let post = 0;
  while (post < original.length - pre && post < s.replacement.length - pre && original[original.length - 1 - post] === s.replacement[s.replacement.length - 1 - post]) post++;
  if (s.span.lo !== s.span.hi && pre + post === original.length && s.replacement.length > original.length) {
    const at = s.span.lo + pre;
    return renderSuggestion({ ...s, span: { lo: at, hi: at }, replacement: s.replacement.slice(pre, s.replacement.length - post) }, sm, width);
  }
  if (s.span.lo === s.span.hi || original.trim() === '') {
    // rustc marks the inserted text without its surrounding whitespace (unless that is all of it).
    const marked = s.replacement.trim() === '' ? s.replacement : s.replacement.trim();
    const lead = s.replacement.trim() === '' ? 0 : s.replacement.length - s.replacement.trimStart().length;
    // An insertion shows the new line with `+` under what is added.
    // (Replacing only whitespace counts as an insertion: the whitespace goes.)
    return [
      `help: ${s.message}`,
      `${pad} |`,
      `${num} | ${before}${s.replacement}${after}`,
      `${pad} | ${' '.repeat([...before.replace(/\t/g, '    ')].length + lead)}${'+'.repeat(Math.max(1, [...marked].length))}`,
    ];
  }
  // A replacement is shown as a diff: the old line, then the new one.
  return [`help: ${s.message}`, `${pad} |`, `${num} - ${text}`, `${num} + ${before}${s.replacement}${after}`, `${pad} |`];
}

/** A suggestion that adds or changes lines: each resulting line marked with `~`, as rustc shows it. */
function renderMultiLine(s: Suggestion, sm: SourceMap, width: number): string[] {
  const file = sm.fileAt(s.span.lo);
  const lo = file.lineCol(s.span.lo);
  const hi = file.lineCol(s.span.hi);
  const before = [...file.lineText(lo.line)].slice(0, lo.col).join('');
  const after = [...file.lineText(hi.line)].slice(hi.col).join('');
  const lines = (before + s.replacement + after).split('\n');
  const pad = ' '.repeat(width);
  return [`help: ${s.message}`, `${pad} |`, ...lines.map((l, i) => `${String(lo.line + i).padStart(width)} ~ ${l}`), `${pad} |`];
}

/** Several insertions on one line: the new line, with `+` under each inserted piece. */
function renderInsertions(s: Suggestion, sm: SourceMap, width: number): string[] | null {
  const parts = [...s.parts!].sort((a, b) => a.span.lo - b.span.lo);
  if (parts.some((p) => p.span.lo !== p.span.hi)) return null;
  const file = sm.fileAt(parts[0]!.span.lo);
  const line = file.lineCol(parts[0]!.span.lo).line;
  if (parts.some((p) => file.lineCol(p.span.lo).line !== line)) return null;
  const text = [...file.lineText(line)];
  let shown = '';
  let marks = '';
  let col = 0;
  for (const p of parts) {
    const at = file.lineCol(p.span.lo).col;
    const chunk = text.slice(col, at).join('');
    shown += chunk;
    marks += ' '.repeat([...chunk].length);
    const trimmed = p.replacement.trim() === '' ? p.replacement : p.replacement.trim();
    const lead = p.replacement.trim() === '' ? 0 : p.replacement.length - p.replacement.trimStart().length;
    const trail = p.replacement.length - lead - trimmed.length;
    shown += p.replacement;
    marks += ' '.repeat(lead) + '+'.repeat([...trimmed].length) + ' '.repeat(trail);
    col = at;
  }
  shown += text.slice(col).join('');
  const pad = ' '.repeat(width);
  return [`help: ${s.message}`, `${pad} |`, `${String(line).padStart(width)} | ${shown}`, `${pad} | ${marks}`.replace(/\s+$/, '')];
}

/** The lines rustc prints after all diagnostics: the abort line and the `--explain` hint. */
export function renderSummary(diags: readonly Diagnostic[]): string {
  const errors = diags.filter((d) => d.level === 'error').length;
  const warnings = diags.filter((d) => d.level === 'warning').length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  let out = '';
  if (errors > 0) {
    out += `error: aborting due to ${errors === 1 ? '1 previous error' : `${errors} previous errors`}`;
    if (warnings > 0) out += `; ${plural(warnings, 'warning')} emitted`;
    out += '\n\n';
  } else if (warnings > 0) {
    out += `warning: ${plural(warnings, 'warning')} emitted\n\n`;
  }
  const codes = [...new Set(diags.filter((d) => d.level === 'error' && d.code).map((d) => d.code!))].sort();
  if (codes.length === 1) out += `For more information about this error, try \`rustc --explain ${codes[0]}\`.\n`;
  else if (codes.length > 1) {
    out += `Some errors have detailed explanations: ${codes.join(', ')}.\n`;
    out += `For more information about an error, try \`rustc --explain ${codes[0]}\`.\n`;
  }
  return out;
}

/** Everything rustc would print on stderr for these diagnostics. */
export function renderAllHuman(diags: readonly Diagnostic[], sm: SourceMap): string {
  return diags.map((d) => renderHuman(d, sm) + '\n').join('') + renderSummary(diags);
}
