// Sizes, alignments and field offsets of aggregates, as rustc lays them out for the subset:
// repr(C) keeps declaration order with C padding; repr(Rust) (the default) sorts fields by
// decreasing alignment (stable for equal alignments), which is what rustc does for structs and
// tuples without niches to exploit, so sizes match rustc's and padding is minimal. Offsets are
// reported in declaration order either way.
import { bytesOf, type ScalarType } from './types.ts';

export type LayoutType =
  | { kind: 'scalar'; type: ScalarType }
  | { kind: 'struct'; fields: LayoutType[]; repr: 'C' | 'Rust' }
  | { kind: 'tuple'; fields: LayoutType[] }
  | { kind: 'array'; element: LayoutType; length: number };

export interface Layout {
  readonly size: number;
  readonly align: number;
  /** Offsets of fields in declaration order (structs and tuples). */
  readonly offsets: number[];
}

const alignUp = (n: number, a: number) => Math.ceil(n / a) * a;

export function layoutOf(t: LayoutType): Layout {
  switch (t.kind) {
    case 'scalar': {
      const size = bytesOf(t.type);
      // u128/i128 are 16-aligned since Rust 1.77 (LLVM 18), as on the host.
      return { size, align: Math.max(1, size), offsets: [] };
    }
    case 'array': {
      const e = layoutOf(t.element);
      return { size: e.size * t.length, align: e.align, offsets: [] };
    }
    case 'tuple':
    case 'struct': {
      const fields = t.fields.map(layoutOf);
      const order = fields.map((_, i) => i);
      if (t.kind === 'tuple' || t.repr === 'Rust') order.sort((a, b) => fields[b]!.align - fields[a]!.align || a - b);
      const offsets: number[] = new Array(fields.length).fill(0);
      let offset = 0;
      let align = 1;
      for (const i of order) {
        const f = fields[i]!;
        offset = alignUp(offset, f.align);
        offsets[i] = offset;
        offset += f.size;
        align = Math.max(align, f.align);
      }
      return { size: alignUp(offset, align), align, offsets };
    }
  }
}

/** Stride between elements of an array of `t` (its size; Rust sizes are multiples of alignment). */
export function strideOf(t: LayoutType): number {
  return layoutOf(t).size;
}
