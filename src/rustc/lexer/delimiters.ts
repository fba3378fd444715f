// rustc checks that delimiters balance while it builds token trees, before parsing; its errors
// ("mismatched closing delimiter", "unexpected closing delimiter", "this file contains an
// unclosed delimiter") come from this pass. Like rustc, it recovers by treating a closing
// delimiter that matches something further out as closing the inner groups too.
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { span } from '../span/span.ts';
import { isDelimClose, isDelimOpen, matchingClose, type Token } from './token.ts';

export function checkDelimiters(tokens: readonly Token[], text = '', base = 0): Diagnostic[] {
  /** Width of the whitespace starting the line that holds a token. */
  const indent = (t: Token): number => {
    let i = t.span.lo - base;
    while (i > 0 && text[i - 1] !== '\n') i--;
    let n = 0;
    while (text[i + n] === ' ' || text[i + n] === '\t') n++;
    return n;
  };
  const diags: Diagnostic[] = [];
  const stack: Token[] = [];
  for (const t of tokens) {
    if (t.kind !== 'punct') continue;
    if (isDelimOpen(t.text)) {
      stack.push(t);
      continue;
    }
    if (!isDelimClose(t.text)) continue;
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) {
        diags.push(error(`unexpected closing delimiter: \`${t.text}\``).primary(t.span, 'unexpected closing delimiter').build());
        break;
      }
      if (matchingClose(top.text) === t.text) {
        stack.pop();
        break;
      }
      const d = error(`mismatched closing delimiter: \`${t.text}\``).primary(top.span, 'unclosed delimiter').primary(t.span, 'mismatched closing delimiter');
      // Like rustc, point at an outer opener this close probably belongs to: one of the same
      // kind whose line is indented as much as the close's line.
      let candidate: Token | undefined;
      for (const o of stack) if (matchingClose(o.text) === t.text && indent(o) === indent(t)) candidate = o;
      if (candidate) d.secondary(candidate.span, 'closing delimiter possibly meant for this');
      diags.push(d.build());
      stack.pop();
      // A close that matches an outer group closes that group too; otherwise it is consumed.
      if (!stack.some((o) => matchingClose(o.text) === t.text)) break;
    }
  }
  if (stack.length > 0) {
    const eof = tokens[tokens.length - 1]!.span;
    const b = error('this file contains an unclosed delimiter');
    // rustc labels at most five and sums up the rest.
    const SHOW = 5;
    for (const o of stack.slice(0, SHOW)) b.secondary(o.span, 'unclosed delimiter');
    if (stack.length >= SHOW + 2) b.secondary(stack[SHOW]!.span, `another ${stack.length - SHOW} unclosed delimiters begin from here`);
    b.primary(span(eof.lo, eof.hi));
    diags.push(b.build());
  }
  return diags;
}
