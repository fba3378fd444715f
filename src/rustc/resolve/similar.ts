// rustc's guess at a misspelled name ("a function with a similar name exists"): a
// case-insensitive exact match first, else the closest name within an edit distance of a third
// of the word's length (rustc's find_best_match_for_name, without its word-sorting pass).
import { editDistance } from '../parser/similar.ts';
import type { Cx } from './cx.ts';
import type { ModScope, Namespace } from './scope.ts';
import { builtinsOf } from './builtin-paths.ts';
import type { Res } from './scope.ts';

export function bestMatch(lookup: string, candidates: readonly string[]): string | undefined {
  const lower = lookup.toLowerCase();
  const exactCase = candidates.find((c) => c !== lookup && c.toLowerCase() === lower);
  if (exactCase) return exactCase;
  const limit = Math.floor(Math.max(lookup.length, 3) / 3);
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    if (c === lookup) continue;
    const d = editDistance(lookup, c, limit);
    if (d !== null && d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  return best;
}

/** Names a module offers in a namespace (its own items and imports, or an extern module's public ones). */
export function namesIn(_cx: Cx, res: Res, ns: Namespace): { name: string; res?: Res; span?: ModScope['def']['span'] }[] {
  if (res.kind !== 'mod' && res.kind !== 'crate') return [];
  const out: { name: string; res?: Res; span?: ModScope['def']['span'] }[] = [];
  if (res.kind === 'mod' && res.scope) {
    const map = ns === 'type' ? res.scope.types : ns === 'value' ? res.scope.values : res.scope.macros;
    for (const [name, b] of map) out.push({ name, res: b.res, span: b.span });
  } else {
    const def = res.kind === 'crate' ? res.crate.root : res.def;
    const map: Map<string, { span: ModScope['def']['span'] }> = ns === 'type' ? def.types : def.values;
    for (const [name, d] of map) out.push({ name, span: d.span });
  }
  const def = res.kind === 'crate' ? res.crate.root : res.def;
  if (ns !== 'type') for (const b of builtinsOf(def.crate, def.path)) if (!!b.macro === (ns === 'macro')) out.push({ name: b.name });
  return out;
}
