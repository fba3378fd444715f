// rustc checks that delimiters balance while it builds token trees, before parsing, and reports
// only those errors when they do not (parse errors would be noise). This mirrors its
// token-tree reader: a wrong closing delimiter inside a group is a "mismatched closing
// delimiter" (consumed unless an outer group wants it); a closing delimiter at the top level
// ends the check with "unexpected closing delimiter" (absorbing mismatched `)`/`]` as "missing
// open" labels); the end of the file inside a group is "this file contains an unclosed
// delimiter". Both last two point at a block whose braces are indented differently, if any.
import { error, type DiagBuilder, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { span, type Span } from '../span/span.ts';
import { isDelimClose, isDelimOpen, matchingClose, type Token } from './token.ts';

interface Unmatched {
  found: Token;
  unclosed?: Span;
  candidate?: Span;
}

export function checkDelimiters(tokens: readonly Token[], text = '', base = 0): Diagnostic[] {
  return delimiterCheck(tokens, text, base).diagnostics;
}

/**
 * The check's diagnostics, and where rustc would have stopped lexing: an unexpected closing
 * delimiter ends its token-tree reader, so lexer errors after it are never reported.
 */
export function delimiterCheck(tokens: readonly Token[], text = '', base = 0): { diagnostics: Diagnostic[]; stoppedAt: number | null } {
  const r = new DelimiterReader(tokens, text, base);
  const diagnostics = r.run();
  return { diagnostics, stoppedAt: r.stoppedAt };
}

class DelimiterReader {
  private pos = 0;
  private readonly open: Token[] = [];
  private readonly unmatched: Unmatched[] = [];
  private lastUnclosedFound = -1;
  stoppedAt: number | null = null;
  /** Brace pairs that matched, and single-line `{}` blocks, for rustc's hint about indentation. */
  private readonly matchingBlocks: Array<[Span, Span]> = [];
  private readonly emptyBlocks: Span[] = [];

  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
    private readonly base: number,
  ) {}

  run(): Diagnostic[] {
    const errs = this.trees(false);
    const out = this.unmatched.map((u) => this.mismatchError(u));
    return [...out, ...errs.map((d) => d.build())];
  }

  /** Width of the whitespace that starts the line holding a position. */
  private indent(pos: number): number {
    let i = pos - this.base;
    while (i > 0 && this.text[i - 1] !== '\n') i--;
    let n = 0;
    while (this.text[i + n] === ' ' || this.text[i + n] === '\t') n++;
    return n;
  }

  /** Offsets of the newlines in the text, to find lines by binary search. */
  private newlines: number[] | null = null;

  private line(pos: number): number {
    if (!this.newlines) {
      this.newlines = [];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) this.newlines.push(i);
    }
    const target = pos - this.base;
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.newlines[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Token trees up to a closing delimiter (inside a group) or the end; errors end the check. */
  private trees(delimited: boolean): DiagBuilder[] {
    for (;;) {
      const t = this.tokens[this.pos]!;
      if (t.kind === 'eof') return delimited ? [this.eofError()] : [];
      if (t.kind === 'punct' && isDelimOpen(t.text)) {
        const errs = this.group();
        if (errs.length) return errs;
      } else if (t.kind === 'punct' && isDelimClose(t.text)) {
        if (delimited) return [];
        this.stoppedAt = t.span.hi;
        return [this.unexpectedClose(t)];
      } else this.pos++;
    }
  }

  private group(): DiagBuilder[] {
    const openTok = this.tokens[this.pos]!;
    this.open.push(openTok);
    this.pos++;
    const innerStart = this.pos;
    const errs = this.trees(true);
    if (errs.length) return errs;
    const close = this.tokens[this.pos]!;
    if (close.text === matchingClose(openTok.text)) {
      this.open.pop();
      if (openTok.text === '{') {
        if (this.pos === innerStart && this.line(openTok.span.lo) === this.line(close.span.hi)) this.emptyBlocks.push(span(openTok.span.lo, close.span.hi));
        this.matchingBlocks.push([openTok.span, close.span]);
      }
      this.pos++;
      return [];
    }
    if (this.lastUnclosedFound !== close.span.lo) {
      // Reported once per closing token, naming only the innermost unclosed group.
      this.lastUnclosedFound = close.span.lo;
      const unclosed = this.open[this.open.length - 1]!.span;
      let candidate: Span | undefined;
      for (const o of this.open) if (matchingClose(o.text) === close.text && this.indent(o.span.lo) === this.indent(close.span.lo)) candidate = o.span;
      this.open.pop();
      this.unmatched.push(candidate ? { found: close, unclosed, candidate } : { found: close, unclosed });
    } else this.open.pop();
    // A close that an outer group can use is left for it; otherwise it is consumed.
    if (!this.open.some((o) => matchingClose(o.text) === close.text)) this.pos++;
    return [];
  }

  private mismatchError(u: Unmatched): Diagnostic {
    const d = error(`mismatched closing delimiter: \`${u.found.text}\``);
    if (u.unclosed) d.primary(u.unclosed, 'unclosed delimiter');
    d.primary(u.found.span, 'mismatched closing delimiter');
    if (u.candidate) d.secondary(u.candidate, 'closing delimiter possibly meant for this');
    return d.build();
  }

  private unexpectedClose(t: Token): DiagBuilder {
    const d = error(`unexpected closing delimiter: \`${t.text}\``);
    // Mismatched `)`/`]` seen before probably lack their opening delimiter: say so here instead.
    let missingOpen = false;
    for (let i = 0; i < this.unmatched.length; ) {
      const u = this.unmatched[i]!;
      if (u.found.text === ')' || u.found.text === ']') {
        if (u.unclosed) d.secondary(u.unclosed, 'the nearest open delimiter');
        // rustc's span here is empty, at the start of the closing delimiter.
        d.secondary(span(u.found.span.lo, u.found.span.lo), `missing open \`${u.found.text === ')' ? '(' : '['}\` for this delimiter`);
        this.unmatched.splice(i, 1);
        missingOpen = true;
      } else i++;
    }
    if (!missingOpen) this.suspiciousBlock(d, t.text);
    d.primary(t.span, 'unexpected closing delimiter');
    return d;
  }

  private eofError(): DiagBuilder {
    const eof = this.tokens[this.tokens.length - 1]!.span;
    const d = error('this file contains an unclosed delimiter');
    const SHOW = 5; // rustc labels at most five and sums up the rest
    for (const o of this.open.slice(0, SHOW)) d.secondary(o.span, 'unclosed delimiter');
    if (this.open.length >= SHOW + 2) d.secondary(this.open[SHOW]!.span, `another ${this.open.length - SHOW} unclosed delimiters begin from here`);
    if (this.open.length > 0) this.suspiciousBlock(d, this.open[this.open.length - 1]!.text);
    d.primary(eof);
    return d;
  }

  /**
   * rustc's guess at the real culprit: the innermost brace block whose closing brace is indented
   * differently from its opening line (unless an outer, well-indented block contains it).
   */
  private suspiciousBlock(d: DiagBuilder, delim: string): void {
    const blocks = this.matchingBlocks
      .map(([o, c]) => ({ lo: o.lo, hi: c.lo, same: this.indent(o.lo) === this.indent(c.lo) }))
      .sort((a, b) => a.lo - b.lo);
    for (let i = 0; i < blocks.length; i++) {
      if (!blocks[i]!.same) continue;
      for (let j = i + 1; j < blocks.length; j++) {
        const inner = blocks[j]!;
        if (blocks[i]!.lo <= inner.lo && inner.hi <= blocks[i]!.hi && !inner.same) inner.same = true;
      }
    }
    const candidate = [...blocks].reverse().find((b) => !b.same);
    if (candidate) {
      d.secondary(span(candidate.lo, candidate.lo), 'this delimiter might not be properly closed...');
      d.secondary(span(candidate.hi, candidate.hi), '...as it matches this but it has different indentation');
      if (delim === '{' || delim === '}') {
        const empty = this.emptyBlocks.find((e) => candidate.lo <= e.lo && e.hi <= candidate.hi);
        if (empty) d.secondary(empty, 'block is empty, you might have not meant to close it');
      }
      return;
    }
    const parent = this.matchingBlocks[this.matchingBlocks.length - 1];
    if (parent && this.open.length === 0 && !this.emptyBlocks.some((e) => e.lo === parent[0].lo && e.hi === parent[1].hi)) {
      d.secondary(parent[0], 'this opening brace...');
      d.secondary(parent[1], '...matches this closing brace');
    }
  }
}
