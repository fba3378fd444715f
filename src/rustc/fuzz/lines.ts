// Line-level mutations: a line deleted, duplicated, or swapped with the next one, 1 to 3 times.
// Whole statements and items move together, so the syntax mostly stays valid while the meaning
// changes: a variable used before its `let`, a value used after a move, an item defined twice,
// a `loop {}` gone from a `-> !` function. These reach name resolution, type checking and the
// borrow checker more often than token edits do.
import type { Prng } from './mutate.ts';

export function mutateLines(src: string, rng: Prng, count = 1 + rng.below(3)): string {
  const lines = src.split('\n');
  for (let k = 0; k < count && lines.length > 2; k++) {
    const i = rng.below(lines.length - 1);
    switch (rng.below(3)) {
      case 0: lines.splice(i, 1); break;
      case 1: lines.splice(i, 0, lines[i]!); break;
      default: [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
    }
  }
  return lines.join('\n');
}
