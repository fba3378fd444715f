// "cannot find attribute `x` in this scope" for attributes on items, fields, statements, arms
// and parameters, in the order rustc 1.95 reports them (found by experiment, see the tests):
// when a crate-level attribute is itself unknown, everything comes in source order; otherwise
// the crate's items are visited last to first (rustc's expansion queue is a stack), each item's
// own attributes first, then its contents — an inline module's items in order, a struct's fields
// and a body's statements last to first.
import type { Attribute, Crate, Item } from '../ast/ast.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { unknownAttribute } from './crate-attrs.ts';

function hasAttrs(x: unknown): x is { attrs: Attribute[] } {
  return typeof x === 'object' && x !== null && Array.isArray((x as { attrs?: unknown }).attrs);
}

const SKIP_KEYS = new Set(['span', 'tts', 'attrs', 'innerAttrs', 'lit', 'open', 'close', 'ident', 'path']);

class Walker {
  readonly found: Diagnostic[] = [];
  constructor(private readonly sourceOrder: boolean) {}

  private own(attrs: readonly Attribute[]): void {
    for (const a of attrs) {
      const d = unknownAttribute(a);
      if (d) this.found.push(d);
    }
  }

  /** An attribute-carrying node: its attributes, then what it contains. */
  node(n: { attrs: Attribute[] }): void {
    this.own(n.attrs);
    this.contents(n);
  }

  /** Items of a module: in order (an inline module's items come in order in both cases). */
  items(items: readonly Item[], reverse: boolean): void {
    const list = reverse ? [...items].reverse() : items;
    for (const item of list) this.node(item);
  }

  contents(node: unknown): void {
    if (Array.isArray(node)) {
      const list = !this.sourceOrder && node.some(hasAttrs) ? [...node].reverse() : node;
      for (const el of list) {
        if (hasAttrs(el)) this.node(el);
        else this.contents(el);
      }
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    const items = o.kind === 'mod' ? o.items : undefined;
    if (Array.isArray(items)) {
      this.items(items as Item[], false);
      return;
    }
    for (const key in o) {
      const value = o[key];
      if (typeof value !== 'object' || value === null || SKIP_KEYS.has(key)) continue;
      this.contents(value);
    }
  }
}

/** Unknown attributes below the crate root, in rustc's order (`crateAttrUnknown`: a crate attribute was unknown too). */
export function unknownAttributes(crate: Crate, crateAttrUnknown: boolean): Diagnostic[] {
  const w = new Walker(crateAttrUnknown);
  w.items(crate.items, !crateAttrUnknown);
  return w.found;
}
