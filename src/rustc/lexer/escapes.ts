// Decoding of escapes inside char, byte, string, byte string and C string literals, reporting
// malformed escapes in rustc's words (rustc_lexer::unescape and rustc_parse's
// unescape_error_reporting) instead of failing.
import { error, type DiagBuilder } from '../diagnostics/diagnostic.ts';
import { span } from '../span/span.ts';

export type EscapeMode = 'char' | 'byte' | 'str' | 'byteStr' | 'cStr';

const isHex = (c: string) => /^[0-9a-fA-F]$/.test(c);

/**
 * Decodes the contents of a literal (without quotes). `start` is the global position of the
 * first content character; `litLo`/`litHi` bound the whole literal, for suggestions.
 */
export function unescape(content: string, start: number, mode: EscapeMode, report: (d: DiagBuilder) => void, litLo: number, litHi: number): string {
  let out = '';
  const isByte = mode === 'byte' || mode === 'byteStr';
  const isStrLike = mode === 'str' || mode === 'byteStr' || mode === 'cStr';
  let i = 0;
  while (i < content.length) {
    const cp = content.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const at = start + i;
    if (ch !== '\\') {
      if (ch === '\r' && !(content[i + 1] === '\n')) {
        report(error(`bare CR not allowed in ${isStrLike ? 'string' : 'character constant'}, use \`\\r\` instead`).primary(span(at, at + 1)));
      } else if (!isStrLike && (ch === '\n' || ch === '\t' || ch === "'")) {
        const esc = ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : "\\'";
        report(error(`character constant must be escaped: \`${esc}\``).primary(span(at, at + 1)).suggest(span(at, at + 1), 'escape the character', esc, 'verbose'));
      } else if (isByte && cp > 0x7f) {
        const what = mode === 'byte' ? 'byte literal' : 'byte string literal';
        const d = error(`non-ASCII character in ${what}`).primary(span(at, at + ch.length), 'must be ASCII');
        if (cp < 0x100) d.suggest(span(at, at + ch.length), `if you meant to use the unicode code point for '${ch}', use a \\xHH escape`, `\\x${cp.toString(16).toUpperCase()}`, 'verbose');
        report(d);
      } else if (mode === 'cStr' && cp === 0) {
        report(error('null characters in C string literals are not supported').primary(span(at, at + 1)));
      }
      out += ch;
      i += ch.length;
      continue;
    }
    // An escape.
    const next = content[i + 1];
    if (next === undefined) {
      out += '\\';
      i++;
      continue;
    }
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '0': '\0', "'": "'", '"': '"' };
    if (next in simple) {
      if (mode === 'cStr' && next === '0') report(error('null characters in C string literals are not supported').primary(span(at, at + 2)));
      out += simple[next];
      i += 2;
      continue;
    }
    if (next === '\n' && isStrLike) {
      // Line continuation: skip the newline and the whitespace that follows.
      i += 2;
      while (i < content.length && /[ \t\n\r]/.test(content[i]!)) i++;
      continue;
    }
    if (next === 'x') {
      const d1 = content[i + 2];
      const d2 = content[i + 3];
      if (d1 === undefined || !isHex(d1) || d2 === undefined || !isHex(d2)) {
        const bad = d1 !== undefined && !isHex(d1) ? i + 2 : d2 !== undefined && !isHex(d2) && d1 !== undefined ? i + 3 : -1;
        const badCh = bad >= 0 ? content[bad]! : '';
        if (bad >= 0 && badCh !== "'" && badCh !== '"') {
          report(error(`invalid character in numeric character escape: \`${badCh}\``).primary(span(start + bad, start + bad + 1), 'invalid character in numeric character escape'));
          i = bad + 1;
        } else {
          const end = bad >= 0 ? bad : content.length;
          report(error('numeric character escape is too short').primary(span(at, start + end)));
          i = end;
        }
        continue;
      }
      const v = parseInt(d1 + d2, 16);
      if (v > 0x7f && !isByte) {
        const d = error('out of range hex escape').primary(span(at, at + 4), 'must be a character in the range [\\x00-\\x7f]');
        if (mode === 'char') {
          d.help(`if you want to write a byte literal, use \`b'\\x${d1}${d2}'\``);
          d.help(`if you want to write a Unicode character, use \`'\\u{${(d1 + d2).toUpperCase()}}'\``);
        }
        report(d);
      }
      out += String.fromCharCode(v);
      i += 4;
      continue;
    }
    if (next === 'u') {
      i = unicodeEscape(content, i, start, mode, report, (c) => (out += c));
      continue;
    }
    // Unknown escape.
    const uc = String.fromCodePoint(content.codePointAt(i + 1)!);
    const d = error(`unknown character escape: \`${printable(uc)}\``)
      .primary(span(at + 1, at + 1 + uc.length), 'unknown character escape')
      .help('for more information, visit <https://doc.rust-lang.org/reference/tokens.html#literals>');
    if (mode === 'str') d.suggest(span(litLo, litHi), 'if you meant to write a literal backslash (perhaps escaping in a regular expression), consider a raw string literal', `r"${content}"`, 'verbose');
    report(d);
    out += uc;
    i += 1 + uc.length;
  }
  return out;
}

function unicodeEscape(content: string, i: number, start: number, mode: EscapeMode, report: (d: DiagBuilder) => void, push: (c: string) => void): number {
  const at = start + i;
  if (content[i + 2] !== '{') {
    let j = i + 2;
    while (j < content.length && isHex(content[j]!)) j++;
    const digits = content.slice(i + 2, j);
    // rustc points at `\u` and the character after it; the suggestion covers all the digits.
    const d = error('incorrect unicode escape sequence').primary(span(at, at + Math.min(3, content.length - i)));
    if (digits) d.suggest(span(at, start + j), 'format of unicode escape sequences uses braces', `\\u{${digits}}`, 'verbose');
    else d.help('format of unicode escape sequences is `\\u{...}`');
    report(d);
    return j;
  }
  let j = i + 3;
  let digits = '';
  let count = 0;
  if (content[j] === '_') {
    report(error('invalid start of unicode escape: `_`').primary(span(start + j, start + j + 1), 'invalid start of unicode escape'));
    return j + 1;
  }
  while (j < content.length && content[j] !== '}') {
    const c = content[j]!;
    if (c === '_') {
      j++;
      continue;
    }
    if (!isHex(c)) {
      if (c === '"' || c === "'" || c === '\n') break;
      report(error(`invalid character in unicode escape: \`${printable(c)}\``).primary(span(start + j, start + j + 1), 'invalid character in unicode escape'));
      // Skip to the closing brace so one bad escape gives one error.
      while (j < content.length && content[j] !== '}') j++;
      return j < content.length ? j + 1 : j;
    }
    digits += c;
    count++;
    j++;
  }
  if (content[j] !== '}') {
    report(
      error('unterminated unicode escape')
        .primary(span(at, start + j), 'missing a closing `}`')
        .suggest(span(start + j, start + j), 'terminate the unicode escape', '}', 'verbose'),
    );
    return j;
  }
  const escSpan = span(at, start + j + 1);
  if (count === 0) {
    report(error('empty unicode escape').primary(escSpan, 'this escape must have at least 1 hex digit'));
    return j + 1;
  }
  if (count > 6) {
    report(error('overlong unicode escape').primary(escSpan, 'must have at most 6 hex digits'));
    return j + 1;
  }
  if (mode === 'byte' || mode === 'byteStr') {
    report(error('unicode escape in byte string').primary(escSpan, 'unicode escape in byte string').help('unicode escape sequences cannot be used as a byte or in a byte string'));
    return j + 1;
  }
  const v = parseInt(digits, 16);
  if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
    report(error('invalid unicode character escape').primary(escSpan, 'invalid escape').help(v > 0x10ffff ? 'unicode escape must be at most 10FFFF' : 'unicode escape must not be a surrogate'));
    return j + 1;
  }
  if (mode === 'cStr' && v === 0) report(error('null characters in C string literals are not supported').primary(escSpan));
  push(String.fromCodePoint(v));
  return j + 1;
}

/** How rustc shows a character inside a message: printable ones as themselves, others escaped. */
export function printable(c: string): string {
  const cp = c.codePointAt(0)!;
  if (c === '\n') return '\\n';
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  if (cp < 0x20 || cp === 0x7f) return `\\u{${cp.toString(16)}}`;
  return c;
}
