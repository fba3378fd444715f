// A span-free copy of a syntax tree, for comparing trees parsed from different text (the
// printer's round trip) — tokens keep only what they mean: kind, text, literal and doc text.
export function stripSpans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripSpans);
  if (node === null || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  if ('joint' in o && 'span' in o && typeof o.kind === 'string') {
    // A token inside a token tree.
    const t: Record<string, unknown> = { kind: o.kind, text: o.text };
    if (o.raw) t.raw = true;
    if (o.lit) {
      const lit = o.lit as Record<string, unknown>;
      t.lit = { kind: lit.kind, symbol: lit.symbol, suffix: lit.suffix };
      t.text = String(lit.symbol) + String(lit.suffix);
    }
    if (o.doc) t.doc = o.doc;
    return t;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'span' || k === 'open' || k === 'close') continue;
    if (v === undefined) continue;
    out[k] = stripSpans(v);
  }
  return out;
}
