// Whatever a learner types, the checks answer with diagnostics inside the file — never a throw,
// never a position outside the text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Vfs } from '../vfs.ts';
import { validateProject } from './project.ts';

const START = 'content/01-how-a-pc-boots/start/';
const FILES = ['Cargo.toml', 'rust-toolchain', 'x86_64-blog_os.json', '.cargo/config.toml'];
const original = Object.fromEntries(FILES.map((f) => [f, readFileSync(START + f, 'utf8')]));

/** A small deterministic generator (xorshift), so failures are reproducible. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

const SNIPPETS = ['"', "'", '[', ']', '{', '}', ',', '=', ':', '\n', '#', '//', '\\', 'cfg(', ')', '"64"', ' ', '\t', '.', '[[bin]]', 'é', '\u0000', '1e999', '-', '+'];

function mutate(text: string, r: () => number): string {
  let t = text;
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (t.length + 1));
    const kind = r();
    if (kind < 0.4) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 6));
    else if (kind < 0.8) t = t.slice(0, at) + SNIPPETS[Math.floor(r() * SNIPPETS.length)] + t.slice(at);
    else {
      const from = Math.floor(r() * t.length);
      t = t.slice(0, at) + t.slice(from, from + Math.floor(r() * 20)) + t.slice(at);
    }
  }
  return t;
}

describe('checks on damaged files', () => {
  it('never throw and keep every range inside its file', () => {
    const r = rng(20261125);
    for (let round = 0; round < 600; round++) {
      const files = { ...original };
      const victim = FILES[round % FILES.length]!;
      files[victim] = mutate(files[victim]!, r);
      const vfs = Vfs.from(files);
      const result = validateProject(vfs);
      for (const [path, list] of result) {
        const len = vfs.readText(path).length;
        for (const d of list) {
          expect(d.start, `${path} round ${round}`).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeGreaterThanOrEqual(d.start);
          expect(d.end).toBeLessThanOrEqual(len);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('skip files far larger than any real configuration, saying so', () => {
    const vfs = Vfs.from({ ...original, 'x86_64-blog_os.json': '[' + '1,'.repeat(200_000) + '1]' });
    const d = validateProject(vfs).get('x86_64-blog_os.json')!;
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toMatch(/too large to check/);
  });

  it('cope with empty and odd files', () => {
    for (const text of ['', ' ', '\n\n', '{}', '[]', 'null', '"x"', '[a]\n[a]\n', 'a.b.c = 1\na.b = 2', '\ufeff{}']) {
      const vfs = Vfs.from(Object.fromEntries(FILES.map((f) => [f, text])));
      expect(() => validateProject(vfs)).not.toThrow();
    }
  });
});
