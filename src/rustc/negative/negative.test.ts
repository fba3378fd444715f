// Negative programs without rustc: our compiler against rustc's records (testdata/*.expected.json,
// written by negative.oracle.test.ts with UPDATE_EXPECTED=1). Every program must be handled
// without a crash; the number that get rustc's first error code on rustc's line may only go up
// (MATCHED_AT_LEAST is raised as the compiler's stages land). WRITE_STATUS=1 rewrites STATUS.md.
import { describe, expect, it } from 'vitest';
import { compileForDiagnostics, isInternalError, reportedErrors } from './compile.ts';
import { statusTable } from './compare.ts';
import { KNOWN_DIVERGENCES } from './known-divergences.ts';
import { negativePrograms, unsupportedPrograms } from './programs.ts';
import { statusRows, summaryLine, writeRenderingDiffs, writeStatus } from './status.ts';

/** A floor, not a target: issue 6 asks for 40 (see negative.oracle.test.ts). */
const MATCHED_AT_LEAST = 225;
/**
 * Programs on which a stage fails today (an internal compiler error), for its owner; listed in
 * src/rustc/fuzz/CRASHES.md and skipped here until fixed.
 */
const KNOWN_CRASHES: Record<string, string> = {};
/** Likewise for the programs outside the subset whose first error says what is not supported. */
const REFUSED_BY_NAME_AT_LEAST = 10;

describe('negative programs against rustc\'s records', () => {
  const programs = negativePrograms();
  it('has at least 50 programs, each recorded with at least one rustc error', () => {
    expect(programs.length).toBeGreaterThanOrEqual(50);
    for (const p of programs) expect(p.expected?.errors.length ?? 0, `${p.file}: record it with UPDATE_EXPECTED=1`).toBeGreaterThan(0);
  });

  const rows = statusRows(programs);
  for (const row of rows) {
    const known = KNOWN_CRASHES[row.program];
    (known ? it.skip : it)(`${row.program}: compiles to diagnostics without crashing${known ? ` (known: ${known})` : ''}`, () => {
      expect(row.crash).toBeUndefined();
    });
  }

  it(`at least ${MATCHED_AT_LEAST} get rustc's first error code on rustc's line`, () => {
    console.log(`${summaryLine(rows)}\n${statusTable(rows)}`);
    if (process.env.WRITE_STATUS === '1') {
      const open = Object.entries(KNOWN_DIVERGENCES).map(([file, why]) => `- \`${file}\`: ${why}`);
      writeStatus(new URL('./STATUS.md', import.meta.url).pathname, rows, [`Status at ${new Date().toISOString().slice(0, 16)} UTC. Open differences, with their owners (known-divergences.ts):`, '', ...open].join('\n'));
      writeRenderingDiffs(new URL('./RENDERING.md', import.meta.url).pathname, rows);
    }
    expect(rows.filter((r) => r.verdict === 'match').length).toBeGreaterThanOrEqual(MATCHED_AT_LEAST);
  });
});

describe('programs outside the subset', () => {
  const outcomes = unsupportedPrograms().map((p) => ({ ...p, outcome: compileForDiagnostics(p.source, p.file) }));
  for (const { file, outcome } of outcomes) {
    it(`${file}: no crash`, () => {
      expect(outcome.crash).toBeUndefined();
      expect(outcome.diagnostics.filter(isInternalError)).toEqual([]);
    });
  }
  it(`at least ${REFUSED_BY_NAME_AT_LEAST} are refused first with "does not support"`, () => {
    const firsts = outcomes.map(({ file, outcome }) => `${file}: ${reportedErrors(outcome)[0]?.message ?? 'no error'}`);
    console.log(firsts.join('\n'));
    expect(firsts.filter((f) => /does not support/.test(f)).length).toBeGreaterThanOrEqual(REFUSED_BY_NAME_AT_LEAST);
  });
});
