// Character classes of the Rust lexer (the Reference, "Identifiers" and "Whitespace").
const ID_START = /[\p{XID_Start}_]/u;
const ID_CONTINUE = /\p{XID_Continue}/u;

export function isIdStart(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
  return ID_START.test(c);
}

export function isIdContinue(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  return ID_CONTINUE.test(c);
}

export function isWhitespace(c: string | undefined): boolean {
  if (c === undefined) return false;
  switch (c.charCodeAt(0)) {
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x20:
    case 0x85: case 0x200e: case 0x200f: case 0x2028: case 0x2029:
      return c.length === 1;
    default:
      return false;
  }
}

export const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * A few characters that look like Rust punctuation, with the names rustc prints in its
 * "Unicode character … looks like …, but it is not" help.
 */
export const CONFUSABLES: Record<string, [string, string, string]> = {
  '`': ['Grave Accent', "'", 'Single Quote'],
  '\u2018': ['Left Single Quotation Mark', "'", 'Single Quote'],
  '\u2019': ['Right Single Quotation Mark', "'", 'Single Quote'],
  '\u201c': ['Left Double Quotation Mark', '"', 'Quotation Mark'],
  '\u201d': ['Right Double Quotation Mark', '"', 'Quotation Mark'],
  '\uff1b': ['Fullwidth Semicolon', ';', 'Semicolon'],
  '\u037e': ['Greek Question Mark', ';', 'Semicolon'],
  '\uff0c': ['Fullwidth Comma', ',', 'Comma'],
  '\uff1a': ['Fullwidth Colon', ':', 'Colon'],
  '\uff08': ['Fullwidth Left Parenthesis', '(', 'Left Parenthesis'],
  '\uff09': ['Fullwidth Right Parenthesis', ')', 'Right Parenthesis'],
  '\u2212': ['Minus Sign', '-', 'Minus/Hyphen'],
  '\uff1d': ['Fullwidth Equals Sign', '=', 'Equals Sign'],
};
