// Damaged objects: truncated files and random byte changes in a real rustc object must give a
// linker error or a linked file, never an exception out of the linker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkFiles } from './link.ts';

const objects = join(import.meta.dirname, 'testdata', 'objects');
const original = new Uint8Array(readFileSync(join(objects, 'post-main-O3.o')));
const personality = new Uint8Array(readFileSync(join(objects, 'personality-O0.o')));

function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x;
  };
}

describe('damaged objects', () => {
  it('truncated at any of 200 points: an error, no exception', () => {
    const next = lcg(7);
    for (let k = 0; k < 200; k++) {
      const cut = next() % original.length;
      const result = linkFiles([{ name: 'cut.o', bytes: original.slice(0, cut) }], { gcSections: true });
      expect(result.ok).toBe(false);
      expect(result.stderr).toMatch(/^rust-lld: error: /);
    }
  });
  it('with random bytes changed (2000 variants): a result either way, no exception', () => {
    const next = lcg(99);
    let errors = 0;
    for (let k = 0; k < 2000; k++) {
      const bytes = original.slice();
      const changes = 1 + (next() % 8);
      for (let c = 0; c < changes; c++) bytes[next() % bytes.length] = next() & 0xff;
      const result = linkFiles([{ name: 'bad.o', bytes }, { name: 'p.o', bytes: personality }], { gcSections: (k & 1) === 0 });
      if (!result.ok) {
        errors++;
        expect(result.stderr).toMatch(/rust-lld: error: /);
      }
    }
    expect(errors).toBeGreaterThan(0);
  });
});
