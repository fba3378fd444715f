import { describe, expect, it } from 'vitest';
import { exactlyAsRustc, statusTable, verdictCounts, verdictOf, type StatusRow } from './compare.ts';
import type { ReportedError } from './record.ts';

const theirs: ReportedError = { code: 'E0308', message: 'mismatched types', file: 'a.rs', line: 17, column: 37 };

describe('verdicts', () => {
  it('match needs the same code and line, whatever the column and message', () => {
    expect(verdictOf(theirs, { ...theirs, column: 5, message: 'other words' }, false)).toBe('match');
    expect(verdictOf(theirs, { ...theirs, code: 'E0277' }, false)).toBe('other code');
    expect(verdictOf(theirs, { ...theirs, line: 16 }, false)).toBe('other line');
    expect(verdictOf(theirs, { ...theirs, file: 'vga_buffer.rs' }, false)).toBe('other line');
    expect(verdictOf(theirs, undefined, false)).toBe('accepted');
    expect(verdictOf(theirs, theirs, true)).toBe('crash');
  });

  it('exact needs the message and column too', () => {
    expect(exactlyAsRustc(theirs, { ...theirs })).toBe(true);
    expect(exactlyAsRustc(theirs, { ...theirs, column: 36 })).toBe(false);
    expect(exactlyAsRustc(theirs, { ...theirs, message: 'mismatched type' })).toBe(false);
    expect(exactlyAsRustc(theirs, undefined)).toBe(false);
  });

  it('tables and counts rows, escaping pipes in messages', () => {
    const rows: StatusRow[] = [
      { program: 'a.rs', theirs, ours: theirs, verdict: 'match', exact: true, rendered: true },
      { program: 'b.rs', theirs: { code: null, message: 'a | b', file: null, line: null, column: null }, ours: undefined, verdict: 'accepted', exact: false, rendered: false },
      { program: 'c', theirs: { ...theirs, file: 'vga_buffer.rs' }, ours: undefined, verdict: 'accepted', exact: false, rendered: false },
    ];
    const table = statusTable(rows).split('\n');
    expect(table[2]).toBe('| a.rs | E0308 @ 17:37 mismatched types | E0308 @ 17:37 mismatched types | match | yes | yes |');
    expect(table[3]).toBe('| b.rs | — @ —:— a \\| b | no error | accepted | no | no |');
    expect(table[4]).toBe('| c | E0308 @ vga_buffer.rs:17:37 mismatched types | no error | accepted | no | no |');
    expect(verdictCounts(rows)).toMatchObject({ match: 1, accepted: 2, exact: 1, rendered: 1, crash: 0 });
  });
});
