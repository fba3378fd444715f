// Content hashes are cache keys: the same parts always give the same key, and different part
// lists (including the same text cut differently) give different keys.
import { describe, expect, it } from 'vitest';
import { contentHash } from './hash.ts';

describe('contentHash', () => {
  it('is 16 hex digits, the same for the same parts', () => {
    expect(contentHash(['core', 'fn f() {}'])).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash(['core', 'fn f() {}'])).toBe(contentHash(['core', 'fn f() {}']));
  });

  it('tells part boundaries, empty parts and one changed character apart', () => {
    const keys = [[], [''], ['', ''], ['ab'], ['a', 'b'], ['', 'ab'], ['ab', ''], ['fn f() { 1 }'], ['fn f() { 2 }'], ['é'], ['e']].map(contentHash);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives no two of 100 000 small inputs the same key', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      keys.add(contentHash([String(i)]));
      keys.add(contentHash(['x', i.toString(36)]));
    }
    expect(keys.size).toBe(100_000);
  });
});
