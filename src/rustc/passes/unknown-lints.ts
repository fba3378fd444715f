// unknown_lints: a level attribute naming no lint rustc knows (`#[allow(unused_varibles)]`),
// with rustc's "did you mean" when a known name is close.
import { warning } from '../diagnostics/diagnostic.ts';
import { findSimilarKeyword } from '../parser/similar.ts';
import type { PassContext } from './context.ts';
import { RUSTC_LINT_NAMES } from './known-lints.ts';
import type { LevelEntry } from './lint-levels.ts';

const KNOWN: ReadonlySet<string> = new Set(RUSTC_LINT_NAMES);

export function unknownLints(ctx: PassContext, entries: readonly LevelEntry[]): void {
  const sorted = [...entries].sort((a, b) => a.nameSpan.lo - b.nameSpan.lo);
  for (const e of sorted) {
    if (KNOWN.has(e.name)) continue;
    const d = warning(`unknown lint: \`${e.name}\``).primary(e.nameSpan);
    const similar = findSimilarKeyword(e.name, RUSTC_LINT_NAMES);
    if (similar) d.suggest(e.nameSpan, 'did you mean', similar.keyword, 'inline', 'MaybeIncorrect');
    ctx.lints.emit('unknown_lints', e.nameSpan, d);
  }
}
