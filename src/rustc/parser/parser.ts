// The parser's cursor over the token stream: looking ahead, eating and expecting tokens (with
// splitting of glued operators such as `>>` or `&&` where the grammar needs half of them),
// rustc-style "expected one of …, found …" errors built from what was checked at the current
// position, and resynchronisation after an error.
import { error, type DiagBuilder, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { isKeyword, type Edition } from '../lexer/keywords.ts';
import type { Token } from '../lexer/token.ts';
import { findSimilarKeyword, usedKeywords } from './similar.ts';
import type { SourceFile } from '../span/source-file.ts';
import { span, type Span } from '../span/span.ts';

/**
 * Thrown to abandon the construct being parsed; caught where the parser resynchronises. Not an
 * Error subclass on purpose: capturing a stack trace on every syntax error made error-heavy
 * input (fuzzing, half-typed code in the editor) several times slower.
 */
export class ParseError {
  readonly message = 'parse error';
}

export const MAX_DEPTH = 256;

/** Marks an expected-set entry that is a description ("identifier") rather than a token. */
const DESCRIPTION = '\u0000';

export class Parser {
  pos = 0;
  readonly diagnostics: Diagnostic[] = [];
  /**
   * Literal checks (suffixes) that rustc makes after parsing, when it lowers the AST: kept apart
   * so they come after every parse error and can be left out to compare with a parse-only run.
   */
  readonly literalDiagnostics: Diagnostic[] = [];
  /**
   * An error that escapes a module-level item ends rustc's parse (it reports it and stops). We
   * keep parsing for the sake of the AST, but report only the diagnostics before this count.
   */
  fatalCount: number | null = null;
  /**
   * Errors about inner attributes or doc comments among outer ones, waiting for the item they sit
   * on: rustc labels that item ("the inner attribute doesn't annotate this function").
   */
  pendingAttrDiags: Array<{ diag: DiagBuilder; what: string }> = [];
  /** The item list being parsed: in trait and extern blocks a function may end with `;`. */
  inItemList: 'impl' | 'trait' | 'extern' | null = null;
  /** Nesting depth at which a `let` expression is allowed: the condition of `if`/`while` (and its `&&` chain). */
  letDepth = -1;
  /** Tokens checked for at the current position, for "expected one of …" messages. */
  private expected = new Set<string>();
  /** Set while parsing `if`/`while`/`match`/`for` heads, where `S { … }` is not a struct literal. */
  noStructLiteral = false;
  depth = 0;

  /** For each opening delimiter's index, the index of its closing delimiter (-1 if unmatched). */
  readonly closeOf: Int32Array;

  constructor(
    readonly tokens: Token[],
    readonly file: SourceFile | null,
    /** Decides which words are keywords (`async`, `dyn`, `try` are names in 2015). */
    readonly edition: Edition = '2021',
  ) {
    this.closeOf = new Int32Array(tokens.length).fill(-1);
    const stack: number[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'punct') return;
      if (t.text === '(' || t.text === '[' || t.text === '{') stack.push(i);
      else if (t.text === ')' || t.text === ']' || t.text === '}') {
        const open = stack.pop();
        if (open !== undefined) this.closeOf[open] = i;
      }
    });
  }

  get token(): Token {
    return this.tokens[this.pos]!;
  }

  get prev(): Token {
    return this.tokens[Math.max(0, this.pos - 1)]!;
  }

  look(n: number): Token {
    return this.tokens[Math.min(this.tokens.length - 1, this.pos + n)]!;
  }

  isEof(): boolean {
    return this.token.kind === 'eof';
  }

  bump(): Token {
    const t = this.token;
    if (t.kind !== 'eof') this.pos++;
    this.expected.clear();
    return t;
  }

  report(d: DiagBuilder): void {
    this.diagnostics.push(d.build());
  }

  /** Whether the current token is the punctuation or delimiter `text` (recording it as expected). */
  check(text: string): boolean {
    this.expected.add(text);
    return this.token.kind === 'punct' && this.token.text === text;
  }

  /** Like check, without recording an expectation. */
  is(text: string, t: Token = this.token): boolean {
    return t.kind === 'punct' && t.text === text;
  }

  eat(text: string): boolean {
    if (this.check(text)) {
      this.bump();
      return true;
    }
    return false;
  }

  checkKeyword(kw: string): boolean {
    this.expected.add(kw);
    return this.isKeyword(kw);
  }

  isKeyword(kw: string, t: Token = this.token): boolean {
    return t.kind === 'ident' && !t.raw && t.text === kw;
  }

  eatKeyword(kw: string): boolean {
    if (this.checkKeyword(kw)) {
      this.bump();
      return true;
    }
    return false;
  }

  /** A plain identifier (not a reserved keyword, or a raw identifier). */
  isIdent(t: Token = this.token): boolean {
    return t.kind === 'ident' && (t.raw === true || (t.text !== '_' && !isKeyword(t.text, this.edition)));
  }

  /** Records an abstract expectation such as "identifier" or "an operator". */
  expect_(what: string): void {
    this.expected.add(DESCRIPTION + what);
  }

  /**
   * Splits a glued operator whose first part is `first` (`>>` → `>` `>`, `&&` → `&` `&`,
   * `||` → `|` `|`, `>=` → `>` `=` …) and eats that first part.
   */
  eatSplit(first: string): boolean {
    this.expected.add(first);
    const t = this.token;
    if (t.kind !== 'punct') return false;
    if (t.text === first) {
      this.bump();
      return true;
    }
    if (t.text.length > first.length && t.text.startsWith(first)) {
      const rest: Token = { ...t, text: t.text.slice(first.length), span: span(t.span.lo + first.length, t.span.hi) };
      this.tokens[this.pos] = rest;
      this.expected.clear();
      return true;
    }
    return false;
  }

  checkSplit(first: string): boolean {
    this.expected.add(first);
    return this.token.kind === 'punct' && this.token.text.startsWith(first);
  }

  expect(text: string): Token {
    if (this.check(text)) return this.bump();
    this.unexpected();
  }

  expectSplit(first: string): void {
    if (!this.eatSplit(first)) this.unexpected();
  }

  expectKeyword(kw: string): void {
    if (!this.eatKeyword(kw)) this.unexpected();
  }

  /** rustc's description of a token in messages: "keyword `let`", "`)`", "`<eof>`". */
  describe(t: Token = this.token): string {
    if (t.kind === 'eof') return '`<eof>`';
    if (t.kind === 'doc') return 'doc comment';
    const text = this.text(t);
    if (t.kind === 'ident' && !t.raw) {
      if (t.text === '_') return 'reserved identifier `_`';
      if (['abstract', 'become', 'box', 'do', 'final', 'macro', 'override', 'priv', 'typeof', 'unsized', 'virtual', 'yield', 'try'].includes(t.text)) return `reserved keyword \`${text}\``;
      if (isKeyword(t.text, this.edition)) return `keyword \`${text}\``;
    }
    return '`' + text + '`';
  }

  /** Source text of a token. */
  text(t: Token): string {
    if (this.file) return this.file.slice(t.span.lo, t.span.hi);
    return t.kind === 'ident' && t.raw ? 'r#' + t.text : t.text;
  }

  private expectedList(): string[] {
    // rustc sorts the descriptions as strings, backticks included (so `...` < `..=` < `..`);
    // "an operator" comes last.
    const list = [...this.expected].map((e) => (e.startsWith(DESCRIPTION) ? e.slice(1) : '`' + e + '`'));
    const hasOp = list.includes('an operator');
    const rest = list.filter((e) => e !== 'an operator').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (hasOp) rest.push('an operator');
    return rest;
  }

  /** Reports "expected …, found …" for the current token and abandons the construct. */
  unexpected(): never {
    this.reportUnexpected();
    throw new ParseError();
  }

  reportUnexpected(): void {
    this.report(this.buildUnexpected());
  }

  /** rustc's "expected one of …, found …" for the current token, not yet reported. */
  buildUnexpected(): DiagBuilder {
    const list = this.expectedList();
    const found = this.describe();
    const joined = list.length <= 1 ? list.join('') : list.length === 2 ? `${list[0]} or ${list[1]}` : `${list.slice(0, -1).join(', ')}, or ${list[list.length - 1]}`;
    let msg: string;
    let label: string;
    if (list.length === 0) {
      msg = `unexpected token: ${found}`;
      label = 'unexpected token after this';
    } else if (list.length === 1) {
      msg = `expected ${joined}, found ${found}`;
      label = `expected ${joined}`;
    } else {
      msg = `expected one of ${joined}, found ${found}`;
      label = `expected one of ${list.length > 6 ? `${list.length} possible tokens` : joined}`;
    }
    const d = error(msg);
    const labelSpan = this.isEof() ? this.prev.span : span(this.prev.span.hi, this.prev.span.hi);
    if (this.pos > 0 && (this.isEof() || this.onDifferentLines(this.prev.span.hi, this.token.span.lo))) {
      d.primary(this.token.span, 'unexpected token').secondary(labelSpan, label);
      d.diag.spans.reverse();
    } else {
      d.primary(this.token.span, label);
    }
    const prev = this.prev;
    // `function main()`: rustc knows what was meant.
    if (prev.kind === 'ident' && !prev.raw && ['def', 'fun', 'func', 'function'].includes(prev.text)) {
      d.suggest(prev.span, `write \`fn\` instead of \`${prev.text}\` to declare a function`, 'fn', 'short');
    }
    // A misspelled keyword; its suggestion excludes the others, as rustc seals the diagnostic.
    if (d.diag.suggestions.length === 0) this.suggestMisspelledKeyword(d);
    if (d.diag.suggestions.length > 0) return d;
    // `f(1) g(2)`: rustc guesses a missing `.` of a method call.
    if (this.expected.has('.') && this.is(')', prev) && this.isIdent() && this.is('(', this.look(1)) && !this.onDifferentLines(prev.span.hi, this.token.span.lo)) {
      d.suggest(span(prev.span.hi, this.token.span.lo), 'you might have meant to write a method call', '.', 'verbose', 'MaybeIncorrect');
    }
    // `a.b c` or `a::b c`: rustc guesses a missing `.` of a field access.
    if (
      this.expected.has('.') &&
      prev.kind === 'ident' && this.isIdent(prev) &&
      this.token.kind === 'ident' && this.isIdent() &&
      !this.onDifferentLines(prev.span.hi, this.token.span.lo)
    ) {
      d.suggest(span(prev.span.hi, this.token.span.lo), 'you might have meant to write a field access', '.', 'verbose', 'MaybeIncorrect');
    }
    return d;
  }

  /**
   * rustc's check for a misspelled keyword: the current word against the keywords just expected,
   * else the previous word against all keywords (`Struct Point;`, `staic X`).
   */
  private suggestMisspelledKeyword(d: DiagBuilder): void {
    const t = this.token;
    if (t.kind !== 'ident') return;
    const used = usedKeywords(this.edition);
    const isUsedKeyword = (w: Token) => !w.raw && used.includes(w.text);
    const recent = [...this.expected].slice(-10).filter((e) => used.includes(e));
    let found: { keyword: string; wrongCase: boolean } | null = null;
    let at = t.span;
    if (recent.length > 0 && !isUsedKeyword(t)) found = findSimilarKeyword(t.text, recent);
    if (!found) {
      const prev = this.prev;
      if (this.pos > 0 && prev.kind === 'ident' && !isUsedKeyword(prev)) {
        found = findSimilarKeyword(prev.text, used);
        at = prev.span;
      }
    }
    if (!found) return;
    const msg = found.wrongCase ? `write keyword \`${found.keyword}\` in lowercase` : `there is a keyword \`${found.keyword}\` with a similar name`;
    d.suggest(at, msg, found.keyword, 'verbose');
  }

  /**
   * rustc's recovery for a list element not preceded by `,`: if an element parses here, report
   * "expected one of …" with a "missing `,`" help and keep going; otherwise report it and give up.
   */
  recoverMissingComma<T>(parseElem: () => T): T {
    const d = this.buildUnexpected();
    const at = span(this.prev.span.hi, this.prev.span.hi);
    const savedPos = this.pos;
    const savedDiags = this.diagnostics.length;
    try {
      const el = parseElem();
      if (d.diag.suggestions.length === 0) d.suggest(at, 'missing `,`', ',', 'short', 'MaybeIncorrect');
      this.report(d);
      return el;
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      this.diagnostics.length = savedDiags;
      this.pos = savedPos;
      this.report(d);
      throw new ParseError();
    }
  }

  /** Discards what was recorded as expected (after a speculative parse). */
  clearExpected(): void {
    this.expected.clear();
  }

  onDifferentLines(a: number, b: number): boolean {
    if (!this.file) return false;
    return this.file.lineCol(a).line !== this.file.lineCol(b).line;
  }

  /** An error at a span that abandons the construct. */
  fail(d: DiagBuilder): never {
    this.report(d);
    throw new ParseError();
  }

  spanFrom(lo: Span | number): Span {
    const start = typeof lo === 'number' ? lo : lo.lo;
    return span(start, Math.max(start, this.prev.span.hi));
  }

  /**
   * Skips to a point where parsing can resume: past a `;` or just before a `}` at the current
   * nesting level (or the end of the file), skipping over nested groups.
   */
  recoverStmt(): void {
    let depth = 0;
    while (!this.isEof()) {
      const t = this.token;
      if (t.kind === 'punct') {
        if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
        else if (t.text === ')' || t.text === ']' || t.text === '}') {
          if (depth === 0 && t.text === '}') return;
          if (depth === 0) {
            // A stray `)`/`]` of the group the error happened in: skip it.
            this.bump();
            continue;
          }
          depth--;
          if (depth === 0 && t.text === '}') {
            this.bump();
            return;
          }
        } else if (t.text === ';' && depth === 0) {
          this.bump();
          return;
        }
      }
      this.bump();
    }
  }

  /** Skips to the next item keyword at this level, or past a `;`/`}`, after a bad item. */
  recoverItem(): void {
    let depth = 0;
    let first = true;
    while (!this.isEof()) {
      const t = this.token;
      if (depth === 0 && !first && t.kind === 'ident' && ITEM_KEYWORDS.has(t.text)) return;
      if (depth === 0 && !first && this.is('#')) return;
      first = false;
      if (t.kind === 'punct') {
        if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
        else if (t.text === ')' || t.text === ']' || t.text === '}') {
          if (depth === 0) return;
          depth--;
          if (depth === 0 && t.text === '}') {
            this.bump();
            return;
          }
        } else if (t.text === ';' && depth === 0) {
          this.bump();
          return;
        }
      }
      this.bump();
    }
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.fail(error('this code is nested too deeply for the parser').primary(this.token.span));
    }
  }

  leave(): void {
    this.depth = Math.max(0, this.depth - 1);
  }
}

export const ITEM_KEYWORDS = new Set(['fn', 'struct', 'enum', 'union', 'impl', 'trait', 'mod', 'use', 'static', 'const', 'type', 'extern', 'pub', 'unsafe', 'macro_rules', 'async']);
