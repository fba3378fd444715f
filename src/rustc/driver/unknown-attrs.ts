// "cannot find attribute `x` in this scope" for attributes on items, fields, statements, arms
// and parameters, and "cannot find macro `x` in this scope" for macros a `no_std` crate does not
// have (`println!`, `vec!`, `format!`, an `asm!` not imported, a misspelled `panic!`), in the order rustc 1.95 reports them (found by experiment, see the tests):
// when a crate-level attribute is itself unknown, everything comes in source order; otherwise
// the crate's items are visited last to first (rustc's expansion queue is a stack), each item's
// own attributes first, then its contents — an inline module's items in order, a struct's fields
// and a body's statements last to first.
import type { Attribute, Crate, Item, MacCall, UseTree } from '../ast/ast.ts';
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { editDistance } from '../parser/similar.ts';
import { shrinkToLo } from '../span/span.ts';
import { BUILTIN_ATTRIBUTES, unknownAttribute } from './crate-attrs.ts';

/** The macros a `no_std` crate can name without importing them (core's prelude and the built-in ones, 2018+). */
const PRELUDE_MACROS = [
  'assert', 'assert_eq', 'assert_ne', 'cfg', 'column', 'compile_error', 'concat', 'debug_assert', 'debug_assert_eq',
  'debug_assert_ne', 'env', 'file', 'format_args', 'include', 'include_bytes', 'include_str', 'line', 'matches',
  'module_path', 'option_env', 'panic', 'stringify', 'todo', 'unimplemented', 'unreachable', 'write', 'writeln',
  'const_format_args', 'concat_idents', 'trace_macros', 'log_syntax', 'format_args_nl',
];

/** The derive macros of core's prelude. */
const BUILTIN_DERIVES = ['Clone', 'Copy', 'Debug', 'Default', 'Eq', 'Hash', 'Ord', 'PartialEq', 'PartialOrd'];

/** Macros of `core` that must be imported, and the path rustc's "consider importing" help gives. */
const IMPORTABLE: Readonly<Record<string, string>> = {
  asm: 'core::arch::asm', global_asm: 'core::arch::global_asm', naked_asm: 'core::arch::naked_asm',
  addr_of: 'core::ptr::addr_of', addr_of_mut: 'core::ptr::addr_of_mut',
};

/** Names a `use` item brings in (the last segment or the rename), for macros imported by name. */
function useNames(tree: UseTree, out: Set<string>): void {
  if (tree.kind === 'simple') out.add(tree.rename?.name ?? tree.prefix.segments[tree.prefix.segments.length - 1]?.ident.name ?? '');
  else if (tree.kind === 'nested') for (const t of tree.trees) useNames(t, out);
}

/** Everything a crate defines or imports that a one-segment macro path may name. */
function macroScope(crate: Crate): { names: Set<string>; globs: boolean } {
  const names = new Set(PRELUDE_MACROS);
  let globs = false;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.kind === 'macroRules' && typeof o.ident === 'object') names.add((o.ident as { name: string }).name);
    if (o.kind === 'use' && typeof o.tree === 'object') {
      const tree = o.tree as UseTree;
      useNames(tree, names);
      if (JSON.stringify(tree).includes('"glob"')) globs = true;
    }
    for (const key in o) if (key !== 'span' && key !== 'tts') visit(o[key]);
  };
  visit(crate.items);
  return { names, globs };
}

/** rustc's guess at a misspelled macro among the prelude's (or its derives). */
function similarMacro(name: string, candidates: readonly string[] = PRELUDE_MACROS): string | undefined {
  let limit = Math.floor(Math.max(name.length, 3) / 3);
  let best: string | undefined;
  for (const c of candidates) {
    const d = editDistance(name, c, limit);
    if (d === 0) return c;
    if (d !== null) {
      limit = d - 1;
      best = c;
    }
  }
  return best;
}

function hasAttrs(x: unknown): x is { attrs: Attribute[] } {
  return typeof x === 'object' && x !== null && Array.isArray((x as { attrs?: unknown }).attrs);
}

const SKIP_KEYS = new Set(['span', 'tts', 'attrs', 'innerAttrs', 'lit', 'open', 'close', 'ident', 'path']);

class Walker {
  readonly found: Diagnostic[] = [];
  constructor(private readonly sourceOrder: boolean, private readonly crate: Crate, private readonly scope: { names: Set<string>; globs: boolean }) {}

  private macro(mac: MacCall): void {
    if (mac.path.segments.length !== 1 || this.scope.globs) return;
    const name = mac.path.segments[0]!.ident.name;
    if (this.scope.names.has(name)) return;
    const d = error(`cannot find macro \`${name}\` in this scope`).primary(mac.path.span);
    const importable = IMPORTABLE[name];
    const similar = similarMacro(name);
    if (importable) {
      const firstUse = this.crate.items.find((i) => i.kind === 'use') ?? this.crate.items[0];
      if (firstUse) d.suggest(shrinkToLo(firstUse.span), 'consider importing this macro', `use ${importable};\n`, 'verbose', 'MaybeIncorrect');
    } else if (similar) {
      d.suggest(mac.path.span, 'a macro with a similar name exists', similar, 'verbose', 'MaybeIncorrect');
    }
    this.found.push(d.build());
  }

  private own(attrs: readonly Attribute[]): void {
    for (const a of attrs) {
      const d = unknownAttribute(a);
      if (d) this.found.push(d);
      if (a.doc === undefined && a.path.segments.length === 1 && a.path.segments[0]!.ident.name === 'derive') this.derives(a);
    }
  }

  /** `#[derive(Name)]` with a name that is not one of core's derive macros. */
  private derives(a: Attribute): void {
    const group = a.tts[0];
    if (!group || group.kind !== 'group') return;
    for (const t of group.tts) {
      if (t.kind !== 'ident' || BUILTIN_DERIVES.includes(t.text) || this.scope.names.has(t.text)) continue;
      const d = error(`cannot find derive macro \`${t.text}\` in this scope`).primary(t.span);
      const similar = similarMacro(t.text, BUILTIN_DERIVES);
      if (similar) d.suggest(t.span, 'a derive macro with a similar name exists', similar, 'verbose', 'MaybeIncorrect');
      this.found.push(d.build());
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
    const mac = o.mac as MacCall | undefined;
    if (mac && typeof mac === 'object' && mac.path) {
      this.macro(mac);
      return;
    }
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

/**
 * Whether the source texts may hold an unknown attribute or macro name at all: every `#[name`
 * and `name!(` in them is a built-in one (and no cfg_attr hides a name) in most crates, and
 * then the tree walk, slow on big files, is not needed. Names in comments only make it walk.
 */
function mayHaveUnknown(texts: readonly string[]): boolean {
  for (const t of texts) {
    if (t.includes('cfg_attr')) return true;
    for (const m of t.matchAll(/#!?\[\s*(\w+)/g)) if (!BUILTIN_ATTRIBUTES.includes(m[1]!) && !m[1]!.startsWith('rustc_')) return true;
    for (const m of t.matchAll(/\b(\w+)\s*!\s*[([{]/g)) if (!PRELUDE_MACROS.includes(m[1]!)) return true;
    for (const m of t.matchAll(/#\[\s*derive\s*\(([^)]*)\)/g)) {
      if (m[1]!.split(',').map((x) => x.trim()).some((x) => x !== '' && !BUILTIN_DERIVES.includes(x))) return true;
    }
  }
  return false;
}

/**
 * Unknown attributes and macros below the crate root, in rustc's order (`crateAttrUnknown`: a
 * crate attribute was unknown too). Macros reached through a glob import are not judged.
 */
export function unknownAttributes(crate: Crate, crateAttrUnknown: boolean, texts: readonly string[]): Diagnostic[] {
  if (!mayHaveUnknown(texts)) return [];
  const w = new Walker(crateAttrUnknown, crate, macroScope(crate));
  w.items(crate.items, !crateAttrUnknown);
  return w.found;
}
