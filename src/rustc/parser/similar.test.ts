import { describe, expect, it } from 'vitest';
import { editDistance, findSimilarKeyword, usedKeywords } from './similar.ts';

describe('misspelled keywords', () => {
  it('measures restricted Damerau-Levenshtein distance within a limit', () => {
    expect(editDistance('lett', 'let', 1)).toBe(1);
    expect(editDistance('whlie', 'while', 1)).toBe(1); // a transposition
    expect(editDistance('stuct', 'struct', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 2)).toBeNull();
  });

  it("picks rustc's candidate: case first, then the first closest keyword", () => {
    const kws = usedKeywords('2021');
    expect(findSimilarKeyword('Struct', kws)).toEqual({ keyword: 'struct', wrongCase: true });
    expect(findSimilarKeyword('a', kws)).toEqual({ keyword: 'as', wrongCase: false });
    expect(findSimilarKeyword('left', kws)).toEqual({ keyword: 'let', wrongCase: false });
    expect(findSimilarKeyword('fro', kws)).toEqual({ keyword: 'for', wrongCase: false });
    expect(findSimilarKeyword('qqq', kws)).toBeNull();
    expect(usedKeywords('2015')).not.toContain('async');
  });
});
