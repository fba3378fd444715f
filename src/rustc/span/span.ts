// A span is a half-open range [lo, hi) of positions in a SourceMap. Positions are global (each
// file gets its own range, as rustc's BytePos does) so that a span alone names its file, which
// later stages need once `mod foo;` brings in more files. Positions count UTF-16 code units of
// the JavaScript string, which is what slicing needs; line/column and byte offsets for output
// are derived by SourceFile.
export interface Span {
  readonly lo: number;
  readonly hi: number;
}

export const DUMMY_SPAN: Span = { lo: 0, hi: 0 };

export function span(lo: number, hi: number): Span {
  return { lo, hi };
}

/** The smallest span covering both. */
export function join(a: Span, b: Span): Span {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

/** The empty span just after `s` (where rustc points "expected `;`" and friends). */
export function shrinkToHi(s: Span): Span {
  return { lo: s.hi, hi: s.hi };
}

export function shrinkToLo(s: Span): Span {
  return { lo: s.lo, hi: s.lo };
}
