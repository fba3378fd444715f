// How each semantic type is represented after lowering:
// - scalar: one IR value (integers, bool, char, thin pointers/references, fn pointers, C-like enums);
// - fat: two IR values, (ptr, usize) — `&str`, `&[T]`, `*const [T]`;
// - agg: bytes in memory (structs, tuples, arrays, iterator states), with a layout from ir/layout.ts;
// - zst: nothing at all (unit, empty tuples and structs, fn items, zero-length arrays);
// - never: no value (the expression does not finish).
import { layoutOf, type Layout, type LayoutType } from '../ir/layout.ts';
import type { ScalarType } from '../ir/types.ts';
import type { AdtDef } from '../thir/defs.ts';
import type { IntTy, IterShape, Ty } from '../thir/ty.ts';
import { ice } from './errors.ts';

export type Repr =
  | { kind: 'scalar'; type: ScalarType }
  | { kind: 'fat' }
  | { kind: 'agg'; layout: Layout }
  | { kind: 'zst'; align: number }
  | { kind: 'never' };

/** Behind a pointer, is the pointee unsized (so the pointer is a (ptr, len) pair)? */
export function isUnsized(t: Ty): boolean {
  return t.kind === 'str' || t.kind === 'slice';
}

/** The integer type that holds a C-like enum's discriminant: declared, or the smallest that fits. */
export function discrType(def: AdtDef): IntTy {
  if (def.discrTy) return def.discrTy;
  if (typeof def.repr === 'string' && def.repr !== 'Rust' && def.repr !== 'C') return def.repr;
  const values = def.variants.map((v) => v.discr);
  const min = values.reduce((a, b) => (b < a ? b : a), 0n);
  const max = values.reduce((a, b) => (b > a ? b : a), 0n);
  if (def.repr === 'C') return min < 0n || max < 0x8000_0000n ? 'i32' : 'u32';
  for (const [bits, s, u] of [[8, 'i8', 'u8'], [16, 'i16', 'u16'], [32, 'i32', 'u32'], [64, 'i64', 'u64']] as const) {
    if (min < 0n) { if (min >= -(1n << BigInt(bits - 1)) && max < 1n << BigInt(bits - 1)) return s; }
    else if (max < 1n << BigInt(bits)) return u;
  }
  return 'i128';
}

function enumNiche(def: AdtDef, t: IntTy): bigint {
  const bits = BigInt(t === 'isize' || t === 'usize' ? 64 : Number(t.slice(1)));
  if (def.variants.length === 0) return 0n;
  const values = def.variants.map((v) => v.discr);
  const min = values.reduce((a, b) => (b < a ? b : a));
  const max = values.reduce((a, b) => (b > a ? b : a));
  return (1n << bits) - (max - min + 1n);
}

const FAT: LayoutType = { kind: 'struct', repr: 'C', fields: [{ kind: 'scalar', type: 'ptr', niche: 1n }, { kind: 'scalar', type: 'usize' }] };
const USIZE_L: LayoutType = { kind: 'scalar', type: 'usize' };
const PTR_L: LayoutType = { kind: 'scalar', type: 'ptr' };
const BOOL_L: LayoutType = { kind: 'scalar', type: 'bool' };

/** The memory shape of a type, for ir/layout.ts. */
export function layoutTypeOf(t: Ty): LayoutType {
  switch (t.kind) {
    case 'int': return { kind: 'scalar', type: t.int };
    case 'bool': return BOOL_L;
    case 'char': return { kind: 'scalar', type: 'char' };
    case 'ref': return isUnsized(t.to) ? FAT : { kind: 'scalar', type: 'ptr', niche: 1n };
    case 'ptr': return isUnsized(t.to) ? { kind: 'struct', repr: 'C', fields: [PTR_L, USIZE_L] } : PTR_L;
    case 'fnPtr': return { kind: 'scalar', type: 'ptr', niche: 1n };
    case 'tuple': return { kind: 'tuple', fields: t.elems.map(layoutTypeOf) };
    case 'array': return { kind: 'array', element: layoutTypeOf(t.elem), length: t.len };
    case 'fnDef': case 'never': return { kind: 'tuple', fields: [] };
    case 'adt': {
      if (t.def.adtKind === 'enum') {
        const d = discrType(t.def);
        return { kind: 'scalar', type: d, niche: enumNiche(t.def, d) };
      }
      return { kind: 'struct', repr: t.def.repr === 'C' ? 'C' : 'Rust', fields: t.def.fields.map((f) => layoutTypeOf(f.ty)) };
    }
    case 'iter': return iterLayoutType(t.shape);
    default: return ice(`no layout for type ${t.kind}`);
  }
}

/**
 * The state of a built-in iterator, as our own (repr C) structs:
 * range {start, end[, exhausted]}, sliceIter/bytes/chars {ptr, end}, enumerate {inner, count},
 * rev {inner}, stepBy {inner, step, first}.
 */
export function iterLayoutType(s: IterShape): LayoutType {
  switch (s.kind) {
    case 'range': {
      const e = layoutTypeOf(s.elem);
      return { kind: 'struct', repr: 'C', fields: s.inclusive ? [e, e, BOOL_L] : [e, e] };
    }
    case 'sliceIter': case 'bytes': case 'chars': return { kind: 'struct', repr: 'C', fields: [PTR_L, PTR_L] };
    case 'enumerate': return { kind: 'struct', repr: 'C', fields: [layoutTypeOf(s.inner), USIZE_L] };
    case 'rev': return { kind: 'struct', repr: 'C', fields: [layoutTypeOf(s.inner)] };
    case 'stepBy': return { kind: 'struct', repr: 'C', fields: [layoutTypeOf(s.inner), USIZE_L, BOOL_L] };
  }
}

const layoutCache = new WeakMap<object, Layout>();

export function layoutOfTy(t: Ty): Layout {
  const cached = layoutCache.get(t);
  if (cached) return cached;
  const l = layoutOf(layoutTypeOf(t));
  layoutCache.set(t, l);
  return l;
}

export function sizeOf(t: Ty): number {
  return t.kind === 'never' ? 0 : layoutOfTy(t).size;
}

/** The scalar type of a one-value type, or undefined. */
export function scalarOf(t: Ty): ScalarType | undefined {
  switch (t.kind) {
    case 'int': return t.int;
    case 'bool': return 'bool';
    case 'char': return 'char';
    case 'ref': case 'ptr': return isUnsized(t.to) ? undefined : 'ptr';
    case 'fnPtr': return 'ptr';
    case 'adt': return t.def.adtKind === 'enum' ? discrType(t.def) : undefined;
    default: return undefined;
  }
}

export function reprOf(t: Ty): Repr {
  if (t.kind === 'never') return { kind: 'never' };
  if (t.kind === 'error' || t.kind === 'infer') return ice(`lowering met an unresolved type (${t.kind})`);
  if (t.kind === 'str' || t.kind === 'slice') return ice('an unsized value outside a pointer');
  const s = scalarOf(t);
  if (s) return { kind: 'scalar', type: s };
  if ((t.kind === 'ref' || t.kind === 'ptr') && isUnsized(t.to)) return { kind: 'fat' };
  const layout = layoutOfTy(t);
  if (layout.size === 0) return { kind: 'zst', align: layout.align };
  return { kind: 'agg', layout };
}

/** Field offsets of a struct or tuple type, in declaration order. */
export function fieldOffsets(t: Ty): number[] {
  return layoutOfTy(t).offsets;
}

export function fieldTys(t: Ty): readonly Ty[] {
  if (t.kind === 'tuple') return t.elems;
  if (t.kind === 'adt' && t.def.adtKind === 'struct') return t.def.fields.map((f) => f.ty);
  return ice(`field of a non-struct type ${t.kind}`);
}

/** The element type of an array, slice, or the pointee of a pointer to one. */
export function elemOf(t: Ty): Ty {
  if (t.kind === 'array' || t.kind === 'slice') return t.elem;
  if (t.kind === 'str') return { kind: 'int', int: 'u8' };
  return ice(`elements of a non-sequence type ${t.kind}`);
}

/** An address to give zero-sized things: aligned and non-null, never dereferenced. */
export function danglingAddress(align: number): bigint {
  return BigInt(Math.max(1, align));
}
