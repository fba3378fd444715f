// Whole-compiler fuzzing: mutated programs go through every stage and must end in diagnostics
// or a compiled crate, never in an exception or an internal compiler error. Two kinds of
// mutants: token edits (a token deleted, duplicated or swapped, one to three times: FUZZ_RUNS,
// 2,000 here, 10,000 in the oracle config) and token replacements that keep the syntax valid
// and so reach the stages after the parser (FUZZ_REPLACE_RUNS, 500 here), line mutations
// (a line deleted, duplicated or swapped: FUZZ_LINE_RUNS, 300 here), token replacements also applied to
// programs we compile (the runtime suite's kernels), each mutant that still compiles built in
// release mode too (FUZZ_COMPILING_RUNS, 30 here: those programs are large). A failure prints
// each distinct bug once, with its program and stack.
import { describe, expect, it } from 'vitest';
import { compilingSeeds, fuzzSeeds } from './seeds.ts';
import { describeFailures, fuzzWholeCompiler, summarize } from './whole.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const REPLACE_RUNS = Number(process.env.FUZZ_REPLACE_RUNS ?? 500);
const COMPILING_RUNS = Number(process.env.FUZZ_COMPILING_RUNS ?? 30);
const LINE_RUNS = Number(process.env.FUZZ_LINE_RUNS ?? 300);

describe('whole-compiler fuzzing', () => {
  const seeds = fuzzSeeds();
  it(`compiles ${RUNS} programs with tokens deleted, duplicated or swapped, never throwing`, () => {
    expect(seeds.length).toBeGreaterThan(100);
    const report = fuzzWholeCompiler(seeds, RUNS, 0xf0220);
    console.log(summarize(report));
    expect(report.failures, describeFailures(report.failures)).toEqual([]);
    // Most single-token edits break a program; if none did, the mutator is not mutating.
    expect(report.rejected).toBeGreaterThan(RUNS / 3);
  }, 600_000);

  it(`compiles ${REPLACE_RUNS} programs with tokens replaced by others of their class, never throwing`, () => {
    const report = fuzzWholeCompiler(seeds, REPLACE_RUNS, 0x5e1ec7, 'replacements');
    console.log(summarize(report));
    expect(report.failures, describeFailures(report.failures)).toEqual([]);
  }, 600_000);

  it(`compiles ${LINE_RUNS} programs with lines deleted, duplicated or swapped, never throwing`, () => {
    const report = fuzzWholeCompiler(seeds, LINE_RUNS, 0x1135, 'lines');
    console.log(summarize(report));
    expect(report.failures, describeFailures(report.failures)).toEqual([]);
  }, 600_000);

  it(`compiles ${COMPILING_RUNS} mutants of programs we build, in debug and release, never throwing`, () => {
    const report = fuzzWholeCompiler(compilingSeeds(), COMPILING_RUNS, 0xc0de, 'replacements', true);
    console.log(summarize(report));
    expect(report.failures, describeFailures(report.failures)).toEqual([]);
  }, 600_000);
});
