// Our diagnostics for each program in testdata/ against rustc 1.95's, recorded beside it in
// NAME.expected.json (by record-expected.mjs; passes.oracle.test.ts checks the records are
// current). Compared: level, code or lint, message and primary line:col of every diagnostic.
// KNOWN_DIFFERENCES lists programs we do not match yet, each with why; every other program
// must match exactly, and a listed program that starts matching fails the test until it is
// taken off the list.
import { describe, expect, it } from 'vitest';
import { comparable, compileProgram, expectedOf, KNOWN_DIFFERENCES, programs } from './testing.ts';


describe('checkCrate against rustc 1.95 (recorded)', () => {
  const all = programs();
  it('has at least 40 programs', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
  });
  for (const p of all) {
    it(p.name, () => {
      const ours = compileProgram(p);
      expect(ours.findings.filter((f) => f.message.startsWith('internal compiler error'))).toEqual([]);
      const expected = comparable(expectedOf(p));
      const got = comparable(ours.findings);
      if (KNOWN_DIFFERENCES[p.name]) expect(got, `${p.name} now matches rustc: take it off KNOWN_DIFFERENCES`).not.toEqual(expected);
      else expect(got).toEqual(expected);
    });
  }
});
