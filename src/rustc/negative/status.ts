// Compiles every recorded negative program with our compiler and sets our first error beside
// rustc's: the rows of the tests' table and of STATUS.md (for the owners of each stage).
import { writeFileSync } from 'node:fs';
import { renderHuman } from '../diagnostics/human.ts';
import { compileForDiagnostics, isInternalError, reportedErrors } from './compile.ts';
import { exactlyAsRustc, statusTable, verdictCounts, verdictOf, type StatusRow } from './compare.ts';
import type { NegativeProgram } from './programs.ts';

export function statusRow(p: NegativeProgram & { expected: NonNullable<NegativeProgram['expected']> }): StatusRow {
  const outcome = p.crate ? compileForDiagnostics(p.source, p.crate.root, false, p.crate.files) : compileForDiagnostics(p.source, p.file);
  const ice = outcome.diagnostics.find(isInternalError);
  const crash = outcome.crash ? `${outcome.crash.stage}: ${outcome.crash.message}` : ice ? ice.message : undefined;
  const theirs = p.expected.errors[0]!;
  const ours = reportedErrors(outcome)[0];
  const first = outcome.diagnostics.find((d) => d.level === 'error');
  // rustc's JSON `rendered` ends with the blank line that separates diagnostics.
  const oursRendered = first ? renderHuman(first, outcome.sourceMap) + '\n' : undefined;
  const theirsRendered = p.expected.firstRendered ?? undefined;
  const rendered = oursRendered !== undefined && oursRendered === theirsRendered;
  return { program: p.file, theirs, ours, verdict: verdictOf(theirs, ours, crash !== undefined), exact: exactlyAsRustc(theirs, ours), rendered, oursRendered, theirsRendered, crash };
}

export function statusRows(programs: readonly NegativeProgram[]): StatusRow[] {
  return programs.filter((p): p is Parameters<typeof statusRow>[0] => !!p.expected && p.expected.errors.length > 0).map(statusRow);
}

export function summaryLine(rows: readonly StatusRow[]): string {
  const c = verdictCounts(rows);
  return `${rows.length} programs: ${c.match} same code and line (${c.exact} also same message and column, ${c.rendered} rendered exactly as rustc), ${c['other code']} other code, ${c['other line']} other line, ${c.accepted} accepted, ${c.crash} crashed`;
}

export function writeStatus(path: string, rows: readonly StatusRow[], note: string): void {
  const text = [
    '# Negative programs: rustc\'s first error and ours',
    '',
    'Written by `WRITE_STATUS=1 npx vitest run src/rustc/negative/negative.test.ts` from the records',
    'in testdata/*.expected.json (rustc 1.95, `--error-format=json`). "match" means the same code and',
    'the same primary line (issue 6\'s acceptance); "exact" means the message and column agree too;',
    '"rendered" means our first error prints exactly as rustc\'s (snippet, labels, notes, help).',
    '',
    note,
    '',
    summaryLine(rows),
    '',
    statusTable(rows),
    '',
  ].join('\n');
  writeFileSync(path, text);
}

/** RENDERING.md: for each program whose first error matches but prints differently, both renderings. */
export function writeRenderingDiffs(path: string, rows: readonly StatusRow[]): void {
  const differing = rows.filter((r) => r.verdict === 'match' && !r.rendered);
  const text = [
    '# First errors that match rustc\'s code and line but print differently',
    '',
    'Written with STATUS.md. rustc\'s rendering (from testdata/*.expected.json), then ours. rustc\'s',
    'notes that point into its own core (`/rustc/<commit>/library/…`) cannot match ours.',
    '',
    ...differing.flatMap((r) => [`## ${r.program}`, '', 'rustc:', '', '```', (r.theirsRendered ?? '').trimEnd(), '```', '', 'ours:', '', '```', (r.oursRendered ?? '').trimEnd(), '```', '']),
  ].join('\n');
  writeFileSync(path, text);
}
