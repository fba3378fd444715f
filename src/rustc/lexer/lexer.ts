// The Rust lexer: source text to tokens, never throwing. Malformed input (unterminated
// literals and comments, unknown characters, bad escapes, bad numbers) becomes a diagnostic in
// rustc's words and lexing goes on, so the parser always gets a token stream ending in `eof`.
import { error, type DiagBuilder, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { span } from '../span/span.ts';
import { CONFUSABLES, isDigit, isIdContinue, isIdStart, isWhitespace } from './chars.ts';
import { unescape, type EscapeMode } from './escapes.ts';
import { isPathSegmentKeyword, type Edition } from './keywords.ts';
import { PUNCTUATION, type Lit, type LitKind, type Token } from './token.ts';

export interface LexResult {
  tokens: Token[];
  diagnostics: Diagnostic[];
  /**
   * rustc stops compiling at an unterminated literal or block comment (a fatal error): true
   * when one was found; the diagnostics then end with it.
   */
  fatal: boolean;
}

/** Codes of the lexer errors rustc treats as fatal. */
const FATAL_CODES = new Set(['E0758', 'E0762', 'E0763', 'E0765', 'E0766', 'E0767', 'E0748']);

export function lex(text: string, start = 0, edition: Edition = '2021'): LexResult {
  return new Lexer(text, start, edition).run();
}

const PUNCT_BY_FIRST = new Map<string, string[]>();
for (const p of PUNCTUATION) {
  const list = PUNCT_BY_FIRST.get(p[0]!) ?? [];
  list.push(p);
  PUNCT_BY_FIRST.set(p[0]!, list);
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly src: string,
    private readonly base: number,
    private readonly edition: Edition,
  ) {}

  private report(d: DiagBuilder): void {
    this.diagnostics.push(d.build());
  }

  private sp(lo: number, hi: number) {
    return span(this.base + lo, this.base + hi);
  }

  private peek(n = 0): string | undefined {
    return this.src[this.pos + n];
  }

  /** The code point at pos as a string (one or two UTF-16 units). */
  private charAt(i: number): string | undefined {
    if (i >= this.src.length) return undefined;
    const c = this.src.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) return this.src[i];
    return String.fromCodePoint(this.src.codePointAt(i)!);
  }

  run(): LexResult {
    this.skipShebang();
    while (true) {
      const hadTrivia = this.skipTrivia();
      if (hadTrivia && this.tokens.length > 0) this.tokens[this.tokens.length - 1]!.joint = false;
      if (this.pos >= this.src.length) break;
      const lo = this.pos;
      const tok = this.next();
      if (tok) this.tokens.push(tok);
      if (this.pos === lo) this.pos++; // never stall
    }
    const end = this.src.length;
    this.tokens.push({ kind: 'eof', text: '', span: this.sp(end, end), joint: false });
    const fatalAt = this.diagnostics.findIndex((d) => d.code !== null && FATAL_CODES.has(d.code));
    if (fatalAt >= 0) this.diagnostics.splice(fatalAt + 1);
    return { tokens: this.tokens, diagnostics: this.diagnostics, fatal: fatalAt >= 0 };
  }

  private skipShebang(): void {
    if (!this.src.startsWith('#!')) return;
    // `#![attr]` is an inner attribute, not a shebang.
    let i = 2;
    while (i < this.src.length) {
      if (isWhitespace(this.src[i])) i++;
      else if (this.src.startsWith('//', i)) {
        while (i < this.src.length && this.src[i] !== '\n') i++;
      } else if (this.src.startsWith('/*', i)) {
        const close = this.src.indexOf('*/', i + 2);
        i = close < 0 ? this.src.length : close + 2;
      } else break;
    }
    if (this.src[i] === '[') return;
    while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
  }

  /** Skips whitespace and non-doc comments; doc comments are tokens. Returns whether anything was skipped. */
  private skipTrivia(): boolean {
    const start = this.pos;
    while (this.pos < this.src.length) {
      const c = this.charAt(this.pos)!;
      if (isWhitespace(c)) {
        this.pos += c.length;
      } else if (c === '/' && this.peek(1) === '/') {
        if (this.isDocLine()) break;
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && this.peek(1) === '*') {
        if (this.isDocBlock()) break;
        this.blockComment();
      } else break;
    }
    return this.pos > start;
  }

  private isDocLine(): boolean {
    const c2 = this.peek(2);
    return c2 === '!' || (c2 === '/' && this.peek(3) !== '/');
  }

  private isDocBlock(): boolean {
    const c2 = this.peek(2);
    if (c2 === '!') return true;
    return c2 === '*' && this.peek(3) !== '*' && this.peek(3) !== '/';
  }

  /** Consumes a (nested) block comment; returns its end. Reports E0758 when unterminated. */
  private blockComment(): number {
    const lo = this.pos;
    const isDoc = this.isDocBlock();
    this.pos += 2;
    let depth = 1;
    while (this.pos < this.src.length) {
      if (this.src.startsWith('/*', this.pos)) {
        depth++;
        this.pos += 2;
      } else if (this.src.startsWith('*/', this.pos)) {
        depth--;
        this.pos += 2;
        if (depth === 0) return this.pos;
      } else this.pos++;
    }
    this.report(error(isDoc ? 'unterminated block doc-comment' : 'unterminated block comment', 'E0758').primary(this.sp(lo, this.src.length)));
    return this.pos;
  }

  private tok(kind: Token['kind'], text: string, lo: number, extra?: Partial<Token>): Token {
    const t: Token = { kind, text, span: { lo: this.base + lo, hi: this.base + this.pos }, joint: true };
    if (extra) Object.assign(t, extra);
    return t;
  }

  private next(): Token | null {
    const lo = this.pos;
    const c = this.charAt(lo)!;

    if (c === '/' && (this.peek(1) === '/' || this.peek(1) === '*')) return this.docComment();

    // Literal prefixes and raw identifiers.
    if (c === 'r' && this.peek(1) === '#' && isIdStart(this.charAt(lo + 2))) return this.rawIdent();
    if (c === 'b' || c === 'c' || c === 'r') {
      const lit = this.prefixedLiteral();
      if (lit) return lit;
    }
    if (isIdStart(c)) return this.ident();
    if (isDigit(c)) return this.number();
    if (c === "'") return this.charOrLifetime();
    if (c === '"') return this.quoted(lo, 'str', 0);

    const ops = PUNCT_BY_FIRST.get(c);
    if (ops) {
      for (const op of ops) {
        if (this.src.startsWith(op, lo)) {
          this.pos += op.length;
          return this.tok('punct', op, lo);
        }
      }
    }
    this.unknownChar(c);
    return null;
  }

  private unknownChar(c: string): void {
    const lo = this.pos;
    this.pos += c.length;
    const cp = c.codePointAt(0)!;
    const shown = cp < 0x80 && cp >= 0x20 ? c : `\\u{${cp.toString(16)}}`;
    const d = error(`unknown start of token: ${shown}`).primary(this.sp(lo, this.pos));
    const conf = CONFUSABLES[c];
    if (conf) {
      d.suggest(this.sp(lo, this.pos), `Unicode character '${c}' (${conf[0]}) looks like '${conf[1]}' (${conf[2]}), but it is not`, conf[1], 'verbose', 'MaybeIncorrect');
    }
    this.report(d);
  }

  private docComment(): Token {
    const lo = this.pos;
    const inner = this.peek(2) === '!';
    if (this.peek(1) === '/') {
      while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      let body = this.src.slice(lo + 3, this.pos);
      if (body.endsWith('\r')) body = body.slice(0, -1);
      return this.tok('doc', body, lo, { doc: { inner, block: false, text: body } });
    }
    const end = this.blockComment();
    const body = this.src.slice(lo + 3, Math.max(lo + 3, end - 2));
    return this.tok('doc', body, lo, { doc: { inner, block: true, text: body } });
  }

  private eatIdentChars(): void {
    while (this.pos < this.src.length) {
      const ch = this.charAt(this.pos)!;
      if (!isIdContinue(ch)) break;
      this.pos += ch.length;
    }
  }

  private ident(): Token {
    const lo = this.pos;
    this.pos += this.charAt(lo)!.length;
    this.eatIdentChars();
    const name = this.src.slice(lo, this.pos);
    // Rust 2021 reserves `prefix"…"`, `prefix'…'` and `prefix#` for future literal kinds.
    const nextCh = this.peek();
    if (this.edition !== '2015' && this.edition !== '2018' && (nextCh === '"' || nextCh === '#' || nextCh === "'")) {
      this.report(
        error(`prefix \`${name}\` is unknown`)
          .primary(this.sp(lo, this.pos), 'unknown prefix')
          .note('prefixed identifiers and literals are reserved since Rust 2021')
          .suggest(this.sp(this.pos, this.pos), 'consider inserting whitespace here', ' ', 'verbose', 'MaybeIncorrect'),
      );
    }
    return this.tok('ident', name, lo);
  }

  private rawIdent(): Token {
    const lo = this.pos;
    this.pos += 2;
    const nameLo = this.pos;
    this.pos += this.charAt(this.pos)!.length;
    this.eatIdentChars();
    const name = this.src.slice(nameLo, this.pos);
    if (isPathSegmentKeyword(name) || name === '_') {
      this.report(error(`\`${name}\` cannot be a raw identifier`).primary(this.sp(lo, this.pos)));
    }
    return this.tok('ident', name, lo, { raw: true });
  }

  /** b'x', b"…", br"…", r"…", r#"…"#, c"…", cr"…"; null when the prefix is just an identifier. */
  private prefixedLiteral(): Token | null {
    const lo = this.pos;
    const s = this.src;
    const at = (i: number) => s[lo + i];
    if (at(0) === 'b' && at(1) === "'") return this.byteChar(lo);
    if (at(0) === 'b' && at(1) === '"') return this.quoted(lo, 'byteStr', 1);
    if (at(0) === 'c' && at(1) === '"') return this.quoted(lo, 'cStr', 1);
    if (at(0) === 'r' && (at(1) === '"' || (at(1) === '#' && !isIdStart(at(2))))) return this.rawString(lo, 'rawStr', 1);
    if ((at(0) === 'b' || at(0) === 'c') && at(1) === 'r' && (at(2) === '"' || at(2) === '#')) return this.rawString(lo, at(0) === 'b' ? 'rawByteStr' : 'rawCStr', 2);
    return null;
  }

  private suffix(): string {
    if (!isIdStart(this.charAt(this.pos))) return '';
    const lo = this.pos;
    this.pos += this.charAt(this.pos)!.length;
    this.eatIdentChars();
    return this.src.slice(lo, this.pos);
  }

  private litToken(lo: number, kind: LitKind, symbol: string, suffix: string, value: string): Token {
    const lit: Lit = { kind, symbol, suffix, value };
    return this.tok('lit', this.src.slice(lo, this.pos), lo, { lit });
  }

  private quoted(lo: number, kind: 'str' | 'byteStr' | 'cStr', prefix: number): Token {
    const quoteLo = lo + prefix;
    let i = quoteLo + 1;
    while (i < this.src.length) {
      const ch = this.src[i];
      if (ch === '\\') i += 2;
      else if (ch === '"') break;
      else i++;
    }
    if (i >= this.src.length) {
      this.pos = this.src.length;
      const [msg, code] =
        kind === 'str' ? ['unterminated double quote string', 'E0765'] : kind === 'byteStr' ? ['unterminated double quote byte string', 'E0766'] : ['unterminated C string', 'E0767'];
      this.report(error(msg, code).primary(this.sp(quoteLo, this.src.length)));
      return this.litToken(lo, 'err', this.src.slice(lo), '', '');
    }
    const content = this.src.slice(quoteLo + 1, i);
    this.pos = i + 1;
    const symbol = this.src.slice(lo, this.pos);
    const value = unescape(content, this.base + quoteLo + 1, kind, (d) => this.report(d), this.base + lo, this.base + this.pos);
    return this.litToken(lo, kind, symbol, this.suffix(), value);
  }

  private rawString(lo: number, kind: 'rawStr' | 'rawByteStr' | 'rawCStr', prefix: number): Token {
    let i = lo + prefix;
    let hashes = 0;
    while (this.src[i] === '#') {
      hashes++;
      i++;
    }
    if (this.src[i] !== '"') {
      const bad = this.charAt(i);
      this.pos = i;
      this.report(
        error(`found invalid character; only \`#\` is allowed in raw string delimitation: ${bad ?? 'EOF'}`).primary(this.sp(lo, Math.min(this.src.length, i + (bad?.length ?? 0)))),
      );
      return this.litToken(lo, 'err', this.src.slice(lo, i), '', '');
    }
    const close = '"' + '#'.repeat(hashes);
    const end = this.src.indexOf(close, i + 1);
    if (end < 0) {
      this.pos = this.src.length;
      this.report(
        error('unterminated raw string', 'E0748')
          .primary(this.sp(lo, lo), 'unterminated raw string')
          .note(`this raw string should be terminated with \`${close}\``),
      );
      return this.litToken(lo, 'err', this.src.slice(lo), '', '');
    }
    const content = this.src.slice(i + 1, end);
    this.pos = end + close.length;
    const symbol = this.src.slice(lo, this.pos);
    for (let k = 0; k < content.length; k++) {
      const at = i + 1 + k;
      if (content[k] === '\r' && content[k + 1] !== '\n') this.report(error('bare CR not allowed in raw string').primary(this.sp(at, at + 1)));
      if (kind === 'rawByteStr' && content.charCodeAt(k) > 0x7f) {
        const ch = String.fromCodePoint(content.codePointAt(k)!);
        this.report(error('non-ASCII character in raw byte string literal').primary(this.sp(at, at + ch.length), 'must be ASCII'));
        k += ch.length - 1;
      }
    }
    return this.litToken(lo, kind, symbol, this.suffix(), content);
  }

  private byteChar(lo: number): Token {
    const quoteLo = lo + 1;
    const end = this.scanSingleQuoted(quoteLo);
    if (end < 0) {
      this.pos = this.src.length;
      const stop = this.src.indexOf('\n', quoteLo);
      this.pos = stop < 0 ? this.src.length : stop;
      this.report(error('unterminated byte constant', 'E0763').primary(this.sp(quoteLo, this.pos)));
      return this.litToken(lo, 'err', this.src.slice(lo, this.pos), '', '');
    }
    return this.finishChar(lo, quoteLo, end, 'byte');
  }

  /** Index just after the closing quote of a single-quoted literal starting at `quote`, or -1. */
  private scanSingleQuoted(quote: number): number {
    let i = quote + 1;
    // `'''` is a (bad) char literal holding a quote.
    if (this.src[i + 1] === "'" && this.src[i] !== '\\') return i + 2;
    while (i < this.src.length) {
      const ch = this.src[i];
      if (ch === "'") return i + 1;
      if (ch === '/' || (ch === '\n' && this.src[i + 1] !== "'")) return -1;
      if (ch === '\\') i += 2;
      else i++;
    }
    return -1;
  }

  private finishChar(lo: number, quoteLo: number, end: number, kind: 'char' | 'byte'): Token {
    this.pos = end;
    const content = this.src.slice(quoteLo + 1, end - 1);
    const symbol = this.src.slice(lo, end);
    const contentLo = this.base + quoteLo + 1;
    let errors = 0;
    const value = unescape(content, contentLo, kind as EscapeMode, (d) => {
      errors++;
      this.report(d);
    }, this.base + lo, this.base + end);
    const count = [...value].length;
    if (errors === 0 && content.length === 0) {
      this.report(error(`empty ${kind === 'char' ? 'character' : 'byte'} literal`).primary(span(contentLo, contentLo), `empty ${kind === 'char' ? 'character' : 'byte'} literal`));
    } else if (errors === 0 && count > 1) {
      const msg = kind === 'char' ? 'character literal may only contain one codepoint' : 'byte literal may only contain one byte';
      const d = error(msg).primary(this.sp(lo, end));
      if (kind === 'char') {
        d.suggest(this.sp(lo, end), 'if you meant to write a string literal, use double quotes', `"${content}"`, 'verbose').parts([
          { span: this.sp(lo, lo + 1), replacement: '"' },
          { span: this.sp(end - 1, end), replacement: '"' },
        ]);
      }
      this.report(d);
    }
    return this.litToken(lo, kind, symbol, this.suffix(), value);
  }

  private charOrLifetime(): Token {
    const lo = this.pos;
    const first = this.charAt(lo + 1);
    const second = first === undefined ? undefined : this.charAt(lo + 1 + first.length);
    const canBeLifetime = second !== "'" && (isIdStart(first) || isDigit(first));
    if (!canBeLifetime) {
      const end = this.scanSingleQuoted(lo);
      if (end < 0) {
        this.pos = lo + 1;
        while (this.pos < this.src.length && this.src[this.pos] !== '\n' && this.src[this.pos] !== '/') this.pos++;
        this.report(error('unterminated character literal', 'E0762').primary(this.sp(lo, this.pos)));
        return this.litToken(lo, 'err', this.src.slice(lo, this.pos), '', '');
      }
      return this.finishChar(lo, lo, end, 'char');
    }
    this.pos = lo + 1 + first!.length;
    this.eatIdentChars();
    if (this.src[this.pos] === "'") {
      // 'ab' — a char literal with several chars (reported by finishChar).
      return this.finishChar(lo, lo, this.pos + 1, 'char');
    }
    const name = this.src.slice(lo, this.pos);
    if (isDigit(first)) this.report(error('lifetimes cannot start with a number').primary(this.sp(lo, this.pos)));
    return this.tok('lifetime', name, lo);
  }

  private eatDigits(radix: number): { any: boolean; badAt: number } {
    let any = false;
    let badAt = -1;
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === '_') {
        this.pos++;
        continue;
      }
      const isDec = ch >= '0' && ch <= '9';
      const isHexLetter = (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
      if (radix === 16 ? isDec || isHexLetter : isDec) {
        if (radix < 10 && parseInt(ch, 10) >= radix && badAt < 0) badAt = this.pos;
        any = true;
        this.pos++;
      } else break;
    }
    return { any, badAt };
  }

  private number(): Token {
    const lo = this.pos;
    let radix = 10;
    if (this.src[lo] === '0' && 'box'.includes(this.src[lo + 1] ?? '-')) {
      radix = this.src[lo + 1] === 'b' ? 2 : this.src[lo + 1] === 'o' ? 8 : 16;
      this.pos += 2;
      const r = this.eatDigits(radix);
      if (!r.any) {
        const suffix = this.suffix();
        this.report(error('no valid digits found for number', 'E0768').primary(this.sp(lo, lo + 2)));
        return this.litToken(lo, 'int', this.src.slice(lo, this.pos - suffix.length), suffix, '');
      }
      if (r.badAt >= 0) this.report(error(`invalid digit for a base ${radix} literal`).primary(this.sp(r.badAt, r.badAt + 1)));
    } else {
      this.eatDigits(10);
    }
    let kind: LitKind = 'int';
    const c0 = this.src[this.pos];
    const c1 = this.src[this.pos + 1];
    if (c0 === '.' && c1 !== '.' && !isIdStart(this.charAt(this.pos + 1))) {
      kind = 'float';
      this.pos++;
      if (isDigit(this.src[this.pos])) {
        this.eatDigits(10);
        this.exponent(lo);
      }
    } else if ((c0 === 'e' || c0 === 'E') && radix === 10) {
      kind = 'float';
      this.exponent(lo);
    }
    const symbol = this.src.slice(lo, this.pos);
    const suffix = this.suffix();
    return this.litToken(lo, kind, symbol, suffix, '');
  }

  private exponent(lo: number): void {
    const c = this.src[this.pos];
    if (c !== 'e' && c !== 'E') return;
    this.pos++;
    if (this.src[this.pos] === '+' || this.src[this.pos] === '-') this.pos++;
    const r = this.eatDigits(10);
    if (!r.any) this.report(error('expected at least one digit in exponent').primary(this.sp(lo, this.pos)));
  }
}
