// Resolving a path written in the source (`foo`, `crate::vga::Color::Red`, `core::ptr::null`,
// `Self::new`, `u8::MAX`) in a namespace, with rustc's messages when a segment is missing
// (E0425, E0412, E0433, E0599, `cannot find macro`).
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import type { Cx } from './cx.ts';
import { lookupLexical, memberOf } from './lookup.ts';
import { bestMatch, namesIn } from './similar.ts';
import { type ModScope, moduleOf, type Namespace, type Res } from './scope.ts';

export interface Seg {
  name: string;
  span: Span;
}

/** What is being looked for, in rustc's words ("cannot find function `f` in this scope"). */
export type Wanted = 'value' | 'function' | 'type' | 'struct' | 'tupleStruct' | 'unitStruct' | 'macro' | 'module';

const WANTED: Record<Wanted, { word: string; code: string }> = {
  value: { word: 'value', code: 'E0425' },
  function: { word: 'function', code: 'E0425' },
  type: { word: 'type', code: 'E0425' },
  struct: { word: 'struct, variant or union type', code: 'E0422' },
  tupleStruct: { word: 'tuple struct or tuple variant', code: 'E0531' },
  unitStruct: { word: 'unit struct, unit variant or constant', code: 'E0531' },
  macro: { word: 'macro', code: '' },
  module: { word: 'module', code: 'E0433' },
};

export interface ResolveCtx {
  scope: ModScope;
  /** What `Self` names (inside an impl block). */
  selfRes?: Res;
  /** Report failures (false when probing). */
  report?: boolean;
  /** Report private items even when probing (default: as `report`). */
  privacy?: boolean;
}

export function segsOf(path: ast.Path): Seg[] {
  return path.segments.map((s) => ({ name: s.ident.name, span: s.ident.span }));
}

/** How rustc names what a path resolved to, in "in module `x`" and friends. */
export function resKindWord(r: Res): string {
  switch (r.kind) {
    case 'mod': return 'module';
    case 'crate': return 'crate';
    case 'adt': return r.def.adtKind;
    case 'prim': return 'builtin type';
    default: return 'item';
  }
}

function firstSegment(cx: Cx, ctx: ResolveCtx, seg: Seg, ns: Namespace, global: boolean): Res | undefined {
  if (global) {
    const c = cx.extern(seg.name);
    return c ? { kind: 'crate', crate: c } : undefined;
  }
  const mod = moduleOf(ctx.scope);
  switch (seg.name) {
    case 'crate': return { kind: 'mod', def: cx.root.def, scope: cx.root };
    case 'self': return ns === 'value' ? undefined : { kind: 'mod', def: mod.def, scope: mod };
    case 'super': return mod.parent ? { kind: 'mod', def: moduleOf(mod.parent).def, scope: moduleOf(mod.parent) } : undefined;
    case 'Self':
      if (ns === 'type') return ctx.selfRes;
      return ctx.selfRes?.kind === 'adt' && ctx.selfRes.def.adtKind === 'struct' && ctx.selfRes.def.structKind !== 'named' ? { kind: 'ctor', def: ctx.selfRes.def } : undefined;
  }
  return lookupLexical(cx, ctx.scope, seg.name, ns);
}

/**
 * Resolves `segs` in `ns` (the last segment's namespace; earlier ones are in the type
 * namespace). Reports rustc's error and returns undefined when a segment is missing.
 */
export function resolveSegs(cx: Cx, ctx: ResolveCtx, segs: readonly Seg[], global: boolean, ns: Namespace, wanted: Wanted): Res | undefined {
  const n = segs.length;
  const report = ctx.report !== false;
  let cur = firstSegment(cx, ctx, segs[0]!, n === 1 ? ns : 'type', global);
  if (!cur) {
    if (report) reportMissing(cx, segs, 0, undefined, ns, wanted, global);
    return undefined;
  }
  for (let i = 1; i < n; i++) {
    if (cur.kind === 'unsupported') break;
    const segNs: Namespace = i === n - 1 ? ns : 'type';
    const next: Res | undefined = memberOf(cx, cur, segs[i]!.name, segNs);
    if (!next) {
      if (report) reportMissing(cx, segs, i, cur, ns, wanted, global);
      return undefined;
    }
    if ((ctx.privacy ?? report) && cur.kind === 'mod' && cur.scope) checkPrivacy(cx, ctx.scope, cur.scope, segs[i]!, segNs);
    cur = next;
  }
  if (cur.kind === 'unsupported') {
    // A refused item of this crate was reported where it is declared: its uses stay quiet.
    if (report && !cur.silent) cx.unsupported(cur.what, { lo: segs[0]!.span.lo, hi: segs[n - 1]!.span.hi });
    return undefined;
  }
  return cur;
}

/** Whether code in `from` may see the private items of module `owner` (it is inside it). */
export function canSeePrivate(from: ModScope, owner: ModScope): boolean {
  const target = moduleOf(owner);
  for (let s: ModScope | undefined = moduleOf(from); s; s = s.parent ? moduleOf(s.parent) : undefined) if (s === target) return true;
  return false;
}

const RES_WORD: Partial<Record<Res['kind'], string>> = { fn: 'function', static: 'static', const: 'constant', mod: 'module', adt: 'struct', ctor: 'struct' };

/** rustc's E0603 for a private item named through its module from outside it. */
function checkPrivacy(cx: Cx, from: ModScope, owner: ModScope, seg: Seg, ns: Namespace): void {
  const b = (ns === 'type' ? owner.types : ns === 'value' ? owner.values : owner.macros).get(seg.name);
  if (!b || b.pub || canSeePrivate(from, owner)) return;
  let word = RES_WORD[b.res.kind] ?? 'item';
  if (b.res.kind === 'adt') word = b.res.def.adtKind;
  if (b.res.kind === 'ctor') word = b.res.def.structKind === 'unit' ? 'unit struct' : 'tuple struct';
  cx.emit(error(`${word} \`${seg.name}\` is private`, 'E0603').primary(seg.span, `private ${word}`).spanNote(b.span, `the ${word} \`${seg.name}\` is defined here`));
}

function pathText(segs: readonly Seg[], upTo: number): string {
  return segs.slice(0, upTo).map((s) => s.name).join('::');
}

function isUpper(name: string): boolean {
  return /^[A-Z]/.test(name);
}

function reportMissing(cx: Cx, segs: readonly Seg[], i: number, parent: Res | undefined, ns: Namespace, wanted: Wanted, global: boolean): void {
  const seg = segs[i]!;
  const last = i === segs.length - 1;
  const w = WANTED[wanted];
  if (last && ns === 'macro') {
    cx.emit(error(`cannot find macro \`${seg.name}\` in this scope`).primary(seg.span));
    return;
  }
  if (!parent) {
    if (last && segs.length === 1) {
      cx.emit(error(`cannot find ${w.word} \`${seg.name}\` in this scope`, w.code).primary(seg.span, 'not found in this scope'));
      return;
    }
    if (global) {
      cx.emit(error(`cannot find \`${seg.name}\` in the crate root`, 'E0433').primary(seg.span, `could not find \`${seg.name}\` in the list of imported crates`));
      return;
    }
    if (isUpper(seg.name)) {
      cx.emit(error(`cannot find type \`${seg.name}\` in this scope`, 'E0433').primary(seg.span, `use of undeclared type \`${seg.name}\``));
      return;
    }
    cx.emit(
      error(`cannot find module or crate \`${seg.name}\` in this scope`, 'E0433')
        .primary(seg.span, `use of unresolved module or unlinked crate \`${seg.name}\``)
        .help(`you might be missing a crate named \`${seg.name}\``),
    );
    return;
  }
  const parentText = pathText(segs, i);
  if (parent.kind === 'adt' || parent.kind === 'prim') {
    if (!last || ns !== 'value') {
      cx.emit(error(`cannot find \`${seg.name}\` in \`${parentText}\``, 'E0433').primary(seg.span, `\`${parentText}\` is ${parent.kind === 'prim' ? 'a builtin type' : parent.def.adtKind === 'enum' ? 'an enum' : 'a struct'}, not a module`));
      return;
    }
    const isEnum = parent.kind === 'adt' && parent.def.adtKind === 'enum';
    const itemWord = isEnum ? 'variant or associated item' : wanted === 'function' ? 'function or associated item' : 'associated item';
    const typeName = parent.kind === 'prim' ? parent.name : parent.def.name;
    const kindWord = parent.kind === 'prim' ? `type \`${typeName}\`` : `${parent.def.adtKind} \`${typeName}\``;
    const d = error(`no ${itemWord} named \`${seg.name}\` found for ${kindWord} in the current scope`, 'E0599');
    if (parent.kind === 'adt' && parent.def.crate === cx.crateName) {
      const header = adtHeaderSpan(cx, parent.def.span, parent.def.adtKind);
      d.secondary(header, `${itemWord} \`${seg.name}\` not found for this ${parent.def.adtKind}`);
    }
    cx.emit(d.primary(seg.span, `${itemWord} not found in \`${typeName}\``));
    return;
  }
  if (last) {
    const d = error(`cannot find ${w.word} \`${seg.name}\` in ${resKindWord(parent)} \`${parentText}\``, w.code);
    const candidates = namesIn(cx, parent, ns).filter((c) => ns !== 'value' || wanted !== 'function' || !c.res || c.res.kind === 'fn' || c.res.kind === 'builtin');
    const similar = bestMatch(seg.name, candidates.map((c) => c.name));
    if (similar) {
      const c = candidates.find((x) => x.name === similar)!;
      const kind = !c.res || c.res.kind === 'fn' || c.res.kind === 'builtin' ? 'function' : c.res.kind === 'const' ? 'constant' : c.res.kind === 'static' ? 'static' : 'item';
      d.primary(seg.span);
      if (c.span && c.res) d.secondary(c.span, `similarly named ${kind} \`${similar}\` defined here`);
      else d.note(`similarly named ${kind} \`${similar}\` defined here`);
      d.suggest(seg.span, `a ${kind} with a similar name exists`, similar, 'verbose', 'MaybeIncorrect');
    } else d.primary(seg.span, `not found in \`${parentText}\``);
    cx.emit(d);
    return;
  }
  const what = `could not find \`${seg.name}\` in \`${parentText}\``;
  cx.emit(error(`cannot find \`${seg.name}\` in \`${parentText}\``, 'E0433').primary(seg.span, what));
}

/** `struct Foo` / `enum Color`: the item's keyword and name, where rustc puts "… not found for this struct". */
export function adtHeaderSpan(cx: Cx, ident: Span, kw: string): Span {
  const before = cx.snippet({ lo: Math.max(0, ident.lo - kw.length - 1), hi: ident.lo });
  return before === `${kw} ` ? { lo: ident.lo - kw.length - 1, hi: ident.hi } : ident;
}
