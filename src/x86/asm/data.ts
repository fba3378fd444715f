// Bytes of data directives: integers of 1/2/4/8 bytes (little-endian, truncated as NASM
// does after its overflow warning), strings padded to the unit size, and floating-point
// constants in half, single, double and x87 extended precision.

/** Writes the low `unit` bytes of `v` little-endian into `out` at `at`. */
export function writeInt(out: Uint8Array, at: number, v: bigint, unit: number): void {
  let x = BigInt.asUintN(unit * 8, v);
  for (let i = 0; i < unit; i++) {
    out[at + i] = Number(x & 0xffn);
    x >>= 8n;
  }
}

export function intBytes(v: bigint, unit: number): Uint8Array {
  const out = new Uint8Array(unit);
  writeInt(out, 0, v, unit);
  return out;
}

/** A string in a data directive: its bytes, zero-padded to a whole number of units. */
export function stringBytes(bytes: Uint8Array, unit: number): Uint8Array {
  const len = Math.ceil(bytes.length / unit) * unit;
  if (len === bytes.length) return bytes;
  const out = new Uint8Array(len);
  out.set(bytes);
  return out;
}

export class FloatError extends Error {}

/** Parses NASM float text (`1.5`, `1e10`, `1_000.5`, `0x1.8p3`) to a JS number. */
export function parseFloatText(text: string): number {
  const t = text.replace(/_/g, '');
  const hex = /^0[xh]([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/i.exec(t);
  if (hex) {
    const int = hex[1] || '0';
    const frac = hex[2] ?? '';
    const exp = Number(hex[3] ?? '0');
    let v = 0;
    for (const c of int + frac) v = v * 16 + parseInt(c, 16);
    return v * Math.pow(2, exp - 4 * frac.length);
  }
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) throw new FloatError(`invalid floating-point constant \`${text}'`);
  return Number(t);
}

/** IEEE half precision with round-to-nearest-even. */
function toHalf(v: number): number {
  const f32 = new Float32Array([v]);
  const x = new Uint32Array(f32.buffer)[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let h = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    if (rem > half || (rem === half && (h & 1))) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (h & 1))) h++;
  void e;
  return sign | h;
}

/** Bytes of a floating-point constant in a data unit of 2, 4, 8 or 10 bytes. */
export function floatBytes(v: number, unit: number): Uint8Array {
  const out = new Uint8Array(unit);
  const dv = new DataView(out.buffer);
  switch (unit) {
    case 2: dv.setUint16(0, toHalf(v), true); return out;
    case 4: dv.setFloat32(0, v, true); return out;
    case 8: dv.setFloat64(0, v, true); return out;
    case 10: {
      // x87 extended: 64-bit mantissa with explicit integer bit, 15-bit exponent.
      const d = new DataView(new ArrayBuffer(8));
      d.setFloat64(0, v, false);
      const hi = d.getUint32(0);
      const lo = d.getUint32(4);
      const sign = hi >>> 31;
      const exp = (hi >>> 20) & 0x7ff;
      const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
      let e80: number;
      let m: bigint;
      if (exp === 0 && frac === 0n) { e80 = 0; m = 0n; }
      else if (exp === 0x7ff) { e80 = 0x7fff; m = (1n << 63n) | (frac << 11n); }
      else if (exp === 0) {
        // subnormal double: normalise
        let f = frac;
        let e = -1022;
        while ((f & (1n << 52n)) === 0n) { f <<= 1n; e--; }
        e80 = e + 16383;
        m = f << 11n;
      } else { e80 = exp - 1023 + 16383; m = (1n << 63n) | (frac << 11n); }
      for (let i = 0; i < 8; i++) { out[i] = Number(m & 0xffn); m >>= 8n; }
      dv.setUint16(8, (sign << 15) | e80, true);
      return out;
    }
    default:
      throw new FloatError(`floating-point constant not supported in ${unit * 8}-bit data`);
  }
}
