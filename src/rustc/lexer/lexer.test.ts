import { describe, expect, it } from 'vitest';
import { lex } from './lexer.ts';
import { checkDelimiters } from './delimiters.ts';

const kinds = (src: string) => lex(src).tokens.map((t) => `${t.kind}:${t.text}`);
const messages = (src: string) => lex(src).diagnostics.map((d) => (d.code ? `[${d.code}] ` : '') + d.message);

describe('lexer', () => {
  it('glues operators by longest match', () => {
    expect(kinds('a>>=b..=c...d::e->f=>g<<h')).toEqual([
      'ident:a', 'punct:>>=', 'ident:b', 'punct:..=', 'ident:c', 'punct:...', 'ident:d', 'punct:::', 'ident:e', 'punct:->', 'ident:f', 'punct:=>', 'ident:g', 'punct:<<', 'ident:h', 'eof:',
    ]);
  });

  it('lexes raw identifiers, lifetimes and chars', () => {
    const toks = lex("r#match 'a 'static 'x' '\\n' b'q'").tokens;
    expect(toks[0]).toMatchObject({ kind: 'ident', text: 'match', raw: true });
    expect(toks[1]).toMatchObject({ kind: 'lifetime', text: "'a" });
    expect(toks[2]).toMatchObject({ kind: 'lifetime', text: "'static" });
    expect(toks[3]!.lit).toMatchObject({ kind: 'char', value: 'x' });
    expect(toks[4]!.lit).toMatchObject({ kind: 'char', value: '\n' });
    expect(toks[5]!.lit).toMatchObject({ kind: 'byte', value: 'q' });
  });

  it('lexes numbers with suffixes, underscores, bases and floats', () => {
    const lits = lex('1_000u32 0xff_u8 0o17 0b1010 1.5 1e10 2.5E-3f64 1. 7f32 0x1e').tokens.filter((t) => t.kind === 'lit').map((t) => [t.lit!.kind, t.lit!.symbol, t.lit!.suffix]);
    expect(lits).toEqual([
      ['int', '1_000', 'u32'],
      ['int', '0xff_', 'u8'],
      ['int', '0o17', ''],
      ['int', '0b1010', ''],
      ['float', '1.5', ''],
      ['float', '1e10', ''],
      ['float', '2.5E-3', 'f64'],
      ['float', '1.', ''],
      ['int', '7', 'f32'],
      ['int', '0x1e', ''],
    ]);
  });

  it('keeps `x.0.1` as ident, dot, float and `1..2` as a range', () => {
    expect(kinds('x.0.1')).toEqual(['ident:x', 'punct:.', 'lit:0.1', 'eof:']);
    expect(kinds('1..2')).toEqual(['lit:1', 'punct:..', 'lit:2', 'eof:']);
    expect(kinds('1.foo()')).toEqual(['lit:1', 'punct:.', 'ident:foo', 'punct:(', 'punct:)', 'eof:']);
  });

  it('decodes string escapes and raw strings', () => {
    const [a, b, c, d] = lex('"a\\tb\\x41\\u{1F600}" r#"x"y"# b"\\xff" "line \\\n   next"').tokens;
    expect(a!.lit!.value).toBe('a\tbA\u{1F600}');
    expect(b!.lit).toMatchObject({ kind: 'rawStr', value: 'x"y' });
    expect(d!.lit!.value).toBe('line next');
    expect(c!.lit!.kind).toBe('byteStr');
  });

  it('keeps doc comments as tokens and skips other comments, nested ones included', () => {
    const toks = lex('/// outer\n//! inner\n/** block */ /* a /* b */ c */ //// not doc\n/**/ x').tokens;
    expect(toks.map((t) => t.kind)).toEqual(['doc', 'doc', 'doc', 'ident', 'eof']);
    expect(toks[0]!.doc).toEqual({ inner: false, block: false, text: ' outer' });
    expect(toks[1]!.doc!.inner).toBe(true);
  });

  it('skips a shebang but not an inner attribute', () => {
    expect(kinds('#!/usr/bin/env run\nfn')).toEqual(['ident:fn', 'eof:']);
    expect(kinds('#![no_std]')[0]).toBe('punct:#');
  });

  it("reports bad input in rustc's words and never throws", () => {
    expect(messages('"abc')).toEqual(['[E0765] unterminated double quote string']);
    expect(messages('/* open')).toEqual(['[E0758] unterminated block comment']);
    expect(messages('let c = €;')).toEqual(['unknown start of token: \\u{20ac}']);
    expect(messages("'ab'")).toEqual(['character literal may only contain one codepoint']);
    expect(messages("''")).toEqual(['empty character literal']);
    expect(messages('"\\q"')).toEqual(['unknown character escape: `q`']);
    expect(messages('0x')).toEqual(['[E0768] no valid digits found for number']);
    expect(messages('0b102')).toEqual(['invalid digit for a base 2 literal']);
    expect(messages('r#"abc')).toEqual(['[E0748] unterminated raw string']);
    expect(messages('foo"bar"')).toEqual(['prefix `foo` is unknown']);
  });

  it('stops at the first fatal error as rustc does', () => {
    const r = lex('"\\q" \'\\n;\n "more');
    expect(r.fatal).toBe(true);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['unknown character escape: `q`', 'unterminated character literal']);
  });

  it('uses global positions so spans name their file', () => {
    const t = lex('ab cd', 100).tokens[1]!;
    expect(t.span).toEqual({ lo: 103, hi: 105 });
  });
});

describe('delimiter check', () => {
  const delimErrors = (src: string) => checkDelimiters(lex(src).tokens).map((d) => d.message);
  it('accepts balanced input', () => expect(delimErrors('fn f() { (a[1]) }')).toEqual([]));
  it('reports a mismatch, a stray close and an unclosed group', () => {
    expect(delimErrors('fn f() { (1, 2]; }')).toEqual(['mismatched closing delimiter: `]`']);
    expect(delimErrors('fn f() {} }')).toEqual(['unexpected closing delimiter: `}`']);
    expect(delimErrors('fn f() {')).toEqual(['this file contains an unclosed delimiter']);
  });
});
