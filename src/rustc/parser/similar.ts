// rustc's guess at a misspelled keyword ("there is a keyword `let` with a similar name"): its
// restricted Damerau-Levenshtein distance with a limit of a third of the word's length, the
// first closest candidate in rustc's keyword order winning.
import type { Edition } from '../lexer/keywords.ts';

/** The keywords rustc uses (strict ones, plus async/await/dyn from 2018), in its symbol order. */
export function usedKeywords(edition: Edition): string[] {
  const always = ['as', 'break', 'const', 'continue', 'crate', 'else', 'enum', 'extern', 'false', 'fn', 'for', 'if', 'impl', 'in', 'let', 'loop', 'match', 'mod', 'move', 'mut', 'pub', 'ref', 'return', 'self', 'Self', 'static', 'struct', 'super', 'trait', 'true', 'type', 'unsafe', 'use', 'where', 'while'];
  return edition === '2015' ? always : [...always, 'async', 'await', 'dyn'];
}

export function editDistance(x: string, y: string, limit: number): number | null {
  let a = [...x];
  let b = [...y];
  if (a.length < b.length) [a, b] = [b, a];
  const minDist = a.length - b.length;
  if (minDist > limit) return null;
  while (b.length > 0 && a[0] === b[0]) {
    a = a.slice(1);
    b = b.slice(1);
  }
  while (b.length > 0 && a[a.length - 1] === b[b.length - 1]) {
    a = a.slice(0, -1);
    b = b.slice(0, -1);
  }
  if (b.length === 0) return minDist <= limit ? minDist : null;
  let prevPrev = new Array<number>(b.length + 1).fill(Number.MAX_SAFE_INTEGER);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j]!, prevPrev[j - 2]! + 1);
    }
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  const d = prev[b.length]!;
  return d <= limit ? d : null;
}

/** rustc's Symbol::find_similar: a keyword this word may be a misspelling of, and whether only its case is wrong. */
export function findSimilarKeyword(word: string, candidates: readonly string[]): { keyword: string; wrongCase: boolean } | null {
  const lower = word.toLowerCase();
  if (candidates.includes(lower)) return { keyword: lower, wrongCase: true };
  const upper = word.toUpperCase();
  const sameLetters = candidates.find((c) => c.toUpperCase() === upper);
  if (sameLetters) return { keyword: sameLetters, wrongCase: false };
  let limit = Math.floor(Math.max([...word].length, 3) / 3);
  let best: string | null = null;
  for (const c of candidates) {
    const d = editDistance(word, c, limit);
    if (d === 0) return { keyword: c, wrongCase: false };
    if (d !== null) {
      limit = d - 1;
      best = c;
    }
  }
  if (best) return { keyword: best, wrongCase: false };
  const sorted = (s: string) => s.split('_').sort().join('_');
  const byWords = candidates.find((c) => sorted(c) === sorted(word));
  return byWords ? { keyword: byWords, wrongCase: false } : null;
}
