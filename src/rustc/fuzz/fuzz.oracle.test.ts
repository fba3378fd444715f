// The long fuzz run (10,000 mutated programs) lives with the oracle tests so `npm test` stays
// fast; it needs no external tool.
import { describe, expect, it } from 'vitest';
import { parseCrate } from '../index.ts';
import { corpusFiles } from './corpus.ts';
import { mutate, Prng } from './mutate.ts';

describe('front-end fuzzing, long run', () => {
  it('survives 10,000 mutated programs', () => {
    const corpus = corpusFiles();
    const rng = new Prng(0x10000);
    let slowest = 0;
    for (let n = 0; n < 10_000; n++) {
      const base = corpus[rng.below(corpus.length)]!;
      const { source } = mutate(base.source, rng);
      const t0 = performance.now();
      const r = parseCrate(source, base.name);
      slowest = Math.max(slowest, performance.now() - t0);
      expect(r.ast).toBeDefined();
      expect(r.diagnostics.some((d) => d.message.startsWith('internal parser error'))).toBe(false);
    }
    expect(slowest).toBeLessThan(1000);
  }, 600_000);
});
