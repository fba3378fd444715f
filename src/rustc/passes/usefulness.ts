// Pattern usefulness, the algorithm behind exhaustiveness (E0004, E0005) and unreachable
// patterns: a pattern row is useful against a matrix of earlier rows if some value matches it
// and none of them; the values no row matches are "witnesses", printed as rustc prints them
// (`6_u8..=u8::MAX`, `i32::MIN..=0_i32`, `'\0'..='`'`, `Color::Green`, `(false, false)`).
// Integers, bool and char are ranges over their values, split at the borders the rows use.
import type { AdtDef } from '../thir/defs.ts';
import type { Pat } from '../thir/thir.ts';
import { INT_TYS, printTy, type IntTy, type Ty } from '../thir/ty.ts';

export type Ctor =
  | { kind: 'range'; lo: bigint; hi: bigint }
  | { kind: 'variant'; index: number }
  /** The one constructor of a tuple, struct or reference. */
  | { kind: 'single' }
  /** A value of a type with too many values to list (a `&str` literal): covers only itself. */
  | { kind: 'opaque'; key: string };

/** A pattern reduced to constructors and sub-patterns; `ctor` undefined is a wildcard. */
export interface DPat {
  readonly ctor?: Ctor;
  readonly fields: readonly DPat[];
  readonly ty: Ty;
}

export interface Witness {
  readonly ctor?: Ctor;
  readonly fields: readonly Witness[];
  readonly ty: Ty;
}

const WILD = (ty: Ty): DPat => ({ fields: [], ty });

function intBounds(i: IntTy): [bigint, bigint] {
  const bits = BigInt(i === 'isize' || i === 'usize' ? 64 : Number(i.slice(1)));
  return i[0] === 'i' ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
}

/** The value ranges a type's values fall in, or undefined for types not matched by ranges. */
function rangeUniverse(ty: Ty): Array<[bigint, bigint]> | undefined {
  if (ty.kind === 'int' && INT_TYS.includes(ty.int)) {
    // usize/isize have no fixed bounds for matching: one value beyond each unfixed end stands
    // for "the rest", which only a half-open range (`10..`) covers.
    const [lo, hi] = intBounds(ty.int);
    if (ty.int === 'usize') return [[lo, hi + 1n]];
    if (ty.int === 'isize') return [[lo - 1n, hi + 1n]];
    return [[lo, hi]];
  }
  if (ty.kind === 'bool') return [[0n, 1n]];
  if (ty.kind === 'char') return [[0n, 0xd7ffn], [0xe000n, 0x10ffffn]];
  return undefined;
}

/** Sub-field types under a constructor. */
function fieldTys(ty: Ty, ctor: Ctor): Ty[] {
  if (ctor.kind !== 'single') return [];
  if (ty.kind === 'tuple') return [...ty.elems];
  if (ty.kind === 'ref') return [ty.to];
  if (ty.kind === 'adt') return ty.def.fields.map((f) => f.ty);
  return [];
}

/** Reduces a typed pattern to alternatives of constructors (or-patterns give several). */
/** Whether a range pattern was written half-open (`10..`, `..=5`), which lowering may not show. */
export type HalfOpen = (p: Pat) => { noLo: boolean; noHi: boolean };

export function lowerPat(p: Pat, halfOpen?: HalfOpen): DPat[] {
  const sub = (q: Pat): DPat[] => lowerPat(q, halfOpen);
  switch (p.kind) {
    case 'wild':
      return [WILD(p.ty)];
    case 'binding':
      return p.sub ? sub(p.sub) : [WILD(p.ty)];
    case 'const': {
      const v = p.value;
      if (v.kind === 'scalar') return [{ ctor: { kind: 'range', lo: v.value, hi: v.value }, fields: [], ty: p.ty }];
      if (v.kind === 'variant') return [{ ctor: { kind: 'variant', index: v.index }, fields: [], ty: p.ty }];
      return [{ ctor: { kind: 'opaque', key: JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x instanceof Uint8Array ? [...x] : x)) }, fields: [], ty: p.ty }];
    }
    case 'range': {
      if (p.lo.kind !== 'scalar' || p.hi.kind !== 'scalar') return [WILD(p.ty)];
      let hi = p.inclusive ? p.hi.value : p.hi.value - 1n;
      let lo = p.lo.value;
      const open = halfOpen?.(p);
      const u = rangeUniverse(p.ty);
      if (open && u) {
        if (open.noHi) hi = u[u.length - 1]![1];
        if (open.noLo) lo = u[0]![0];
      }
      if (hi < lo) return [];
      return [{ ctor: { kind: 'range', lo, hi }, fields: [], ty: p.ty }];
    }
    case 'variant':
      return [{ ctor: { kind: 'variant', index: p.index }, fields: [], ty: p.ty }];
    case 'tuple':
      return product(p.elems.map(sub)).map((fields) => ({ ctor: { kind: 'single' }, fields, ty: p.ty }));
    case 'struct': {
      const tys = p.ty.kind === 'adt' ? p.ty.def.fields.map((f) => f.ty) : [];
      const cols = tys.map((t, i) => {
        const f = p.fields.find((x) => x.index === i);
        return f ? sub(f.pat) : [WILD(t)];
      });
      return product(cols).map((fields) => ({ ctor: { kind: 'single' }, fields, ty: p.ty }));
    }
    case 'deref':
      return sub(p.pat).map((q) => ({ ctor: { kind: 'single' }, fields: [q], ty: p.ty }));
    case 'or':
      return p.alts.flatMap(sub);
  }
}

function product<T>(cols: T[][]): T[][] {
  let acc: T[][] = [[]];
  for (const c of cols) acc = acc.flatMap((a) => c.map((x) => [...a, x]));
  return acc;
}

/** The constructors of `ty` to try, split so that each is wholly in or out of every head in `heads`. */
function splitCtors(ty: Ty, heads: readonly Ctor[]): { present: Ctor[]; missing: Ctor[] } {
  const ranges = rangeUniverse(ty);
  if (ranges) {
    const headRanges = heads.filter((c): c is Ctor & { kind: 'range' } => c.kind === 'range');
    const present: Ctor[] = [];
    const missing: Ctor[] = [];
    for (const [ulo, uhi] of ranges) {
      const cuts = new Set<bigint>([ulo, uhi + 1n]);
      for (const r of headRanges) {
        if (r.lo > ulo && r.lo <= uhi) cuts.add(r.lo);
        if (r.hi + 1n > ulo && r.hi + 1n <= uhi) cuts.add(r.hi + 1n);
      }
      const pts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      let prevMissing = false;
      for (let i = 0; i + 1 < pts.length; i++) {
        const piece = { kind: 'range' as const, lo: pts[i]!, hi: pts[i + 1]! - 1n };
        if (headRanges.some((r) => r.lo <= piece.lo && piece.hi <= r.hi)) {
          present.push(piece);
          prevMissing = false;
        } else if (prevMissing) {
          // Adjacent missing pieces are one missing range, as rustc prints them.
          const last = missing[missing.length - 1] as Ctor & { kind: 'range' };
          missing[missing.length - 1] = { kind: 'range', lo: last.lo, hi: piece.hi };
        } else {
          missing.push(piece);
          prevMissing = true;
        }
      }
    }
    return { present, missing };
  }
  if (ty.kind === 'adt' && ty.def.adtKind === 'enum') {
    const used = new Set(heads.filter((c) => c.kind === 'variant').map((c) => (c as { index: number }).index));
    const all = ty.def.variants.map((_, index): Ctor => ({ kind: 'variant', index }));
    return { present: all.filter((c) => used.has((c as { index: number }).index)), missing: all.filter((c) => !used.has((c as { index: number }).index)) };
  }
  if (ty.kind === 'tuple' || ty.kind === 'ref' || (ty.kind === 'adt' && ty.def.adtKind === 'struct')) return { present: [{ kind: 'single' }], missing: [] };
  // Opaque values: the listed constants, and always something else.
  const seen = new Map<string, Ctor>();
  for (const c of heads) if (c.kind === 'opaque') seen.set(c.key, c);
  return { present: [...seen.values()], missing: [{ kind: 'opaque', key: '' }] };
}

function covers(head: Ctor, c: Ctor): boolean {
  if (head.kind === 'range' && c.kind === 'range') return head.lo <= c.lo && c.hi <= head.hi;
  if (head.kind === 'variant' && c.kind === 'variant') return head.index === c.index;
  if (head.kind === 'opaque' && c.kind === 'opaque') return head.key === c.key;
  return head.kind === 'single' && c.kind === 'single';
}

/** Rows whose head matches constructor `c`, with the head replaced by its fields. */
function specialize(rows: readonly (readonly DPat[])[], c: Ctor, tys: Ty[]): DPat[][] {
  const out: DPat[][] = [];
  for (const r of rows) {
    const h = r[0]!;
    if (!h.ctor) out.push([...tys.map(WILD), ...r.slice(1)]);
    else if (covers(h.ctor, c)) out.push([...h.fields, ...r.slice(1)]);
  }
  return out;
}

/** Budget: give up (report nothing) rather than explode on a pathological match. */
class Budget {
  steps = 0;
  spend(): void {
    if (++this.steps > 200_000) throw new Error('pattern analysis too large');
  }
}

/**
 * Witness vectors: values of the columns' types that `v` matches and no row does; empty when
 * `v` is useless. With `v` all wildcards this is the list of values the rows miss.
 */
export function witnesses(rows: readonly (readonly DPat[])[], v: readonly DPat[], budget = new Budget()): Witness[][] {
  budget.spend();
  if (v.length === 0) return rows.length === 0 ? [[]] : [];
  const head = v[0]!;
  const ty = head.ty;
  const heads = rows.map((r) => r[0]!.ctor).filter((c): c is Ctor => c !== undefined);
  const out: Witness[][] = [];
  const tryCtor = (c: Ctor): void => {
    const tys = fieldTys(ty, c);
    const sub = witnesses(specialize(rows, c, tys), [...(head.ctor ? head.fields : tys.map(WILD)), ...v.slice(1)], budget);
    for (const w of sub) out.push([{ ctor: c, fields: w.slice(0, tys.length), ty }, ...w.slice(tys.length)]);
  };
  if (head.ctor?.kind === 'opaque') {
    // A value that is only equal to itself: the rows that name it or have a wildcard.
    tryCtor(head.ctor);
    return out;
  }
  if (head.ctor) {
    // Split v's constructor by the rows' borders and try each piece.
    const { present, missing } = splitCtors(ty, heads);
    for (const c of [...present, ...missing]) if (covers(head.ctor, c) || (head.ctor.kind === 'range' && c.kind === 'range' && c.lo <= head.ctor.hi && head.ctor.lo <= c.hi)) tryCtor(clip(c, head.ctor));
    return out;
  }
  const { present, missing } = splitCtors(ty, heads);
  if (missing.length > 0) {
    // Values of a constructor no row names: only the rows with a wildcard head can match them.
    const defaults = rows.filter((r) => !r[0]!.ctor).map((r) => r.slice(1));
    const sub = witnesses(defaults, v.slice(1), budget);
    if (sub.length > 0) {
      // With no constructor named at all rustc shows `_`; otherwise each missing one.
      const shown: Array<Ctor | undefined> = heads.length === 0 || missing.some((m) => m.kind === 'opaque') ? [undefined] : missing;
      for (const w of sub) for (const c of shown) out.push([{ ctor: c, fields: c ? fieldTys(ty, c).map((t) => ({ fields: [], ty: t })) : [], ty }, ...w]);
    }
  }
  for (const c of present) tryCtor(c);
  return out;
}

function clip(c: Ctor, within: Ctor): Ctor {
  if (c.kind === 'range' && within.kind === 'range') return { kind: 'range', lo: c.lo > within.lo ? c.lo : within.lo, hi: c.hi < within.hi ? c.hi : within.hi };
  return c;
}

export function isUseful(rows: readonly (readonly DPat[])[], v: readonly DPat[]): boolean {
  return witnesses(rows, v).length > 0;
}

// ---- printing witnesses as rustc does ----

function printInt(v: bigint, ty: Ty, isHi: boolean, isLo: boolean): string {
  if (ty.kind === 'bool') return v === 0n ? 'false' : 'true';
  if (ty.kind === 'char') return printChar(v);
  if (ty.kind !== 'int') return String(v);
  const [min, max] = intBounds(ty.int);
  if (v === max) return `${ty.int}::MAX`;
  if (v === min && ty.int[0] === 'i') return `${ty.int}::MIN`;
  return `${v}_${ty.int}`;
}

function printChar(v: bigint): string {
  const n = Number(v);
  const named: Record<number, string> = { 0: '\\0', 9: '\\t', 10: '\\n', 13: '\\r', 39: "\\'", 92: '\\\\' };
  if (named[n] !== undefined) return `'${named[n]}'`;
  // Controls, and the unassigned or private-use code points at the ends of char's ranges, are escaped.
  const escaped = n < 0x20 || (n >= 0x7f && n < 0xa0) || n === 0xd7ff || (n >= 0xe000 && n <= 0xf8ff) || n >= 0xf0000;
  return escaped ? `'\\u{${n.toString(16)}}'` : `'${String.fromCodePoint(n)}'`;
}

function variantPath(def: AdtDef, index: number): string {
  return `${def.path.join('::')}::${def.variants[index]?.name ?? '?'}`;
}

export function printWitness(w: Witness): string {
  const c = w.ctor;
  if (!c) return w.ty.kind === 'ref' && w.ty.to.kind === 'str' ? '&_' : '_';
  switch (c.kind) {
    case 'range': {
      if (w.ty.kind === 'int' && (w.ty.int === 'usize' || w.ty.int === 'isize')) {
        // The values beyond usize/isize's fixed ends print as half-open ranges.
        const [min, max] = intBounds(w.ty.int);
        const below = c.lo < min;
        const above = c.hi > max;
        if (below && c.hi < min) return `..${w.ty.int}::MIN`;
        if (above && c.lo > max) return `${w.ty.int}::MAX..`;
        if (below && above) return '_';
        if (below) return `..=${printInt(c.hi, w.ty, true, false)}`;
        if (above) return `${printInt(c.lo, w.ty, false, true)}..`;
      }
      if (c.lo === c.hi) return printInt(c.lo, w.ty, true, true);
      const universe = rangeUniverse(w.ty);
      if (universe && universe.length === 1 && universe[0]![0] === c.lo && universe[0]![1] === c.hi) return '_';
      return `${printInt(c.lo, w.ty, false, true)}..=${printInt(c.hi, w.ty, true, false)}`;
    }
    case 'variant':
      return w.ty.kind === 'adt' ? variantPath(w.ty.def, c.index) : '_';
    case 'opaque':
      return w.ty.kind === 'ref' ? '&_' : '_';
    case 'single': {
      const fs = w.fields.map(printWitness);
      if (w.ty.kind === 'tuple') return fs.length === 1 ? `(${fs[0]},)` : `(${fs.join(', ')})`;
      if (w.ty.kind === 'ref') return `&${fs[0] ?? '_'}`;
      if (w.ty.kind === 'adt') {
        const d = w.ty.def;
        if (d.structKind === 'tuple') return `${printTy(w.ty)}(${fs.join(', ')})`;
        if (d.structKind === 'unit') return printTy(w.ty);
        return `${printTy(w.ty)} { ${d.fields.map((f, i) => `${f.name}: ${fs[i] ?? '_'}`).join(', ')} }`;
      }
      return '_';
    }
  }
}
