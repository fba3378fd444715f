// The human renderer against layouts rustc 1.95 printed for the same spans (taken from runs of
// the real compiler; the rustc oracle test checks the same end to end).
import { describe, expect, it } from 'vitest';
import { SourceMap } from '../span/source-map.ts';
import { error, warning } from './diagnostic.ts';
import { renderAllHuman, renderHuman, renderSummary } from './human.ts';
import { toJson } from './json.ts';

function at(src: string, needle: string, len = needle.length, from = 0) {
  const lo = src.indexOf(needle, from);
  if (lo < 0) throw new Error(`no ${needle}`);
  return { lo, hi: lo + len };
}

describe('human diagnostics', () => {
  it('stacks two labels on one line as rustc does', () => {
    const sm = new SourceMap();
    const src = 'fn f() {\n    let x = (1, 2];\n}\n';
    sm.addFile('c.rs', src);
    const d = error('mismatched closing delimiter: `]`').primary(at(src, '(1', 1), 'unclosed delimiter').primary(at(src, ']'), 'mismatched closing delimiter').build();
    expect(renderHuman(d, sm)).toBe(
      [
        'error: mismatched closing delimiter: `]`',
        ' --> c.rs:2:13',
        '  |',
        '2 |     let x = (1, 2];',
        '  |             ^    ^ mismatched closing delimiter',
        '  |             |',
        '  |             unclosed delimiter',
        '',
      ].join('\n'),
    );
  });

  it('draws a multi-line span with `_…^` and `|__^`', () => {
    const sm = new SourceMap();
    const src = 'fn f() {\n    let s = "abc;\n}\n';
    sm.addFile('b.rs', src);
    const d = error('unterminated double quote string', 'E0765').primary({ lo: src.indexOf('"'), hi: src.length }).build();
    expect(renderAllHuman([d], sm)).toBe(
      [
        'error[E0765]: unterminated double quote string',
        ' --> b.rs:2:13',
        '  |',
        '2 |       let s = "abc;',
        '  |  _____________^',
        '3 | | }',
        '  | |__^',
        '',
        'error: aborting due to 1 previous error',
        '',
        'For more information about this error, try `rustc --explain E0765`.',
        '',
      ].join('\n'),
    );
  });

  it('starts a multi-line span at the line start with `/`', () => {
    const sm = new SourceMap();
    const src = '/* unterminated\nfn f() {}\n';
    sm.addFile('e.rs', src);
    const d = error('unterminated block comment', 'E0758').primary({ lo: 0, hi: src.length }).build();
    expect(renderHuman(d, sm)).toBe(['error[E0758]: unterminated block comment', ' --> e.rs:1:1', '  |', '1 | / /* unterminated', '2 | | fn f() {}', '  | |__________^', ''].join('\n'));
  });

  it('turns a short suggestion into a label and labels a token on the next line', () => {
    const sm = new SourceMap();
    const src = 'fn main() {\n    let x = 5\n    let y = 6;\n}\n';
    sm.addFile('a.rs', src);
    const p = src.indexOf('5') + 1;
    const d = error('expected `;`, found keyword `let`')
      .primary({ lo: p, hi: p })
      .secondary(at(src, 'let y', 3), 'unexpected token')
      .suggest({ lo: p, hi: p }, 'add `;` here', ';', 'short')
      .build();
    expect(renderHuman(d, sm)).toBe(
      ['error: expected `;`, found keyword `let`', ' --> a.rs:2:14', '  |', '2 |     let x = 5', '  |              ^ help: add `;` here', '3 |     let y = 6;', '  |     --- unexpected token', ''].join('\n'),
    );
  });

  it('prints notes and help lines after a gutter line, and widens the gutter for two-digit lines', () => {
    const sm = new SourceMap();
    const src = '\n'.repeat(9) + 'let _j = "\\u12";\n';
    sm.addFile('x.rs', src);
    const lo = src.indexOf('\\u');
    const d = error('incorrect unicode escape sequence').primary({ lo, hi: lo + 3 }).suggest({ lo, hi: lo + 4 }, 'format of unicode escape sequences uses braces', '\\u{12}', 'verbose').build();
    expect(renderHuman(d, sm)).toBe(
      [
        'error: incorrect unicode escape sequence',
        '  --> x.rs:10:11',
        '   |',
        '10 | let _j = "\\u12";',
        '   |           ^^^',
        '   |',
        'help: format of unicode escape sequences uses braces',
        '   |',
        '10 - let _j = "\\u12";',
        '10 + let _j = "\\u{12}";',
        '   |',
        '',
      ].join('\n'),
    );
  });

  it('counts errors and warnings in the summary as rustc does', () => {
    const e = error('x', 'E0425').build();
    const e2 = error('y', 'E0308').build();
    const w = warning('unused').build();
    expect(renderSummary([e, w, w])).toBe('error: aborting due to 1 previous error; 2 warnings emitted\n\nFor more information about this error, try `rustc --explain E0425`.\n');
    expect(renderSummary([e, e2])).toBe(
      'error: aborting due to 2 previous errors\n\nSome errors have detailed explanations: E0308, E0425.\nFor more information about an error, try `rustc --explain E0308`.\n',
    );
    expect(renderSummary([w])).toBe('warning: 1 warning emitted\n\n');
  });

  it('gives JSON spans with byte offsets, 1-based lines and char columns', () => {
    const sm = new SourceMap();
    const src = 'fn f() {\n    let é = x;\n}\n';
    sm.addFile('src/main.rs', src);
    const d = error('cannot find value `x` in this scope', 'E0425').primary(at(src, 'x;', 1), 'not found in this scope').build();
    const j = toJson(d, sm);
    expect(j.code).toEqual({ code: 'E0425', explanation: null });
    expect(j.level).toBe('error');
    const s = j.spans[0]!;
    expect([s.line_start, s.column_start, s.line_end, s.column_end]).toEqual([2, 13, 2, 14]);
    // é is two bytes in UTF-8: the byte offset is one more than the UTF-16 index.
    expect(s.byte_start).toBe(src.indexOf('x;') + 1);
    expect(s.label).toBe('not found in this scope');
    expect(j.rendered).toContain(' --> src/main.rs:2:13');
  });
});
