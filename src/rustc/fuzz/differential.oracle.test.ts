// Differential fuzzing against the host's rustc (differential.ts): syntax-keeping mutants of the
// programs we build (those we build unmutated): tokens replaced, or lines deleted, duplicated or
// swapped. Asserted, for each kind: we accept and reject as rustc does for at least 97% of the
// mutants rustc and we both judge (a refusal of an unsupported construct is left out), and our
// first error has rustc's code and line for at least 75% of those both reject (82% on
// 2026-11-25 for token replacements). The counts are printed; WRITE_DIVERGENCES=1 writes every
// disagreement of both runs to DIVERGENCES.md for the stage owners. DIFF_RUNS sets the count
// of each run (300).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreementCounts, divergenceReport, judgeMutants, type Judged } from './differential.ts';
import { mutateLines } from './lines.ts';
import { compilingSeeds } from './seeds.ts';

const RUNS = Number(process.env.DIFF_RUNS ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'bootlab-diff-fuzz-'));
/** Both runs' mutants, for DIVERGENCES.md. */
const all: Judged[] = [];

function check(judged: Judged[]): void {
  const c = agreementCounts(judged);
  console.log(JSON.stringify(c, null, 1));
  const judgedByBoth = judged.length - c['we refuse an unsupported construct'];
  const acceptReject = c['both accept'] + c['same first error'] + c['other first error'];
  expect(acceptReject / judgedByBoth).toBeGreaterThanOrEqual(0.97);
  expect(c['same first error'] / (c['same first error'] + c['other first error'])).toBeGreaterThanOrEqual(0.75);
}

describe('mutants judged by rustc and by us', () => {
  it(`${RUNS} token-replacement mutants of programs we build: accepted and rejected as rustc does, mostly with its first error`, () => {
    const judged = judgeMutants(compilingSeeds(), RUNS, 0xd1ff, dir);
    all.push(...judged);
    check(judged);
  }, 1_800_000);

  it(`${RUNS} line mutants (deleted, duplicated, swapped) of programs we build: likewise`, () => {
    const judged = judgeMutants(compilingSeeds(), RUNS, 0x11e5, dir, mutateLines);
    all.push(...judged);
    if (process.env.WRITE_DIVERGENCES === '1') writeFileSync(new URL('./DIVERGENCES.md', import.meta.url).pathname, divergenceReport(all, `WRITE_DIVERGENCES=1 DIFF_RUNS=${RUNS} npx vitest run --config vitest.oracle.config.ts src/rustc/fuzz/differential.oracle.test.ts`));
    check(judged);
  }, 1_800_000);
});
