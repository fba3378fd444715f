// Mutations that keep a program's syntax valid, so the mutant gets past the parser and reaches
// name resolution, type checking, the checking passes and lowering (a deleted or swapped token
// mostly stops at a parse error). One token is replaced by another of its class: an identifier
// by another identifier of the same program or a type/keyword a learner might write, a literal
// by a literal of another kind or at an edge of its range, a binary or assignment operator by
// another of its kind.
import { lex } from '../lexer/lexer.ts';
import type { Token } from '../lexer/token.ts';
import type { Prng } from './mutate.ts';

const LITERALS = ['0', '1', '255', '256', '-1', '0xb8000', '128u8', '1usize', "b'x'", "'x'", '"text"', 'b"bytes"', 'true', '4294967296', '170141183460469231731687303715884105727', '1.5'];
const IDENTS = ['u8', 'u16', 'u32', 'u64', 'usize', 'isize', 'i32', 'bool', 'char', 'str', 'self', 'Self', 'core', 'crate', 'super', 'unsafe', 'mut', 'loop', 'PanicInfo', 'panic', '_start', 'offset', 'iter', 'enumerate', 'len', 'as_ptr', 'write_volatile', 'add', 'MAX'];
/** Binary operators replace each other (and assignments each other), so the syntax stays valid. */
const BINARY = ['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '==', '!=', '<', '>', '<=', '>=', '&&', '||', '..', '..='];
const ASSIGN = ['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>='];

function replacementFor(tok: Token, idents: readonly string[], rng: Prng): string | null {
  const pick = (xs: readonly string[]) => xs[rng.below(xs.length)]!;
  switch (tok.kind) {
    case 'ident': return rng.below(2) === 0 && idents.length > 0 ? pick(idents) : pick(IDENTS);
    case 'lit': return pick(LITERALS);
    case 'punct': return BINARY.includes(tok.text) ? pick(BINARY) : ASSIGN.includes(tok.text) ? pick(ASSIGN) : null;
    default: return null;
  }
}

/** Replaces `count` tokens (1 to 3), each with another token of its class. */
export function replaceTokens(src: string, rng: Prng, count = 1 + rng.below(3)): string {
  let text = src;
  for (let k = 0; k < count; k++) {
    const toks = lex(text).tokens.filter((t) => t.kind === 'ident' || t.kind === 'lit' || t.kind === 'punct');
    if (toks.length === 0) break;
    const idents = [...new Set(toks.filter((t) => t.kind === 'ident').map((t) => t.text))];
    const tok = toks[rng.below(toks.length)]!;
    const with_ = replacementFor(tok, idents, rng);
    if (with_ === null) continue;
    text = text.slice(0, tok.span.lo) + with_ + text.slice(tok.span.hi);
  }
  return text;
}
