import { describe, it, expect } from 'vitest';
import { tokenize, parseNumber, unescapeBackquoted, LexError } from './lexer.ts';

const bytes = (s: string) => Array.from(new TextEncoder().encode(s));

describe('parseNumber', () => {
  it('reads every NASM radix notation', () => {
    const cases: [string, bigint][] = [
      ['0x1f', 31n], ['1fh', 31n], ['$1f', 31n], ['0h1f', 31n], ['1fx', 31n],
      ['0b101', 5n], ['101b', 5n], ['0y11', 3n], ['11y', 3n],
      ['0q17', 15n], ['17q', 15n], ['17o', 15n], ['0o17', 15n],
      ['0d99', 99n], ['99d', 99n], ['0t99', 99n], ['42', 42n],
      ['1_000', 1000n], ['0xdead_beef', 0xdeadbeefn],
    ];
    for (const [text, v] of cases) expect(parseNumber(text), text).toBe(v);
  });

  it('lets a suffix radix beat a smaller prefix radix (0bh is hex)', () => {
    expect(parseNumber('0bh')).toBe(11n);
    expect(parseNumber('0x1b')).toBe(0x1bn);
  });

  it('rejects digits outside the radix', () => {
    expect(parseNumber('0b102')).toBeUndefined();
    expect(parseNumber('19q')).toBeUndefined();
  });

  it('reads a bare radix suffix after 0 as zero, as NASM does (0x is 0)', () => {
    expect(parseNumber('0x')).toBe(0n);
    expect(parseNumber('0h')).toBe(0n);
  });

  it('wraps to 64 bits', () => {
    expect(parseNumber('0xffffffffffffffff')).toBe(0xffffffffffffffffn);
  });
});

describe('tokenize', () => {
  it('splits a line into identifiers, numbers, operators, and stops at a comment', () => {
    const toks = tokenize('  mov ax, [bx+si*2] ; comment');
    expect(toks.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'id:mov', 'id:ax', 'op:,', 'op:[', 'id:bx', 'op:+', 'id:si', 'op:*', 'num:2', 'op:]',
    ]);
  });

  it('takes the longest operator', () => {
    expect(tokenize('a <<< b >>> c << d // e %% f <= g <> h').filter((t) => t.kind === 'op').map((t) => t.text))
      .toEqual(['<<<', '>>>', '<<', '//', '%%', '<=', '<>']);
  });

  it('tells $ and $$ from $-escaped names and $hex numbers', () => {
    const toks = tokenize('$ $$ $eax $1f');
    expect(toks[0]).toMatchObject({ kind: 'op', text: '$' });
    expect(toks[1]).toMatchObject({ kind: 'op', text: '$$' });
    expect(toks[2]).toMatchObject({ kind: 'id', text: 'eax', escaped: true });
    expect(toks[3]).toMatchObject({ kind: 'num', value: 31n });
  });

  it('reads local, macro-local and special labels as identifiers', () => {
    expect(tokenize('.loop ..@12.x ..start foo.bar').map((t) => t.text)).toEqual(['.loop', '..@12.x', '..start', 'foo.bar']);
  });

  it('reads strings in three quote styles; only backquotes have escapes', () => {
    const [a, b, c] = tokenize(`'it' "a\\n" \`a\\n\``);
    expect(Array.from(a.bytes!)).toEqual(bytes('it'));
    expect(Array.from(b.bytes!)).toEqual(bytes('a\\n'));
    expect(Array.from(c.bytes!)).toEqual([0x61, 10]);
  });

  it('keeps a ; inside a string', () => {
    const toks = tokenize("db ';', 0 ; real comment");
    expect(toks.map((t) => t.text)).toEqual(['db', "';'", ',', '0']);
  });

  it('marks floats separately', () => {
    expect(tokenize('1.5 1e10 0x10')[0].kind).toBe('float');
    expect(tokenize('1.5 1e10 0x10')[1].kind).toBe('float');
    expect(tokenize('1.5 1e10 0x10')[2].kind).toBe('num');
    expect(tokenize('1eh')[0]).toMatchObject({ kind: 'num', value: 30n });
  });

  it('reports an unterminated string', () => {
    expect(() => tokenize('db "abc')).toThrow(LexError);
  });

  it('reports a malformed number', () => {
    expect(() => tokenize('mov ax, 12g')).toThrow(/invalid number/);
  });
});

describe('unescapeBackquoted', () => {
  it('decodes the C-like escapes', () => {
    expect(Array.from(unescapeBackquoted('\\t\\n\\r\\0\\e\\x41\\101\\\\\\`\\\'\\"\\a\\b\\f\\v\\?')))
      .toEqual([9, 10, 13, 0, 27, 0x41, 0x41, 0x5c, 0x60, 0x27, 0x22, 7, 8, 12, 11, 0x3f]);
  });

  it('writes \\u escapes as UTF-8', () => {
    expect(Array.from(unescapeBackquoted('\\u00e9'))).toEqual([0xc3, 0xa9]);
  });
});
