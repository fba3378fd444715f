// Reading the attributes the subset gives meaning to: `#[no_mangle]`, `#[panic_handler]`,
// `#[repr(…)]`, `#[derive(…)]`, `#[lang = "…"]`, `#[rustc_intrinsic]`, `#![no_main]`.
import type * as ast from '../ast/ast.ts';

export function attrName(a: ast.Attribute): string {
  return a.path.segments.map((s) => s.ident.name).join('::');
}

export function hasAttr(attrs: readonly ast.Attribute[], name: string): boolean {
  return attrs.some((a) => a.doc === undefined && attrName(a) === name);
}

export function findAttr(attrs: readonly ast.Attribute[], name: string): ast.Attribute | undefined {
  return attrs.find((a) => a.doc === undefined && attrName(a) === name);
}

/** Identifiers inside `#[name(a, b, c)]`. */
export function attrListIdents(a: ast.Attribute): string[] {
  const g = a.tts[0];
  if (!g || !('delim' in g) || g.kind !== 'group') return [];
  const out: string[] = [];
  for (const t of g.tts) if (t.kind === 'ident') out.push(t.text);
  return out;
}

/** The string of `#[name = "value"]`. */
export function attrValue(a: ast.Attribute): string | undefined {
  for (const t of a.tts) if (t.kind === 'lit' && 'lit' in t && t.lit) return t.lit.value;
  return undefined;
}

export function isPub(vis: ast.Visibility): boolean {
  return vis.kind !== 'inherited';
}
