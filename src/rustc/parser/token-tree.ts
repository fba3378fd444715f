// Token trees: the contents of macro invocations, `macro_rules!` bodies and attribute
// arguments, kept unparsed with their delimiters matched.
import type { Delim, DelimGroup, TokenTree } from '../ast/ast.ts';
import { isDelimClose, isDelimOpen, matchingClose } from '../lexer/token.ts';
import type { Parser } from './parser.ts';

/** Parses one delimited group starting at the current open delimiter. */
export function parseDelimGroup(p: Parser): DelimGroup {
  const open = p.bump();
  const delim = open.text as Delim;
  const close = matchingClose(delim);
  const tts: TokenTree[] = [];
  while (!p.isEof()) {
    const t = p.token;
    if (t.kind === 'punct' && isDelimClose(t.text)) {
      if (t.text === close) {
        p.bump();
        return { kind: 'group', delim, open: open.span, close: t.span, tts };
      }
      // A mismatched close (already reported by the delimiter check) ends the group.
      return { kind: 'group', delim, open: open.span, close: t.span, tts };
    }
    tts.push(parseTokenTree(p));
  }
  return { kind: 'group', delim, open: open.span, close: p.token.span, tts };
}

export function parseTokenTree(p: Parser): TokenTree {
  const t = p.token;
  if (t.kind === 'punct' && isDelimOpen(t.text)) return parseDelimGroup(p);
  return p.bump();
}

/** Tokens up to (not including) the end of the enclosing group. */
export function parseTokenTreesUntilClose(p: Parser): TokenTree[] {
  const tts: TokenTree[] = [];
  while (!p.isEof() && !(p.token.kind === 'punct' && isDelimClose(p.token.text))) tts.push(parseTokenTree(p));
  return tts;
}
