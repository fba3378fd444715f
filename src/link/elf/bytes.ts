// Little-endian field access over a byte array, and a growable byte buffer for the writer.

export class ByteReader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get length(): number {
    return this.bytes.length;
  }
  u8(off: number): number {
    return this.view.getUint8(off);
  }
  u16(off: number): number {
    return this.view.getUint16(off, true);
  }
  u32(off: number): number {
    return this.view.getUint32(off, true);
  }
  i32(off: number): number {
    return this.view.getInt32(off, true);
  }
  u64(off: number): bigint {
    return this.view.getBigUint64(off, true);
  }
  i64(off: number): bigint {
    return this.view.getBigInt64(off, true);
  }
  /** A u64 that must fit in a JS number (offsets and sizes inside an object file). */
  size(off: number): number {
    const v = this.view.getBigUint64(off, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`value 0x${v.toString(16)} too large`);
    return Number(v);
  }
  /** The NUL-terminated string starting at off (bytes as Latin-1 then UTF-8 decoded). */
  cString(off: number): string {
    let end = off;
    while (end < this.bytes.length && this.bytes[end] !== 0) end++;
    return new TextDecoder().decode(this.bytes.subarray(off, end));
  }
}

/** Writes little-endian fields into a fixed-size byte array. */
export class ByteWriter {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u8(off: number, v: number): void {
    this.view.setUint8(off, v);
  }
  u16(off: number, v: number): void {
    this.view.setUint16(off, v, true);
  }
  u32(off: number, v: number): void {
    this.view.setUint32(off, v >>> 0, true);
  }
  u64(off: number, v: bigint | number): void {
    this.view.setBigUint64(off, BigInt.asUintN(64, BigInt(v)), true);
  }
  set(off: number, data: Uint8Array): void {
    this.bytes.set(data, off);
  }
}

/** A string table (.strtab/.shstrtab): a leading NUL, then each distinct string once. */
export class StringTableBuilder {
  private readonly parts: Uint8Array[] = [new Uint8Array(1)];
  private readonly offsets = new Map<string, number>();
  private size = 1;
  add(s: string): number {
    if (s === '') return 0;
    const known = this.offsets.get(s);
    if (known !== undefined) return known;
    const encoded = new TextEncoder().encode(s);
    const off = this.size;
    this.parts.push(encoded, new Uint8Array(1));
    this.size += encoded.length + 1;
    this.offsets.set(s, off);
    return off;
  }
  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let off = 0;
    for (const p of this.parts) {
      out.set(p, off);
      off += p.length;
    }
    return out;
  }
}

export function alignUp(value: number, align: number): number {
  if (align <= 1) return value;
  return Math.ceil(value / align) * align;
}
