// Every corpus program parses without diagnostics, and printing its tree and parsing the text
// again gives the same tree (spans aside).
import { describe, expect, it } from 'vitest';
import { stripSpans } from './ast/strip-spans.ts';
import { corpusFiles } from './fuzz/corpus.ts';
import { parseCrate } from './index.ts';
import { printCrate } from './printer/print.ts';

describe('corpus', () => {
  const files = corpusFiles();
  it('has at least 50 programs', () => expect(files.length).toBeGreaterThanOrEqual(50));
  it('compares trees by meaning: a changed operator or literal is a different tree', () => {
    const t = (src: string) => stripSpans(parseCrate(src, 't.rs').ast);
    expect(t('fn f() { a + b }')).toEqual(t('fn  f ( ) {\n a+b\n}'));
    expect(t('fn f() { a + b }')).not.toEqual(t('fn f() { a - b }'));
    expect(t('fn f() { (a + b) * c }')).not.toEqual(t('fn f() { a + b * c }'));
    expect(t('fn f() { m!(1 2) }')).not.toEqual(t('fn f() { m!(1 3) }'));
  });
  for (const { name, source } of files) {
    it(`${name}: parses cleanly and round-trips through the printer`, () => {
      const first = parseCrate(source, name);
      expect(first.diagnostics.map((d) => d.message)).toEqual([]);
      const printed = printCrate(first.ast);
      const second = parseCrate(printed, 'printed.rs');
      expect(second.diagnostics.map((d) => d.message), printed).toEqual([]);
      expect(stripSpans(second.ast)).toEqual(stripSpans(first.ast));
    });
  }
});
