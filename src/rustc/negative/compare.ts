// Verdicts on our first error against rustc's, and the table the tests print and STATUS.md holds.
import type { ReportedError } from './record.ts';

/**
 * - `match`: same code and same primary line, in the same file (issue 6's acceptance);
 * - `other code` / `other line`: we reject the program, but not as rustc does;
 * - `accepted`: we report no error at all; `crash`: a stage threw or reported an internal error.
 */
export type Verdict = 'match' | 'other code' | 'other line' | 'accepted' | 'crash';

export function verdictOf(theirs: ReportedError, ours: ReportedError | undefined, crashed: boolean): Verdict {
  if (crashed) return 'crash';
  if (!ours) return 'accepted';
  if (ours.code !== theirs.code) return 'other code';
  if (ours.line !== theirs.line || ours.file !== theirs.file) return 'other line';
  return 'match';
}

/** The stricter comparison: the message text and the column as well. */
export function exactlyAsRustc(theirs: ReportedError, ours: ReportedError | undefined): boolean {
  return !!ours && ours.code === theirs.code && ours.file === theirs.file && ours.line === theirs.line && ours.column === theirs.column && ours.message === theirs.message;
}

export interface StatusRow {
  program: string;
  theirs: ReportedError;
  ours: ReportedError | undefined;
  verdict: Verdict;
  exact: boolean;
  /** Our first error's human rendering is rustc's, byte for byte (snippet, labels, notes, help). */
  rendered: boolean;
  /** Our first error's rendering, and rustc's (for RENDERING.md). */
  oursRendered?: string;
  theirsRendered?: string;
  /** The crash's stage and message, when there was one. */
  crash?: string;
}

/** `CODE @ line:col`, with the file in front when it is not the program's own (a crate of several files). */
const where = (e: ReportedError, program: string) => `${e.code ?? '—'} @ ${e.file && e.file !== program ? `${e.file}:` : ''}${e.line ?? '—'}:${e.column ?? '—'}`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A Markdown table: program, rustc's first error, ours, verdict, whether message and column agree too, whether the rendering does. */
export function statusTable(rows: readonly StatusRow[]): string {
  const lines = ['| program | rustc | ours | verdict | exact | rendered |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const ours = r.crash ? `crash: ${r.crash}` : r.ours ? `${where(r.ours, r.program)} ${r.ours.message}` : 'no error';
    lines.push(`| ${r.program} | ${cell(`${where(r.theirs, r.program)} ${r.theirs.message}`)} | ${cell(ours)} | ${r.verdict} | ${r.exact ? 'yes' : 'no'} | ${r.rendered ? 'yes' : 'no'} |`);
  }
  return lines.join('\n');
}

export function verdictCounts(rows: readonly StatusRow[]): Record<Verdict | 'exact' | 'rendered', number> {
  const counts: Record<Verdict | 'exact' | 'rendered', number> = { match: 0, 'other code': 0, 'other line': 0, accepted: 0, crash: 0, exact: 0, rendered: 0 };
  for (const r of rows) {
    counts[r.verdict]++;
    if (r.exact) counts.exact++;
    if (r.rendered) counts.rendered++;
  }
  return counts;
}
