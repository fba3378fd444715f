// Splits one preprocessed source line into assembler tokens, following NASM's scanner:
// identifiers (with `$` as a keyword escape), numbers in every NASM radix notation,
// the three kinds of quoted string, and the expression operators. A `;` ends the line.

export type TokKind = 'id' | 'num' | 'float' | 'str' | 'op';

export interface Token {
  readonly kind: TokKind;
  /** Identifier as written (without a leading `$` escape), operator text, or raw number/float text. */
  readonly text: string;
  /** Value of a number token. */
  readonly value?: bigint;
  /** Contents of a string token, as bytes. */
  readonly bytes?: Uint8Array;
  /** `$name`: an identifier that must not be taken as a register or keyword. */
  readonly escaped?: boolean;
  /** Column of the first character (0-based). */
  readonly pos: number;
}

export class LexError extends Error {}

export function isIdStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '.' || c === '?' || c === '@';
}

export function isIdChar(c: string): boolean {
  return isIdStart(c) || (c >= '0' && c <= '9') || c === '$' || c === '#' || c === '~';
}

export function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isAlnumOrUnderscore(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_';
}

// Longest operators first so that `<<<` wins over `<<` and `<`.
const OPERATORS = [
  '<=>', '<<<', '>>>',
  '<<', '>>', '//', '%%', '==', '!=', '<>', '<=', '>=', '&&', '||', '^^',
  '+', '-', '*', '/', '%', '&', '|', '^', '~', '!', '(', ')', '[', ']', ',', ':', '<', '>', '=', '{', '}',
];

const encoder = new TextEncoder();

/** Tokenizes `line`; throws LexError for malformed numbers and unterminated strings. */
export function tokenize(line: string): Token[] {
  const out: Token[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') { i++; continue; }
    if (c === ';') break;
    const start = i;
    if (isDigit(c) || (c === '$' && i + 1 < n && isDigit(line[i + 1]))) {
      i = scanNumber(line, i, out);
      continue;
    }
    if (c === '$') {
      if (line[i + 1] === '$') { out.push({ kind: 'op', text: '$$', pos: start }); i += 2; continue; }
      if (i + 1 < n && isIdStart(line[i + 1])) {
        i++;
        while (i < n && isIdChar(line[i])) i++;
        out.push({ kind: 'id', text: line.slice(start + 1, i), escaped: true, pos: start });
        continue;
      }
      out.push({ kind: 'op', text: '$', pos: start });
      i++;
      continue;
    }
    if (isIdStart(c)) {
      i++;
      while (i < n && isIdChar(line[i])) i++;
      const text = line.slice(start, i);
      // A lone `?` is the "uninitialised" marker of data directives, not a name.
      out.push(text === '?' ? { kind: 'op', text, pos: start } : { kind: 'id', text, pos: start });
      continue;
    }
    if (c === '\'' || c === '"' || c === '`') {
      const end = findStringEnd(line, i);
      if (end < 0) throw new LexError(`unterminated string`);
      const body = line.slice(i + 1, end);
      const bytes = c === '`' ? unescapeBackquoted(body) : encoder.encode(body);
      out.push({ kind: 'str', text: line.slice(i, end + 1), bytes, pos: start });
      i = end + 1;
      continue;
    }
    let op: string | undefined;
    for (const o of OPERATORS) {
      if (line.startsWith(o, i)) { op = o; break; }
    }
    if (op === undefined) op = c; // unknown character: let the parser reject it in context
    out.push({ kind: 'op', text: op, pos: start });
    i += op.length;
  }
  return out;
}

/** Index of the closing quote of the string starting at `i`, or -1. Backquoted strings honour `\`. */
export function findStringEnd(line: string, i: number): number {
  const q = line[i];
  let j = i + 1;
  while (j < line.length) {
    const ch = line[j];
    if (q === '`' && ch === '\\') { j += 2; continue; }
    if (ch === q) return j;
    j++;
  }
  return -1;
}

function scanNumber(line: string, i: number, out: Token[]): number {
  const start = i;
  let isHex = false;
  let isFloat = false;
  let hasE = false;
  if (line[i] === '$') { i++; isHex = true; }
  for (;;) {
    const c = line[i++];
    if (c === undefined) break;
    if (!isHex && (c === 'e' || c === 'E')) {
      hasE = true;
      if (line[i] === '+' || line[i] === '-') i++;
    } else if (c === 'h' || c === 'H' || c === 'x' || c === 'X') {
      isHex = true;
    } else if (c === 'p' || c === 'P') {
      isFloat = true;
      if (line[i] === '+' || line[i] === '-') i++;
    } else if (isAlnumOrUnderscore(c)) {
      // part of the number
    } else if (c === '.') {
      isFloat = true;
    } else {
      break;
    }
  }
  i--; // back to the first character after the number
  if (i > line.length) i = line.length;
  if (hasE && !isHex) isFloat = true;
  const text = line.slice(start, i);
  if (isFloat) {
    out.push({ kind: 'float', text, pos: start });
  } else {
    const value = parseNumber(text);
    if (value === undefined) throw new LexError(`invalid number \`${text}'`);
    out.push({ kind: 'num', text, value, pos: start });
  }
  return i;
}

function radixLetter(c: string): number {
  switch (c.toLowerCase()) {
    case 'b': case 'y': return 2;
    case 'o': case 'q': return 8;
    case 'd': case 't': return 10;
    case 'h': case 'x': return 16;
    default: return 0;
  }
}

/**
 * Value of an integer literal in NASM notation: `0x1f`, `1fh`, `$1f`, `0b101`, `101b`, `17q`,
 * `0o17`, `0d99`, `99d`, with `_` separators anywhere after the first digit. Returns undefined
 * when the text is not a valid number. A prefix and a suffix radix both present: the larger wins.
 */
export function parseNumber(text: string): bigint | undefined {
  let lo = 0;
  let hi = text.length;
  const len = text.length;
  let prefix = 0;
  let suffix = 0;
  let plen = 0;
  if (len > 2 && text[0] === '0' && (prefix = radixLetter(text[1])) !== 0) plen = 2;
  else if (len > 1 && text[0] === '$') { prefix = 16; plen = 1; }
  if (len > 1 && (suffix = radixLetter(text[len - 1])) !== 0) { /* one-char suffix */ }
  let radix: number;
  if (prefix > suffix) { radix = prefix; lo += plen; }
  else if (suffix > prefix) { radix = suffix; hi -= 1; }
  else radix = 10;
  const big = BigInt(radix);
  let v = 0n;
  let digits = 0;
  for (let k = lo; k < hi; k++) {
    const c = text[k];
    if (c === '_') continue;
    const d = digitValue(c);
    if (d < 0 || d >= radix) return undefined;
    v = v * big + BigInt(d);
    digits++;
  }
  if (digits === 0) return undefined;
  return BigInt.asUintN(64, v);
}

function digitValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  const l = c.toLowerCase();
  if (l >= 'a' && l <= 'f') return l.charCodeAt(0) - 87;
  return -1;
}

/** Decodes the escapes NASM allows inside backquoted strings; output is UTF-8 bytes. */
export function unescapeBackquoted(body: string): Uint8Array {
  const out: number[] = [];
  const pushText = (s: string): void => { for (const b of encoder.encode(s)) out.push(b); };
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      const s = String.fromCodePoint(cp);
      pushText(s);
      i += s.length;
      continue;
    }
    i++;
    const e = body[i++];
    switch (e) {
      case undefined: out.push(0x5c); break;
      case '\'': case '"': case '`': case '\\': case '?': out.push(e.charCodeAt(0)); break;
      case 'a': out.push(7); break;
      case 'b': out.push(8); break;
      case 't': out.push(9); break;
      case 'n': out.push(10); break;
      case 'v': out.push(11); break;
      case 'f': out.push(12); break;
      case 'r': out.push(13); break;
      case 'e': out.push(27); break;
      case 'x': {
        let v = 0;
        let k = 0;
        while (k < 2 && i < body.length && digitValue(body[i]) >= 0 && digitValue(body[i]) < 16) {
          v = v * 16 + digitValue(body[i]); i++; k++;
        }
        out.push(k === 0 ? 0x78 : v); // `\x` without digits: nasm keeps the x
        break;
      }
      case 'u': case 'U': {
        const want = e === 'u' ? 4 : 8;
        let v = 0;
        let k = 0;
        while (k < want && i < body.length && digitValue(body[i]) >= 0 && digitValue(body[i]) < 16) {
          v = v * 16 + digitValue(body[i]); i++; k++;
        }
        pushText(String.fromCodePoint(Math.min(v, 0x10ffff)));
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          let v = e.charCodeAt(0) - 48;
          let k = 1;
          while (k < 3 && i < body.length && body[i] >= '0' && body[i] <= '7') {
            v = v * 8 + body.charCodeAt(i) - 48; i++; k++;
          }
          out.push(v & 0xff);
        } else {
          pushText(e); // unknown escape: the character itself
        }
    }
  }
  return Uint8Array.from(out);
}
