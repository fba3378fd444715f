// Whole-compiler fuzzing: mutated programs (a token deleted, duplicated or swapped, one to three
// times) go through every stage and must end in diagnostics or a compiled crate, never in an
// exception or an internal compiler error. FUZZ_RUNS sets the count (2,000 here; the oracle
// config runs 10,000). A failure prints each distinct bug once, with its program and stack.
import { describe, expect, it } from 'vitest';
import { fuzzSeeds } from './seeds.ts';
import { describeFailures, fuzzWholeCompiler } from './whole.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

describe('whole-compiler fuzzing', () => {
  it(`compiles ${RUNS} mutated programs to diagnostics or code, never throwing`, () => {
    const seeds = fuzzSeeds();
    expect(seeds.length).toBeGreaterThan(100);
    const report = fuzzWholeCompiler(seeds, RUNS, 0xf0220);
    console.log(`${report.runs} mutants: ${report.rejected} rejected, ${report.failures.length} failures; slowest ${report.slowestMs.toFixed(1)} ms (from ${report.slowestSeed})`);
    expect(report.failures, describeFailures(report.failures)).toEqual([]);
    // Most single-token edits break a program; if none did, the mutator is not mutating.
    expect(report.rejected).toBeGreaterThan(RUNS / 3);
  }, 600_000);
});
