// Every program of testdata/ against rustc 1.95's errors recorded next to it (`*.errors`, written
// and checked by typeck.oracle.test.ts): same codes, messages and primary line:column.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { byPosition, ourErrors, showErr } from './oracle-errors.ts';

const DIR = fileURLToPath(new URL('./testdata/', import.meta.url));

describe('type checking errors as rustc records them', () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.rs')).sort()) {
    it(name, () => {
      const file = DIR + name;
      const expected = readFileSync(file.replace(/\.rs$/, '.errors'), 'utf8').split('\n').filter(Boolean);
      expect(ourErrors(file).sort(byPosition).map(showErr)).toEqual(expected);
    });
  }
});
