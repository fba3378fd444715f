// The long whole-compiler fuzz runs (10,000 token-edit mutants, 2,000 token replacements, 2,000
// line mutants and 500 replacements in programs we build, compiled in debug and release; or
// FUZZ_RUNS / FUZZ_REPLACE_RUNS / FUZZ_LINE_RUNS / FUZZ_COMPILING_RUNS), kept with the oracle tests so `npm test` stays fast; they need
// no external tool.
import { describe, expect, it } from 'vitest';
import { compilingSeeds, fuzzSeeds } from './seeds.ts';
import { describeFailures, fuzzWholeCompiler, summarize } from './whole.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const REPLACE_RUNS = Number(process.env.FUZZ_REPLACE_RUNS ?? 2000);
const COMPILING_RUNS = Number(process.env.FUZZ_COMPILING_RUNS ?? 500);
const LINE_RUNS = Number(process.env.FUZZ_LINE_RUNS ?? 2000);

describe('whole-compiler fuzzing, long run', () => {
  it(`compiles ${RUNS} programs with tokens deleted, duplicated or swapped, never throwing`, () => {
    const report = fuzzWholeCompiler(fuzzSeeds(), RUNS, 0x10f022);
    console.log(summarize(report));
    expect(report.failures, describeFailures(report.failures)).toEqual([]);
  }, 1_800_000);

  it(`compiles ${REPLACE_RUNS} programs with tokens replaced by others of their class, never throwing`, () => {
    const report = fuzzWholeCompiler(fuzzSeeds(), REPLACE_RUNS, 0x7e91ace, 'replacements');
    console.log(summarize(report));
    expect(report.failures, describeFailures(report.failures)).toEqual([]);
  }, 1_800_000);

  it(`compiles ${LINE_RUNS} programs with lines deleted, duplicated or swapped, never throwing`, () => {
    const report = fuzzWholeCompiler(fuzzSeeds(), LINE_RUNS, 0x11e55, 'lines');
    console.log(summarize(report));
    expect(report.failures, describeFailures(report.failures)).toEqual([]);
  }, 1_800_000);

  it(`compiles ${COMPILING_RUNS} mutants of programs we build, in debug and release, never throwing`, () => {
    const report = fuzzWholeCompiler(compilingSeeds(), COMPILING_RUNS, 0xc0de2, 'replacements', true);
    console.log(summarize(report));
    expect(report.failures, describeFailures(report.failures)).toEqual([]);
  }, 1_800_000);
});
