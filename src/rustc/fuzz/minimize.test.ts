import { describe, expect, it } from 'vitest';
import { lex } from '../lexer/lexer.ts';
import { minimizeSource } from './minimize.ts';
import { fuzzSeeds } from './seeds.ts';

describe('minimizeSource', () => {
  it('shrinks a program to the tokens the failure needs', () => {
    const post = fuzzSeeds().find((s) => s.name.endsWith('02_post_hello.rs'))!;
    // A stand-in failure: "the program still has `offset` followed later by `0xb`".
    const fails = (src: string) => /offset[^]*0xb\b/.test(src);
    expect(fails(post.source)).toBe(true);
    const small = minimizeSource(post.source, fails);
    expect(fails(small)).toBe(true);
    expect(lex(small).tokens.filter((t) => t.kind !== 'eof').map((t) => small.slice(t.span.lo, t.span.hi))).toEqual(['offset', '0xb']);
  });

  it('gives the program back when nothing can go', () => {
    expect(minimizeSource('fn f() {}', () => false)).toBe('fn f() {}');
  });
});
