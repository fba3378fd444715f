// The long whole-compiler fuzz run (10,000 mutants, or FUZZ_RUNS), kept with the oracle tests so
// `npm test` stays fast; it needs no external tool.
import { describe, expect, it } from 'vitest';
import { fuzzSeeds } from './seeds.ts';
import { describeFailures, fuzzWholeCompiler } from './whole.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

describe('whole-compiler fuzzing, long run', () => {
  it(`compiles ${RUNS} mutated programs to diagnostics or code, never throwing`, () => {
    const report = fuzzWholeCompiler(fuzzSeeds(), RUNS, 0x10f022);
    console.log(`${report.runs} mutants: ${report.rejected} rejected, ${report.failures.length} failures; slowest ${report.slowestMs.toFixed(1)} ms (from ${report.slowestSeed})`);
    expect(report.failures, describeFailures(report.failures)).toEqual([]);
  }, 1_800_000);
});
