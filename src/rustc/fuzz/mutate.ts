// Seeded token-level mutations of Rust programs for fuzzing the front end: a token deleted,
// duplicated, or swapped with its neighbour, edited in the source text so everything else
// (comments, spacing) stays as written.
import { lex } from '../lexer/lexer.ts';

/** xorshift32: small, fast and reproducible from a seed. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
  below(n: number): number {
    return this.next() % n;
  }
}

export type Mutation = 'delete' | 'duplicate' | 'swap';

export function mutate(src: string, rng: Prng, count = 1 + rng.below(3)): { source: string; applied: Mutation[] } {
  let text = src;
  const applied: Mutation[] = [];
  for (let k = 0; k < count; k++) {
    const toks = lex(text).tokens.filter((t) => t.kind !== 'eof');
    if (toks.length < 2) break;
    const i = rng.below(toks.length - 1);
    const a = toks[i]!.span;
    const b = toks[i + 1]!.span;
    const op: Mutation = (['delete', 'duplicate', 'swap'] as const)[rng.below(3)]!;
    if (op === 'delete') text = text.slice(0, a.lo) + text.slice(a.hi);
    else if (op === 'duplicate') text = text.slice(0, a.hi) + ' ' + text.slice(a.lo, a.hi) + text.slice(a.hi);
    else text = text.slice(0, a.lo) + text.slice(b.lo, b.hi) + text.slice(a.hi, b.lo) + text.slice(a.lo, a.hi) + text.slice(b.hi);
    applied.push(op);
  }
  return { source: text, applied };
}
