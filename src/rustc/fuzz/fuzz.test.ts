// Mutated programs never make the front end throw or hang: each run yields an AST and/or
// diagnostics. FUZZ_RUNS raises the count (the oracle config runs 10,000).
import { describe, expect, it } from 'vitest';
import { parseCrate, renderAllHuman, renderAllJson } from '../index.ts';
import { corpusFiles } from './corpus.ts';
import { mutate, Prng } from './mutate.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const PER_PROGRAM_MS = 500;

describe('front-end fuzzing', () => {
  it(`survives ${RUNS} mutated programs with diagnostics or an AST, each within ${PER_PROGRAM_MS} ms`, () => {
    const corpus = corpusFiles();
    const rng = new Prng(0x5eed);
    let withErrors = 0;
    let slowest = 0;
    for (let n = 0; n < RUNS; n++) {
      const base = corpus[rng.below(corpus.length)]!;
      const { source } = mutate(base.source, rng);
      const t0 = performance.now();
      let result;
      try {
        result = parseCrate(source, base.name);
        // Rendering must not throw either: the spans are valid positions.
        renderAllHuman(result.diagnostics, result.sourceMap);
        renderAllJson(result.diagnostics, result.sourceMap);
      } catch (e) {
        throw new Error(`threw on a mutation of ${base.name}: ${String(e)}\n--- source ---\n${source}`);
      }
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      expect(ms, `slow on a mutation of ${base.name}`).toBeLessThan(PER_PROGRAM_MS);
      expect(result.ast).toBeDefined();
      if (result.diagnostics.some((d) => d.message.startsWith('internal parser error'))) throw new Error(`internal error on ${base.name}:\n${source}`);
      if (result.diagnostics.length > 0) withErrors++;
    }
    // Most single-token edits break a program; if none did, the mutator is not mutating.
    expect(withErrors).toBeGreaterThan(RUNS / 3);
  }, 600_000);

  it('never throws on pathological input', () => {
    const inputs = ['(', ')', '{'.repeat(5000), '('.repeat(3000) + ')'.repeat(3000), 'fn f() { ' + '-'.repeat(5000) + '1 }', "'", '"', 'r###"', '/*/*', '\u0000\uffff\ud800', 'fn f<<<<>>>>() {}', 'a'.repeat(100000), 'fn f() { x' + '.0'.repeat(2000) + ' }', 'impl<'.repeat(500), '#!['.repeat(300), 'match x { ' + 'a => b, '.repeat(3000) + '}'];
    for (const src of inputs) {
      const r = parseCrate(src, 'p.rs');
      expect(r.ast).toBeDefined();
      expect(r.diagnostics.every((d) => !d.message.startsWith('internal parser error'))).toBe(true);
      renderAllHuman(r.diagnostics, r.sourceMap);
    }
  }, 60_000);
});
