// Tokens as the parser sees them (rustc's "cooked" tokens): comments are gone except doc
// comments, multi-character operators are glued (`::`, `->`, `>>=`), literals carry their kind,
// text and suffix.
import type { Span } from '../span/span.ts';

export type LitKind = 'bool' | 'int' | 'float' | 'char' | 'byte' | 'str' | 'byteStr' | 'cStr' | 'rawStr' | 'rawByteStr' | 'rawCStr' | 'err';

export interface Lit {
  kind: LitKind;
  /** The literal's source text without its suffix, e.g. `0x_ff`, `"a\n"`, `r#"x"#`. */
  symbol: string;
  /** Suffix such as `u8` or `f32`, or '' when there is none. */
  suffix: string;
  /** Decoded contents: the string of a string literal, the char of a char literal; '' for numbers. */
  value: string;
}

export type TokenKind = 'ident' | 'lifetime' | 'lit' | 'punct' | 'doc' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Identifier name (without `r#`), lifetime with its quote (`'a`), operator or delimiter text. */
  text: string;
  span: Span;
  /** True when no whitespace or comment separates this token from the next one. */
  joint: boolean;
  /** Raw identifier `r#name`. */
  raw?: boolean;
  lit?: Lit;
  /** Doc comment: inner (`//!`, `/*!`) or outer; its text without the comment markers. */
  doc?: { inner: boolean; block: boolean; text: string };
}

/** Operators the lexer glues, longest first within each starting character. */
export const PUNCTUATION = [
  '>>=', '<<=', '...', '..=',
  '::', '->', '=>', '==', '!=', '<=', '>=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '^=', '&=', '|=', '<<', '>>', '..',
  '=', '<', '>', '!', '~', '+', '-', '*', '/', '%', '^', '&', '|', '@', '.', ',', ';', ':', '#', '$', '?',
  '(', ')', '[', ']', '{', '}',
] as const;

export function isDelimOpen(t: string): boolean {
  return t === '(' || t === '[' || t === '{';
}

export function isDelimClose(t: string): boolean {
  return t === ')' || t === ']' || t === '}';
}

export function matchingClose(open: string): string {
  return open === '(' ? ')' : open === '[' ? ']' : '}';
}
