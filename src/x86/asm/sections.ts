// Sections of a flat binary and how `nasm -f bin` lays them out: `.text` first at the origin,
// then the other sections with contents in the order they were first named, each aligned
// (4 bytes unless an `align=` attribute or an `align`/`sectalign` inside it says otherwise:
// NASM's `align 2` in a section without `align=` makes its alignment 2, not 4), then the `nobits` sections,
// which take addresses but no bytes in the file.
import type { Sect } from './expr.ts';

export class Section implements Sect {
  base = 0n;
  baseKnown = false;
  /** Bytes (or reserved space, for nobits) in the current pass. */
  size = 0;
  private buf = new Uint8Array(256);
  /** Largest alignment asked for by `align`/`sectalign` in the current pass (0: none). */
  innerAlign = 0;

  constructor(
    readonly name: string,
    /** Creation order; `.text` is 0. */
    readonly order: number,
    public nobits: boolean,
    /** From the `align=` attribute; undefined when never given. */
    public align: number | undefined,
    /** `absolute` space (also inside `struc`): no bytes, and labels in it are plain numbers. */
    readonly absolute = false,
  ) {}

  /** The space that `absolute ADDR` or `struc` switches to. */
  static absoluteAt(address: bigint): Section {
    const s = new Section('[absolute]', -1, true, 1, true);
    s.base = address;
    s.baseKnown = true;
    return s;
  }

  /** Forgets the previous pass's contents (the layout, `base`, is kept). */
  reset(): void {
    this.size = 0;
    this.innerAlign = 0;
  }

  /** The alignment of the section's start: 4 unless set by an attribute or an `align` inside. */
  startAlign(): number {
    if (this.align === undefined && this.innerAlign === 0) return 4;
    return Math.max(this.align ?? 1, this.innerAlign);
  }

  private room(n: number): void {
    const need = this.size + n;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.size));
    this.buf = next;
  }

  write(bytes: Uint8Array): void {
    if (this.nobits) { this.size += bytes.length; return; }
    this.room(bytes.length);
    this.buf.set(bytes, this.size);
    this.size += bytes.length;
  }

  /** Appends `n` copies of `byte` (zeros for reserved space). */
  fill(n: number, byte: number): void {
    if (n <= 0) return;
    if (this.nobits) { this.size += n; return; }
    this.room(n);
    this.buf.fill(byte, this.size, this.size + n);
    this.size += n;
  }

  /** Appends `bytes` `count` times. */
  repeat(bytes: Uint8Array, count: number): void {
    if (count <= 0 || bytes.length === 0) return;
    if (this.nobits) { this.size += bytes.length * count; return; }
    this.room(bytes.length * count);
    for (let i = 0; i < count; i++) {
      this.buf.set(bytes, this.size);
      this.size += bytes.length;
    }
  }

  contents(): Uint8Array {
    return this.buf.subarray(0, this.size);
  }
}

/** Rounds up to a multiple of `a`; correct for negative values too (an org above 2^63 reads as one). */
function alignUp(v: bigint, a: number): bigint {
  const A = BigInt(a);
  const rem = ((v % A) + A) % A;
  return rem === 0n ? v : v + (A - rem);
}

/** Gives every section its address for the next pass; true when any address changed. */
export function layoutSections(sections: readonly Section[], org: bigint): boolean {
  let changed = false;
  let addr = org;
  const ordered = [
    ...sections.filter((s) => !s.nobits),
    ...sections.filter((s) => s.nobits),
  ];
  for (const s of ordered) {
    if (s.order !== 0) addr = alignUp(addr, s.startAlign());
    if (!s.baseKnown || s.base !== addr) changed = true;
    s.base = addr;
    s.baseKnown = true;
    addr += BigInt(s.size);
  }
  return changed;
}

/** The file: every section with contents at its address relative to the origin. */
export function linkImage(sections: readonly Section[], org: bigint): Uint8Array {
  let end = 0;
  for (const s of sections) {
    if (s.nobits || s.size === 0) continue;
    end = Math.max(end, Number(s.base - org) + s.size);
  }
  const out = new Uint8Array(end);
  for (const s of sections) {
    if (s.nobits || s.size === 0) continue;
    out.set(s.contents(), Number(s.base - org));
  }
  return out;
}
