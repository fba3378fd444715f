// Draws the source snippet of a diagnostic — line numbers, the gutter, code, underlines and
// labels — the way rustc's human emitter lays them out (rustc_errors::emitter, rendered without
// colour). Single-line labels are stacked with rustc's placement rules; multi-line spans get a
// margin bar, `/` or `_…^` at their start and `|_…^` at their end.
import type { SourceFile } from '../span/source-file.ts';
import type { SpanLabel } from './diagnostic.ts';
import { displayLine } from './display-width.ts';
import { TextBuffer } from './text-buffer.ts';

/** An annotation as placed on one line, in display columns. */
interface LineAnnotation {
  start: number;
  end: number;
  label: string;
  primary: boolean;
  kind: 'single' | 'mlStart' | 'mlEnd';
  depth: number;
}

interface Multiline {
  startLine: number;
  endLine: number;
  startCol: number;
  endCol: number;
  label: string;
  primary: boolean;
  depth: number;
  /** Start preceded only by whitespace: drawn as `/` on the code row. */
  slashStart: boolean;
  startRow: number;
  endRow: number;
}

export interface SnippetLayout {
  lineNumberWidth: number;
}

/** Lines a set of labels will show, so the caller can size the gutter for all snippets at once. */
export function maxLineNumber(file: SourceFile, labels: readonly SpanLabel[]): number {
  let max = 0;
  for (const l of labels) {
    // rustc sizes the gutter as if a position after a file's final newline were on the next line
    // (while it prints it on the last line).
    const atEofAfterNewline = l.span.hi === file.end && file.text.endsWith('\n');
    max = Math.max(max, file.lineCol(l.span.hi).line + (atEofAfterNewline ? 1 : 0), file.lineCol(l.span.lo).line);
  }
  return max;
}

export function renderSnippet(buf: TextBuffer, file: SourceFile, labels: readonly SpanLabel[], width: number): void {
  const perLine = new Map<number, LineAnnotation[]>();
  const multilines: Multiline[] = [];
  const shownLines = new Set<number>();
  const add = (line: number, a: LineAnnotation) => {
    if (!perLine.has(line)) perLine.set(line, []);
    perLine.get(line)!.push(a);
    shownLines.add(line);
  };

  for (const l of labels) {
    const lo = file.lineCol(l.span.lo);
    const hi = file.lineCol(l.span.hi);
    if (lo.line === hi.line) {
      const text = file.lineText(lo.line);
      const d = displayLine(text);
      const lineLen = [...text].length;
      let startChar = lo.col;
      if (l.span.lo === l.span.hi && startChar > lineLen) startChar = lineLen;
      const start = d.colOf(startChar);
      let end = d.colOf(Math.min(Math.max(hi.col, startChar), lineLen));
      if (end <= start) end = start + 1;
      add(lo.line, { start, end, label: l.label, primary: l.primary, kind: 'single', depth: 0 });
    } else {
      const startText = file.lineText(lo.line);
      const sd = displayLine(startText);
      const ed = displayLine(file.lineText(hi.line));
      multilines.push({
        startLine: lo.line,
        endLine: hi.line,
        startCol: sd.colOf(lo.col),
        endCol: Math.max(1, ed.colOf(hi.col)),
        label: l.label,
        primary: l.primary,
        depth: 0,
        slashStart: [...startText].slice(0, lo.col).join('').trim() === '',
        startRow: -1,
        endRow: -1,
      });
    }
  }

  // Depths: outer spans get the smaller depth, as rustc assigns them.
  multilines.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  for (let i = 0; i < multilines.length; i++) {
    const m = multilines[i]!;
    const used = new Set(multilines.slice(0, i).filter((o) => o.startLine <= m.endLine && m.startLine <= o.endLine).map((o) => o.depth));
    let depth = 1;
    while (used.has(depth)) depth++;
    m.depth = depth;
  }
  const maxDepth = multilines.reduce((d, m) => Math.max(d, m.depth), 0);
  for (const m of multilines) {
    if (!m.slashStart) add(m.startLine, { start: m.startCol, end: m.startCol + 1, label: '', primary: m.primary, kind: 'mlStart', depth: m.depth });
    else shownLines.add(m.startLine);
    add(m.endLine, { start: m.endCol - 1, end: m.endCol, label: m.label, primary: m.primary, kind: 'mlEnd', depth: m.depth });
    const middle = Math.min(m.startLine + 4, m.endLine);
    for (let line = m.startLine + 1; line < middle; line++) shownLines.add(line);
    if (middle < m.endLine - 1) shownLines.add(m.endLine - 1);
  }

  const widthOffset = width + 3;
  const codeOffset = maxDepth === 0 ? widthOffset : widthOffset + maxDepth + 1;
  const lines = [...shownLines].sort((a, b) => a - b);
  let prev = -1;
  for (const line of lines) {
    if (prev !== -1 && line - prev > 2) {
      buf.puts(buf.addRow(), 0, '...');
    } else if (prev !== -1 && line - prev === 2) {
      drawCodeRow(buf, file, prev + 1, width, codeOffset);
    }
    const row = drawCodeRow(buf, file, line, width, codeOffset);
    for (const m of multilines) {
      if (m.slashStart && m.startLine === line) {
        buf.putc(row, widthOffset + m.depth - 1, '/');
        m.startRow = row;
      }
    }
    const anns = perLine.get(line) ?? [];
    if (anns.length > 0) {
      const rows = drawAnnotations(buf, row, anns, width, widthOffset, codeOffset);
      for (const a of anns) {
        const m = multilines.find((x) => x.depth === a.depth && ((a.kind === 'mlStart' && x.startLine === line) || (a.kind === 'mlEnd' && x.endLine === line)));
        if (!m) continue;
        if (a.kind === 'mlStart') m.startRow = rows.get(a)!;
        else m.endRow = rows.get(a)!;
      }
    }
    prev = line;
  }
  for (const m of multilines) {
    for (let r = m.startRow + 1; r <= m.endRow; r++) buf.putc(r, widthOffset + m.depth - 1, '|');
  }
}

function drawCodeRow(buf: TextBuffer, file: SourceFile, line: number, width: number, codeOffset: number): number {
  const row = buf.addRow();
  buf.puts(row, 0, String(line).padStart(width));
  buf.putc(row, width + 1, '|');
  buf.puts(row, codeOffset, displayLine(file.lineText(line)).shown);
  return row;
}

function overlaps(a: LineAnnotation, b: LineAnnotation, padding: number): boolean {
  return (a.start >= b.start && a.start < b.end + padding) || (b.start >= a.start && b.start < a.end + padding);
}

const hasLabel = (a: LineAnnotation) => a.label !== '';
const takesSpace = (a: LineAnnotation) => a.kind !== 'single';

/**
 * rustc's placement of the labels of one line: the rightmost label sits beside its underline;
 * labels that would collide move to rows below, hanging from `|` bars. Returns the row of each
 * multi-line annotation's horizontal stroke.
 */
function drawAnnotations(buf: TextBuffer, codeRow: number, annotations: LineAnnotation[], width: number, widthOffset: number, codeOffset: number): Map<LineAnnotation, number> {
  const anns = [...annotations].sort((a, b) => b.start - a.start);
  const positions: Array<[number, LineAnnotation]> = [];
  let lineLen = 0;
  let p = 0;
  for (let i = 0; i < anns.length; i++) {
    const a = anns[i]!;
    for (let j = i + 1; j < anns.length; j++) {
      const next = anns[j]!;
      if (overlaps(next, a, 0) && hasLabel(a) && p === 0) {
        if (next.start === a.start && next.end === a.end && !hasLabel(next)) continue;
        p++;
        break;
      }
    }
    positions.push([p, a]);
    for (let j = i + 1; j < anns.length; j++) {
      const next = anns[j]!;
      const l = hasLabel(next) ? next.label.length + 2 : 0;
      if (
        (overlaps(next, a, l) && hasLabel(a) && hasLabel(next)) ||
        (takesSpace(a) && hasLabel(next)) ||
        (hasLabel(a) && takesSpace(next)) ||
        (takesSpace(a) && takesSpace(next)) ||
        (overlaps(next, a, l) && next.end <= a.end && hasLabel(next) && p === 0)
      ) {
        p++;
        break;
      }
    }
    lineLen = Math.max(lineLen, p);
  }
  if (lineLen !== 0) lineLen++;
  for (let r = 0; r <= lineLen; r++) buf.putc(codeRow + r + 1, width + 1, '|');

  const strokeRows = new Map<LineAnnotation, number>();
  // Horizontal strokes of multi-line starts and ends.
  for (const [pos, a] of positions) {
    if (a.kind === 'single') continue;
    const row = codeRow + pos + 1;
    for (let c = widthOffset + a.depth; c < codeOffset + a.start; c++) buf.putc(row, c, '_');
    strokeRows.set(a, row);
  }
  // Bars from the underline down to labels placed lower.
  for (const [pos, a] of positions) {
    const q = pos + 1;
    if (q > 1 && (hasLabel(a) || takesSpace(a))) {
      for (let r = codeRow + 1; r <= codeRow + q; r++) buf.putc(r, codeOffset + a.start, '|');
    }
  }
  for (const [pos, a] of positions) {
    if (!hasLabel(a)) continue;
    const [row, col] = pos === 0 ? [codeRow + 1, a.end + 1] : [codeRow + pos + 2, a.start];
    buf.puts(row, codeOffset + col, a.label);
  }
  // Underlines, biggest first so smaller spans stay visible; primary over secondary.
  const byLength = [...positions].sort((x, y) => y[1].end - y[1].start - (x[1].end - x[1].start) || Number(x[1].primary) - Number(y[1].primary));
  for (const [, a] of byLength) {
    const ch = a.primary ? '^' : '-';
    for (let c = a.start; c < a.end; c++) buf.putc(codeRow + 1, codeOffset + c, ch);
  }
  return strokeRows;
}
