// Sizes, alignments and field offsets of aggregates, following rustc's layout algorithm for the
// subset (checked against the host's rustc by codegen.oracle.test.ts):
// - repr(C): declaration order, C padding.
// - repr(Rust) structs: fields sorted by decreasing "alignment group" (log2 of the larger of
//   alignment and size, so [u8; 4] groups with u32), with the field holding the largest niche
//   (invalid values, as in bool and char) first within its group; when that leaves the niche
//   neither at the start nor at the end, rustc also tries the order that moves it to the end
//   and keeps that one if the niche gets closer to an edge (useful for enclosing enums).
// - Tuples are laid out like structs whose last field stays last (rustc treats a tuple's last
//   element as possibly unsized).
// Offsets are reported in declaration order.
import { bytesOf, type ScalarType } from './types.ts';

export type LayoutType =
  /** `niche`: count of invalid bit patterns (bool, char by default; C-like enums pass theirs). */
  | { kind: 'scalar'; type: ScalarType; niche?: bigint }
  | { kind: 'struct'; fields: LayoutType[]; repr: 'C' | 'Rust' }
  | { kind: 'tuple'; fields: LayoutType[] }
  | { kind: 'array'; element: LayoutType; length: number };

export interface Niche { readonly offset: number; readonly size: number; readonly available: bigint }

export interface Layout {
  readonly size: number;
  readonly align: number;
  /** Offsets of fields in declaration order (structs and tuples). */
  readonly offsets: number[];
  readonly niche?: Niche;
}

const alignUp = (n: number, a: number) => Math.ceil(n / a) * a;
const log2 = (n: number) => 31 - Math.clz32(n & -n); // trailing zeros

function scalarNiche(type: ScalarType, given?: bigint): bigint {
  if (given !== undefined) return given;
  if (type === 'bool') return 254n;
  if (type === 'char') return (1n << 32n) - 0x110000n;
  return 0n;
}

export function layoutOf(t: LayoutType): Layout {
  switch (t.kind) {
    case 'scalar': {
      const size = bytesOf(t.type);
      // u128/i128 are 16-aligned since Rust 1.77 (LLVM 18), as on the host.
      const available = scalarNiche(t.type, t.niche);
      return { size, align: Math.max(1, size), offsets: [], ...(available > 0n && { niche: { offset: 0, size, available } }) };
    }
    case 'array': {
      const e = layoutOf(t.element);
      return { size: e.size * t.length, align: e.align, offsets: [], ...(e.niche && t.length > 0 && { niche: e.niche }) };
    }
    case 'tuple':
    case 'struct': {
      const fields = t.fields.map(layoutOf);
      if (t.kind === 'struct' && t.repr === 'C') return place(fields, fields.map((_, i) => i), 'start');
      const unsizedTail = t.kind === 'tuple';
      const first = place(fields, order(fields, 'start', unsizedTail), 'start');
      if (unsizedTail || !first.niche || fields.length < 2) return first;
      const head = first.niche.offset;
      const tail = first.size - head - first.niche.size;
      if (head === 0 || tail <= 0) return first;
      const alt = place(fields, order(fields, 'end', unsizedTail), 'end');
      const altHead = alt.niche!.offset;
      const altTail = alt.size - altHead - alt.niche!.size;
      return altHead > head && altHead > tail ? alt : first;
    }
  }
}

/** rustc's field order for repr(Rust): memory position → field index. */
function order(fields: Layout[], bias: 'start' | 'end', unsizedTail: boolean): number[] {
  const indices = fields.map((_, i) => i);
  if (fields.length < 2) return indices;
  const sortable = unsizedTail ? indices.slice(0, -1) : indices;
  // Both measured without a tuple's last field, which stays where it is.
  const considered = sortable.map((i) => fields[i]!);
  const maxAlign = Math.max(...considered.map((f) => f.align));
  const largestNiche = considered.reduce((m, f) => (f.niche && f.niche.available > m ? f.niche.available : m), 0n);
  const group = (f: Layout) => {
    const sizeAsAlign = log2(Math.max(f.align, f.size));
    if (largestNiche === 0n) return sizeAsAlign;
    if (bias === 'start') return Math.min(log2(maxAlign), sizeAsAlign);
    return f.niche?.available === largestNiche ? log2(f.align) : sizeAsAlign;
  };
  const nicheKey = (f: Layout) => (bias === 'start' ? -(f.niche?.available ?? 0n) : (f.niche?.available ?? 0n));
  const innerKey = (f: Layout) => {
    if (bias === 'start') return f.niche?.offset ?? 0;
    return f.niche ? -(f.size - f.niche.offset - f.niche.size) : -Infinity;
  };
  sortable.sort((a, b) => {
    const fa = fields[a]!; const fb = fields[b]!;
    if (group(fa) !== group(fb)) return group(fb) - group(fa);
    const na = nicheKey(fa); const nb = nicheKey(fb);
    if (na !== nb) return na < nb ? -1 : 1;
    // Then, with equal niches, the niche nearest the start (or end) of its own field wins.
    const ia = innerKey(fa); const ib = innerKey(fb);
    if (ia !== ib) return ia - ib;
    return a - b;
  });
  return unsizedTail ? [...sortable, indices[indices.length - 1]!] : sortable;
}

function place(fields: Layout[], memoryOrder: number[], bias: 'start' | 'end'): Layout {
  const offsets: number[] = new Array(fields.length).fill(0);
  let offset = 0;
  let align = 1;
  let niche: Niche | undefined;
  for (const i of memoryOrder) {
    const f = fields[i]!;
    offset = alignUp(offset, f.align);
    offsets[i] = offset;
    if (f.niche) {
      const better = !niche || (bias === 'start' ? f.niche.available > niche.available : f.niche.available >= niche.available);
      if (better) niche = { ...f.niche, offset: offset + f.niche.offset };
    }
    offset += f.size;
    align = Math.max(align, f.align);
  }
  return { size: alignUp(offset, align), align, offsets, ...(niche && { niche }) };
}

/** Stride between elements of an array of `t` (its size; Rust sizes are multiples of alignment). */
export function strideOf(t: LayoutType): number {
  return layoutOf(t).size;
}
