// SSE and SSE2: the moves, integer operations, scalar and packed float arithmetic, compares
// and conversions of the table's sse.ts rows. The XMM registers are FpuState.xmm of x87.ts
// (16 bytes each, little-endian), the register file fxsave/fxrstor save and restore.
//
// As the manuals say: #UD when CR0.EM = 1 or CR4.OSFXSR = 0, #NM when CR0.TS = 1, #GP(0) for a
// 16-byte memory operand that is not 16-byte aligned (all but movups/movupd/movdqu). Float
// results are IEEE (JS doubles; single precision by Math.fround, which rounds once exactly
// for + - * / and sqrt), with the SSE NaN rules (the first operand's NaN, made quiet, else the
// second's; the default NaN for an invalid operation; min/max return the second operand on a
// NaN or two zeros) and the integer indefinite (0x80000000...) for conversions out of range.
// Known simplifications: only round-to-nearest for arithmetic (MXCSR.RC is honoured by the
// cvt*2si conversions alone), no exception flags in MXCSR, and no unmasked SIMD exceptions.
import type { Cpu } from '../cpu.ts';
import { K, type Insn } from '../decoder.ts';
import { raise, readLin16, readLin32, writeLin16, writeLin32 } from '../memory-access.ts';
import { Access, translate } from '../paging.ts';
import { AF, CF, CR0_EM, CR0_TS, CR4_OSFXSR, OF, PF, SF, ZF } from '../state.ts';
import { fpuOf } from './x87.ts';

type Exec = (c: Cpu, i: Insn) => void;

// Scratch lanes: A = the destination register's value, B = the source, R = a result built
// apart from A (shuffles, packs, unpacks). Typed-array views share little-endian byte order
// with the guest on every host Node runs on.
function lanes() {
  const buf = new ArrayBuffer(16);
  return {
    u8: new Uint8Array(buf), i8: new Int8Array(buf), u16: new Uint16Array(buf), i16: new Int16Array(buf),
    u32: new Uint32Array(buf), i32: new Int32Array(buf), f32: new Float32Array(buf), f64: new Float64Array(buf),
  };
}
const A = lanes(), B = lanes(), R = lanes();

/** The XMM register file after the checks every SSE instruction makes. */
function xmmOf(c: Cpu): Uint8Array {
  if ((c.cr0 & CR0_EM) || !(c.cr4 & CR4_OSFXSR)) raise(6);
  if (c.cr0 & CR0_TS) raise(7);
  return fpuOf(c).xmm;
}

const UNALIGNED = new Set(['movups', 'movupd', 'movdqu']);

function checkAlign(c: Cpu, i: Insn, size: number): void {
  if (size === 16 && (c.eaLin & 15) !== 0 && !UNALIGNED.has(i.form.mnemonic)) raise(13, 0);
}

function readMem(c: Cpu, i: Insn, to: Uint8Array, size: number): void {
  checkAlign(c, i, size);
  const lin = c.eaLin;
  if (size === 2) { const w = readLin16(c, lin); to[0] = w & 0xff; to[1] = w >> 8; return; }
  for (let k = 0; k < size; k += 4) {
    const w = readLin32(c, lin + k);
    to[k] = w & 0xff; to[k + 1] = (w >>> 8) & 0xff; to[k + 2] = (w >>> 16) & 0xff; to[k + 3] = w >>> 24;
  }
}

function writeMem(c: Cpu, i: Insn, from: Uint8Array, offset: number, size: number): void {
  checkAlign(c, i, size);
  const lin = c.eaLin;
  if (size === 2) { writeLin16(c, lin, from[offset] | (from[offset + 1] << 8)); return; }
  // Both pages of a store that crosses one are translated first: a fault then writes nothing.
  if ((lin & 0xfff) + size > 0x1000) { translate(c, lin, Access.Write); translate(c, lin + size - 1, Access.Write); }
  for (let k = 0; k < size; k += 4) {
    const o = offset + k;
    writeLin32(c, lin + k, from[o] | (from[o + 1] << 8) | (from[o + 2] << 16) | (from[o + 3] << 24));
  }
}

/** Loads the source operand (XMM ModRM.rm or memory of `size` bytes, zero above) into B. */
function loadB(c: Cpu, i: Insn, x: Uint8Array, size: number): void {
  if (i.mem) { B.u32.fill(0); readMem(c, i, B.u8, size); }
  else fromReg(B.u32, x, i.rm);
}

/** The XMM register number of operand 0 (ModRM.reg for `x`, ModRM.rm for `Rx`). */
function dstReg(i: Insn): number {
  return i.op0 === K.Xmm ? i.reg : i.rm;
}

// Register copies by dwords through a Uint32Array view of the register file (no views made per instruction).
let viewOf: Uint8Array | null = null;
let view32: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
function x32(x: Uint8Array): Uint32Array {
  if (x !== viewOf) { viewOf = x; view32 = new Uint32Array(x.buffer, x.byteOffset, x.length >> 2); }
  return view32;
}
function fromReg(to: Uint32Array, x: Uint8Array, n: number): void {
  const v = x32(x), b = n * 4;
  to[0] = v[b]; to[1] = v[b + 1]; to[2] = v[b + 2]; to[3] = v[b + 3];
}
function toReg(from: Uint32Array, x: Uint8Array, n: number): void {
  const v = x32(x), b = n * 4;
  v[b] = from[0]; v[b + 1] = from[1]; v[b + 2] = from[2]; v[b + 3] = from[3];
}
function loadA(x: Uint8Array, n: number): void { fromReg(A.u32, x, n); }
function storeA(x: Uint8Array, n: number): void { toReg(A.u32, x, n); }

/** A `x, rmx` operation: A = dst, B = src, op(), dst = A. */
function binary(size: number, op: () => void): Exec {
  return (c, i) => {
    const x = xmmOf(c);
    loadB(c, i, x, size);
    loadA(x, i.reg);
    op();
    storeA(x, i.reg);
  };
}

// ------------------------------------------------------------------ moves

/** movaps/movups/movdqa/...: 16 bytes either way. */
const move128: Exec = (c, i) => {
  const x = xmmOf(c);
  if (i.op0 === K.Xmm) { loadB(c, i, x, 16); toReg(B.u32, x, i.reg); return; }
  if (i.mem) writeMem(c, i, x, i.reg * 16, 16);
  else x.copyWithin(i.rm * 16, i.reg * 16, i.reg * 16 + 16);
};

/** movss/movsd: from memory the rest is zeroed, between registers only the low lane moves. */
function moveScalar(size: number): Exec {
  return (c, i) => {
    const x = xmmOf(c);
    if (i.op0 === K.Xmm) {
      if (i.mem) { loadB(c, i, x, size); toReg(B.u32, x, i.reg); }
      else x.copyWithin(i.reg * 16, i.rm * 16, i.rm * 16 + size);
      return;
    }
    if (i.mem) writeMem(c, i, x, i.reg * 16, size);
    else x.copyWithin(i.rm * 16, i.reg * 16, i.reg * 16 + size);
  };
}

/** movq x, rmx64 (F3 0F 7E) and movq rmx64, x (66 0F D6): 64 bits, the upper half of an XMM destination zeroed. */
const movqXmm: Exec = (c, i) => {
  const x = xmmOf(c);
  if (i.op0 === K.Xmm) { loadB(c, i, x, 8); B.u32[2] = 0; B.u32[3] = 0; toReg(B.u32, x, i.reg); return; }
  if (i.mem) { writeMem(c, i, x, i.reg * 16, 8); return; }
  x.copyWithin(i.rm * 16, i.reg * 16, i.reg * 16 + 8);
  x.fill(0, i.rm * 16 + 8, i.rm * 16 + 16);
};

/** movd/movq between an XMM register and a general register or memory. */
const movGpr: Exec = (c, i) => {
  const x = xmmOf(c);
  const size = i.form.mnemonic === 'movq' ? 8 : 4;
  if (i.op0 === K.Xmm) {
    let lo: number, hi = 0;
    if (i.mem) { loadB(c, i, x, size); lo = B.u32[0]; hi = size === 8 ? B.u32[1] : 0; }
    else { lo = c.readReg(i.rm, size); hi = size === 8 ? c.th : 0; }
    A.u32.fill(0); A.u32[0] = lo; A.u32[1] = hi;
    storeA(x, i.reg);
    return;
  }
  loadA(x, i.reg);
  if (i.mem) writeMem(c, i, A.u8, 0, size);
  else c.writeReg(i.rm, size, A.i32[0], A.i32[1]);
};

/** movlps/movlpd/movhps/movhpd (half `h` = 0 low, 1 high) and movhlps/movlhps. */
function moveHalf(half: number): Exec {
  return (c, i) => {
    const x = xmmOf(c);
    if (i.op0 === K.Xmm) {
      if (i.mem) loadB(c, i, x, 8);
      else { fromReg(B.u32, x, i.rm); if (i.form.mnemonic === 'movhlps') { B.u32[0] = B.u32[2]; B.u32[1] = B.u32[3]; } }
      const v = x32(x), at = i.reg * 4 + half * 2;
      v[at] = B.u32[0]; v[at + 1] = B.u32[1];
      return;
    }
    writeMem(c, i, x, i.reg * 16 + half * 8, 8);
  };
}

const movnt: Exec = (c, i) => { const x = xmmOf(c); writeMem(c, i, x, i.reg * 16, 16); };

/** movmskps/movmskpd/pmovmskb: sign bits of the lanes into a general register. */
function moveMask(width: number): Exec {
  return (c, i) => {
    const x = xmmOf(c);
    const base = i.rm * 16;
    let m = 0;
    for (let k = 0, n = 16 / width; k < n; k++) if (x[base + k * width + width - 1] & 0x80) m |= 1 << k;
    c.writeReg(i.reg, 8, m, 0);
  };
}

// ------------------------------------------------------------------ integer lanes

type Lanes = ReturnType<typeof lanes>;
function laneOp(view: keyof Lanes, f: (a: number, b: number) => number): Exec {
  return binary(16, () => {
    const a = A[view] as unknown as number[], b = B[view] as unknown as number[];
    for (let k = 0; k < a.length; k++) a[k] = f(a[k], b[k]);
  });
}
const sat = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

/** paddq/psubq on int32 halves with the carry (borrow) between them. */
function add64(sub: boolean): Exec {
  return binary(16, () => {
    for (let k = 0; k < 4; k += 2) {
      const alo = A.u32[k], blo = B.u32[k];
      if (sub) {
        A.u32[k] = alo - blo;
        A.u32[k + 1] = A.u32[k + 1] - B.u32[k + 1] - (alo < blo ? 1 : 0);
      } else {
        const lo = alo + blo;
        A.u32[k] = lo;
        A.u32[k + 1] = A.u32[k + 1] + B.u32[k + 1] + (lo > 0xffffffff ? 1 : 0);
      }
    }
  });
}

/** pmuludq: 32 x 32 -> 64 from 16-bit partial products (each exact in a double). */
const pmuludq = binary(16, () => {
  for (let k = 0; k < 4; k += 2) {
    const a = A.u32[k], b = B.u32[k];
    const a0 = a & 0xffff, a1 = a >>> 16, b0 = b & 0xffff, b1 = b >>> 16;
    const mid = a0 * b1 + a1 * b0;
    const low = a0 * b0 + (mid % 65536) * 65536;
    A.u32[k] = low;
    A.u32[k + 1] = a1 * b1 + Math.floor(mid / 65536) + Math.floor(low / 4294967296);
  }
});

const pmaddwd = binary(16, () => {
  for (let k = 0; k < 4; k++) A.i32[k] = A.i16[2 * k] * B.i16[2 * k] + A.i16[2 * k + 1] * B.i16[2 * k + 1];
});

const psadbw = binary(16, () => {
  for (let q = 0; q < 2; q++) {
    let s = 0;
    for (let k = 0; k < 8; k++) s += Math.abs(A.u8[q * 8 + k] - B.u8[q * 8 + k]);
    A.u32[q * 2] = s; A.u32[q * 2 + 1] = 0;
  }
});

/** Shifts of every lane (width 2, 4, 8 bytes) by a count from B's low quadword or an immediate. */
function shift(width: number, kind: 'l' | 'r' | 'a', byImm: boolean): Exec {
  return (c, i) => {
    const x = xmmOf(c);
    let count: number;
    const n = byImm ? i.rm : i.reg;
    if (byImm) count = i.imm & 0xff;
    else { loadB(c, i, x, 16); count = B.u32[1] !== 0 ? 0xffff : B.u32[0] > 0xffff ? 0xffff : B.u32[0]; }
    loadA(x, n);
    const bits = width * 8;
    if (width === 8) {
      for (let k = 0; k < 4; k += 2) {
        const lo = A.u32[k], hi = A.u32[k + 1];
        if (count >= 64) { A.u32[k] = 0; A.u32[k + 1] = 0; }
        else if (count >= 32) {
          if (kind === 'l') { A.u32[k + 1] = lo << (count - 32); A.u32[k] = 0; }
          else { A.u32[k] = hi >>> (count - 32); A.u32[k + 1] = 0; }
        } else if (count > 0) {
          if (kind === 'l') { A.u32[k + 1] = (hi << count) | (lo >>> (32 - count)); A.u32[k] = lo << count; }
          else { A.u32[k] = (lo >>> count) | (hi << (32 - count)); A.u32[k + 1] = hi >>> count; }
        }
      }
    } else {
      const a = (width === 2 ? (kind === 'a' ? A.i16 : A.u16) : (kind === 'a' ? A.i32 : A.u32)) as unknown as number[];
      for (let k = 0; k < a.length; k++) {
        if (kind === 'a') a[k] = a[k] >> Math.min(count, bits - 1);
        else if (count >= bits) a[k] = 0;
        else a[k] = kind === 'l' ? a[k] << count : a[k] >>> count;
      }
    }
    storeA(x, n);
  };
}

/** psrldq/pslldq: the whole register shifted by bytes. */
function byteShift(left: boolean): Exec {
  return (c, i) => {
    const x = xmmOf(c);
    const n = Math.min(i.imm & 0xff, 16);
    loadA(x, i.rm);
    R.u32.fill(0);
    for (let k = 0; k < 16; k++) {
      const from = left ? k - n : k + n;
      if (from >= 0 && from < 16) R.u8[k] = A.u8[from];
    }
    toReg(R.u32, x, i.rm);
  };
}

/** punpckl and punpckh: interleave lanes of `width` bytes from the low or high halves. */
function unpack(width: number, high: boolean): Exec {
  return binary(16, () => {
    const base = high ? 8 : 0;
    for (let k = 0; k < 8 / width; k++) {
      for (let b = 0; b < width; b++) {
        R.u8[2 * k * width + b] = A.u8[base + k * width + b];
        R.u8[(2 * k + 1) * width + b] = B.u8[base + k * width + b];
      }
    }
    A.u8.set(R.u8);
  });
}

/** packsswb/packuswb (16 -> 8) and packssdw (32 -> 16), A's lanes then B's. */
function pack(from: 2 | 4, unsigned: boolean): Exec {
  return binary(16, () => {
    if (from === 2) {
      for (let k = 0; k < 8; k++) {
        R.u8[k] = unsigned ? sat(A.i16[k], 0, 255) : sat(A.i16[k], -128, 127) & 0xff;
        R.u8[k + 8] = unsigned ? sat(B.i16[k], 0, 255) : sat(B.i16[k], -128, 127) & 0xff;
      }
    } else {
      for (let k = 0; k < 4; k++) { R.i16[k] = sat(A.i32[k], -32768, 32767); R.i16[k + 4] = sat(B.i32[k], -32768, 32767); }
    }
    A.u8.set(R.u8);
  });
}

/** pshufd/pshuflw/pshufhw: lanes of the source picked by the immediate. */
function pshuf(which: 'd' | 'lw' | 'hw'): Exec {
  return (c, i) => {
    const x = xmmOf(c);
    loadB(c, i, x, 16);
    const imm = i.imm & 0xff;
    R.u8.set(B.u8);
    if (which === 'd') for (let k = 0; k < 4; k++) R.u32[k] = B.u32[(imm >> (2 * k)) & 3];
    else {
      const base = which === 'lw' ? 0 : 4;
      for (let k = 0; k < 4; k++) R.u16[base + k] = B.u16[base + ((imm >> (2 * k)) & 3)];
    }
    toReg(R.u32, x, i.reg);
  };
}

const pinsrw: Exec = (c, i) => {
  const x = xmmOf(c);
  const v = i.mem ? readLin16(c, c.eaLin) : c.readReg(i.rm, 4) & 0xffff;
  const at = i.reg * 16 + (i.imm & 7) * 2;
  x[at] = v & 0xff; x[at + 1] = v >> 8;
};

const pextrw: Exec = (c, i) => {
  const x = xmmOf(c);
  const at = i.rm * 16 + (i.imm & 7) * 2;
  c.writeReg(i.reg, 8, x[at] | (x[at + 1] << 8), 0);
};

function shufps(double: boolean): Exec {
  return (c, i) => {
    const x = xmmOf(c);
    loadB(c, i, x, 16);
    loadA(x, i.reg);
    const imm = i.imm & 0xff;
    if (double) { R.u32[0] = A.u32[(imm & 1) * 2]; R.u32[1] = A.u32[(imm & 1) * 2 + 1]; R.u32[2] = B.u32[((imm >> 1) & 1) * 2]; R.u32[3] = B.u32[((imm >> 1) & 1) * 2 + 1]; }
    else { R.u32[0] = A.u32[imm & 3]; R.u32[1] = A.u32[(imm >> 2) & 3]; R.u32[2] = B.u32[(imm >> 4) & 3]; R.u32[3] = B.u32[(imm >> 6) & 3]; }
    toReg(R.u32, x, i.reg);
  };
}

/** unpcklps/unpckhps (dwords) and unpcklpd/unpckhpd (qwords): the integer unpacks by another name. */
const UNPCK: Record<string, Exec> = {
  unpcklps: unpack(4, false), unpckhps: unpack(4, true), unpcklpd: unpack(8, false), unpckhpd: unpack(8, true),
};

// ------------------------------------------------------------------ floats

const F32_QUIET = 0x400000, F64_QUIET_HI = 0x80000;
const isNaN32 = (u: number) => (u & 0x7f800000) === 0x7f800000 && (u & 0x7fffff) !== 0;
const isNaN64 = (hi: number, lo: number) => (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0;

/** One single-precision lane k of A op B into A, with the SSE NaN rules. */
function lane32(k: number, f: (a: number, b: number) => number): void {
  const ua = A.u32[k], ub = B.u32[k];
  if (isNaN32(ua)) { A.u32[k] = ua | F32_QUIET; return; }
  if (isNaN32(ub)) { A.u32[k] = ub | F32_QUIET; return; }
  const r = f(A.f32[k], B.f32[k]);
  if (Number.isNaN(r)) A.u32[k] = 0xffc00000;
  else A.f32[k] = r;
}

function lane64(k: number, f: (a: number, b: number) => number): void {
  const ahi = A.u32[2 * k + 1], alo = A.u32[2 * k], bhi = B.u32[2 * k + 1], blo = B.u32[2 * k];
  if (isNaN64(ahi, alo)) { A.u32[2 * k + 1] = ahi | F64_QUIET_HI; return; }
  if (isNaN64(bhi, blo)) { A.u32[2 * k + 1] = bhi | F64_QUIET_HI; A.u32[2 * k] = blo; return; }
  const r = f(A.f64[k], B.f64[k]);
  if (Number.isNaN(r)) { A.u32[2 * k + 1] = 0xfff80000; A.u32[2 * k] = 0; }
  else A.f64[k] = r;
}

/** The four forms (ps, pd, ss, sd) of an arithmetic operation. */
function arith(f: (a: number, b: number) => number): Record<'ps' | 'pd' | 'ss' | 'sd', Exec> {
  const f32 = (a: number, b: number) => Math.fround(f(a, b));
  return {
    ps: binary(16, () => { for (let k = 0; k < 4; k++) lane32(k, f32); }),
    pd: binary(16, () => { for (let k = 0; k < 2; k++) lane64(k, f); }),
    ss: binary(4, () => lane32(0, f32)),
    sd: binary(8, () => lane64(0, f)),
  };
}

/** min/max: the second operand when either is a NaN or both are zeros (of any sign). */
function minmax(max: boolean): Record<'ps' | 'pd' | 'ss' | 'sd', Exec> {
  const pick32 = (k: number) => {
    const a = A.f32[k], b = B.f32[k];
    if (isNaN32(A.u32[k]) || isNaN32(B.u32[k]) || (a === 0 && b === 0) || !(max ? a > b : a < b)) A.u32[k] = B.u32[k];
  };
  const pick64 = (k: number) => {
    const a = A.f64[k], b = B.f64[k];
    if (isNaN64(A.u32[2 * k + 1], A.u32[2 * k]) || isNaN64(B.u32[2 * k + 1], B.u32[2 * k]) || (a === 0 && b === 0) || !(max ? a > b : a < b)) {
      A.u32[2 * k] = B.u32[2 * k]; A.u32[2 * k + 1] = B.u32[2 * k + 1];
    }
  };
  return {
    ps: binary(16, () => { for (let k = 0; k < 4; k++) pick32(k); }),
    pd: binary(16, () => { for (let k = 0; k < 2; k++) pick64(k); }),
    ss: binary(4, () => pick32(0)),
    sd: binary(8, () => pick64(0)),
  };
}

/** sqrt: of the source lanes (a NaN source made quiet, a negative one the default NaN). */
function sqrtForms(): Record<'ps' | 'pd' | 'ss' | 'sd', Exec> {
  const s32 = (k: number) => {
    const u = B.u32[k];
    if (isNaN32(u)) { A.u32[k] = u | F32_QUIET; return; }
    const r = Math.fround(Math.sqrt(B.f32[k]));
    if (Number.isNaN(r)) A.u32[k] = 0xffc00000; else A.f32[k] = r;
  };
  const s64 = (k: number) => {
    const hi = B.u32[2 * k + 1], lo = B.u32[2 * k];
    if (isNaN64(hi, lo)) { A.u32[2 * k + 1] = hi | F64_QUIET_HI; A.u32[2 * k] = lo; return; }
    const r = Math.sqrt(B.f64[k]);
    if (Number.isNaN(r)) { A.u32[2 * k + 1] = 0xfff80000; A.u32[2 * k] = 0; } else A.f64[k] = r;
  };
  return {
    ps: binary(16, () => { for (let k = 0; k < 4; k++) s32(k); }),
    pd: binary(16, () => { for (let k = 0; k < 2; k++) s64(k); }),
    ss: binary(4, () => s32(0)),
    sd: binary(8, () => s64(0)),
  };
}

/** comiss/ucomiss/comisd/ucomisd: ZF PF CF from the compare, OF SF AF cleared. */
function compare(double: boolean): Exec {
  return (c, i) => {
    const x = xmmOf(c);
    loadB(c, i, x, double ? 8 : 4);
    loadA(x, i.reg);
    const a = double ? A.f64[0] : A.f32[0], b = double ? B.f64[0] : B.f32[0];
    let fl = 0;
    if (Number.isNaN(a) || Number.isNaN(b)) fl = ZF | PF | CF;
    else if (a < b) fl = CF;
    else if (a === b) fl = ZF;
    c.setArith(ZF | PF | CF | OF | SF | AF, fl);
  };
}

/** The predicate of cmpps & co. (the immediate's low 3 bits): eq lt le unord neq nlt nle ord. */
function predicate(a: number, b: number, p: number): boolean {
  const unordered = Number.isNaN(a) || Number.isNaN(b);
  switch (p & 7) {
    case 0: return !unordered && a === b;
    case 1: return !unordered && a < b;
    case 2: return !unordered && a <= b;
    case 3: return unordered;
    case 4: return unordered || a !== b;
    case 5: return unordered || !(a < b);
    case 6: return unordered || !(a <= b);
    default: return !unordered;
  }
}

/** cmpps/cmppd/cmpss/cmpsd: each compared lane becomes all ones or all zeros. */
function compareLanes(double: boolean, lanesN: number): Exec {
  const size = lanesN === 1 ? (double ? 8 : 4) : 16;
  return (c, i) => {
    const x = xmmOf(c);
    loadB(c, i, x, size);
    loadA(x, i.reg);
    for (let k = 0; k < lanesN; k++) {
      const t = double ? predicate(A.f64[k], B.f64[k], i.imm) : predicate(A.f32[k], B.f32[k], i.imm);
      const m = t ? 0xffffffff : 0;
      if (double) { A.u32[2 * k] = m; A.u32[2 * k + 1] = m; } else A.u32[k] = m;
    }
    storeA(x, i.reg);
  };
}

// ------------------------------------------------------------------ conversions

/** Rounds to an integer as MXCSR.RC says (0 nearest even, 1 down, 2 up, 3 toward zero). */
function roundRc(v: number, rc: number): number {
  switch (rc) {
    case 0: { const r = Math.round(v); return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r; }
    case 1: return Math.floor(v);
    case 2: return Math.ceil(v);
    default: return Math.trunc(v);
  }
}

/** A float to a 32- or 64-bit integer (lo, hi), the integer indefinite when out of range. */
function toInt(v: number, size: number, rc: number): [number, number] {
  const r = roundRc(v, rc);
  if (size === 4) {
    if (!(r >= -2147483648 && r <= 2147483647)) return [0x80000000 | 0, 0];
    return [r | 0, 0];
  }
  if (!(r >= -9223372036854775808 && r < 9223372036854775808)) return [0, 0x80000000 | 0];
  const b = BigInt.asUintN(64, BigInt(r));
  return [Number(b & 0xffffffffn) | 0, Number(b >> 32n) | 0];
}

/** An integer (BigInt) to single precision, rounded once to nearest even. */
function bigToF32(v: bigint): number {
  const neg = v < 0n;
  let m = neg ? -v : v;
  const len = m.toString(2).length;
  if (len > 24) {
    const shift = BigInt(len - 24);
    let q = m >> shift;
    const rem = m & ((1n << shift) - 1n), half = 1n << (shift - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    m = q << shift;
  }
  const r = Math.fround(Number(m));
  return neg ? -r : r;
}

function rcOf(c: Cpu): number { return (fpuOf(c).mxcsr >> 13) & 3; }

/** cvtsi2ss/cvtsi2sd: a general register or memory integer into the low lane. */
function cvtsi(double: boolean): Exec {
  return (c, i) => {
    const x = xmmOf(c);
    const size = i.s1 === 8 ? 8 : 4;
    let lo: number, hi = 0;
    if (i.mem) { loadB(c, i, x, size); lo = B.u32[0]; hi = B.u32[1]; } else { lo = c.readReg(i.rm, size); hi = c.th; }
    const v = size === 8 ? BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)) : BigInt(lo | 0);
    loadA(x, i.reg);
    if (double) A.f64[0] = Number(v); else A.f32[0] = bigToF32(v);
    storeA(x, i.reg);
  };
}

/** cvt(t)ss2si / cvt(t)sd2si. */
function cvt2si(double: boolean, truncate: boolean): Exec {
  return (c, i) => {
    const x = xmmOf(c);
    loadB(c, i, x, double ? 8 : 4);
    const v = double ? B.f64[0] : B.f32[0];
    const size = i.s0 === 8 ? 8 : 4;
    const [lo, hi] = toInt(v, size, truncate ? 3 : rcOf(c));
    c.writeReg(i.reg, size, lo, hi);
  };
}

/** A single NaN's bits as a double's, made quiet (and the reverse). */
function nan32to64(u: number): [number, number] {
  const m = u & 0x7fffff;
  return [(m & 7) << 29, (u & 0x80000000) | 0x7ff00000 | F64_QUIET_HI | (m >>> 3)];
}
function nan64to32(hi: number, lo: number): number {
  return ((hi & 0x80000000) | 0x7f800000 | F32_QUIET | ((hi & 0xfffff) << 3) | (lo >>> 29)) >>> 0;
}

/** Lane k of B as single, into the double lane j of R. */
function s2d(k: number, j: number): void {
  const u = B.u32[k];
  if (isNaN32(u)) { const [lo, hi] = nan32to64(u); R.u32[2 * j] = lo; R.u32[2 * j + 1] = hi; }
  else R.f64[j] = B.f32[k];
}
function d2s(k: number, j: number): void {
  const hi = B.u32[2 * k + 1], lo = B.u32[2 * k];
  if (isNaN64(hi, lo)) R.u32[j] = nan64to32(hi, lo);
  else R.f32[j] = B.f64[k];
}

function convert(size: number, body: (c: Cpu) => void, merge: boolean): Exec {
  return (c, i) => {
    const x = xmmOf(c);
    loadB(c, i, x, size);
    if (merge) fromReg(R.u32, x, i.reg); else R.u32.fill(0);
    body(c);
    toReg(R.u32, x, i.reg);
  };
}

const CONVERSIONS: Record<string, Exec> = {
  cvtss2sd: convert(4, () => s2d(0, 0), true),
  cvtsd2ss: convert(8, () => d2s(0, 0), true),
  cvtps2pd: convert(8, () => { s2d(0, 0); s2d(1, 1); }, false),
  cvtpd2ps: convert(16, () => { d2s(0, 0); d2s(1, 1); }, false),
  cvtdq2ps: convert(16, () => { for (let k = 0; k < 4; k++) R.f32[k] = B.i32[k]; }, false),
  cvtdq2pd: convert(8, () => { R.f64[0] = B.i32[0]; R.f64[1] = B.i32[1]; }, false),
  cvtps2dq: convert(16, (c) => { const rc = rcOf(c); for (let k = 0; k < 4; k++) R.i32[k] = toInt(B.f32[k], 4, rc)[0]; }, false),
  cvttps2dq: convert(16, () => { for (let k = 0; k < 4; k++) R.i32[k] = toInt(B.f32[k], 4, 3)[0]; }, false),
  cvtpd2dq: convert(16, (c) => { const rc = rcOf(c); for (let k = 0; k < 2; k++) R.i32[k] = toInt(B.f64[k], 4, rc)[0]; }, false),
  cvttpd2dq: convert(16, () => { for (let k = 0; k < 2; k++) R.i32[k] = toInt(B.f64[k], 4, 3)[0]; }, false),
  cvtsi2ss: cvtsi(false), cvtsi2sd: cvtsi(true),
  cvttss2si: cvt2si(false, true), cvttsd2si: cvt2si(true, true),
  cvtss2si: cvt2si(false, false), cvtsd2si: cvt2si(true, false),
};

// ------------------------------------------------------------------ the table

function logic(f: (a: number, b: number) => number): Exec {
  return laneOp('u32', (a, b) => f(a, b) >>> 0);
}

const INTEGER: Record<string, Exec> = {
  paddb: laneOp('u8', (a, b) => a + b), paddw: laneOp('u16', (a, b) => a + b), paddd: laneOp('u32', (a, b) => a + b), paddq: add64(false),
  psubb: laneOp('u8', (a, b) => a - b), psubw: laneOp('u16', (a, b) => a - b), psubd: laneOp('u32', (a, b) => a - b), psubq: add64(true),
  paddsb: laneOp('i8', (a, b) => sat(a + b, -128, 127)), paddsw: laneOp('i16', (a, b) => sat(a + b, -32768, 32767)),
  psubsb: laneOp('i8', (a, b) => sat(a - b, -128, 127)), psubsw: laneOp('i16', (a, b) => sat(a - b, -32768, 32767)),
  paddusb: laneOp('u8', (a, b) => sat(a + b, 0, 255)), paddusw: laneOp('u16', (a, b) => sat(a + b, 0, 65535)),
  psubusb: laneOp('u8', (a, b) => sat(a - b, 0, 255)), psubusw: laneOp('u16', (a, b) => sat(a - b, 0, 65535)),
  pmullw: laneOp('i16', (a, b) => Math.imul(a, b)), pmulhw: laneOp('i16', (a, b) => (a * b) >> 16),
  pmulhuw: laneOp('u16', (a, b) => Math.floor((a * b) / 65536)), pmuludq, pmaddwd, psadbw,
  pavgb: laneOp('u8', (a, b) => (a + b + 1) >> 1), pavgw: laneOp('u16', (a, b) => (a + b + 1) >> 1),
  pminub: laneOp('u8', Math.min), pmaxub: laneOp('u8', Math.max), pminsw: laneOp('i16', Math.min), pmaxsw: laneOp('i16', Math.max),
  pcmpeqb: laneOp('u8', (a, b) => (a === b ? 0xff : 0)), pcmpeqw: laneOp('u16', (a, b) => (a === b ? 0xffff : 0)),
  pcmpeqd: laneOp('u32', (a, b) => (a === b ? 0xffffffff : 0)),
  pcmpgtb: laneOp('i8', (a, b) => (a > b ? -1 : 0)), pcmpgtw: laneOp('i16', (a, b) => (a > b ? -1 : 0)),
  pcmpgtd: laneOp('i32', (a, b) => (a > b ? -1 : 0)),
  pand: logic((a, b) => a & b), pandn: logic((a, b) => ~a & b), por: logic((a, b) => a | b), pxor: logic((a, b) => a ^ b),
  andps: logic((a, b) => a & b), andpd: logic((a, b) => a & b), andnps: logic((a, b) => ~a & b), andnpd: logic((a, b) => ~a & b),
  orps: logic((a, b) => a | b), orpd: logic((a, b) => a | b), xorps: logic((a, b) => a ^ b), xorpd: logic((a, b) => a ^ b),
  punpcklbw: unpack(1, false), punpcklwd: unpack(2, false), punpckldq: unpack(4, false), punpcklqdq: unpack(8, false),
  punpckhbw: unpack(1, true), punpckhwd: unpack(2, true), punpckhdq: unpack(4, true), punpckhqdq: unpack(8, true),
  packsswb: pack(2, false), packuswb: pack(2, true), packssdw: pack(4, false),
  pshufd: pshuf('d'), pshuflw: pshuf('lw'), pshufhw: pshuf('hw'),
  pinsrw, pextrw, shufps: shufps(false), shufpd: shufps(true), ...UNPCK,
  psrldq: byteShift(false), pslldq: byteShift(true),
};

const SHIFTS: [string, number, 'l' | 'r' | 'a'][] = [
  ['psrlw', 2, 'r'], ['psrld', 4, 'r'], ['psrlq', 8, 'r'], ['psraw', 2, 'a'], ['psrad', 4, 'a'],
  ['psllw', 2, 'l'], ['pslld', 4, 'l'], ['psllq', 8, 'l'],
];

const MOVES: Record<string, Exec> = {
  movaps: move128, movups: move128, movapd: move128, movupd: move128, movdqa: move128, movdqu: move128,
  movss: moveScalar(4), movsd: moveScalar(8), movd: movGpr,
  movlps: moveHalf(0), movlpd: moveHalf(0), movhps: moveHalf(1), movhpd: moveHalf(1), movhlps: moveHalf(0), movlhps: moveHalf(1),
  movntps: movnt, movntpd: movnt, movntdq: movnt,
  movmskps: moveMask(4), movmskpd: moveMask(8), pmovmskb: moveMask(1),
  ucomiss: compare(false), comiss: compare(false), ucomisd: compare(true), comisd: compare(true),
  cmpps: compareLanes(false, 4), cmppd: compareLanes(true, 2), cmpss: compareLanes(false, 1), cmpsd: compareLanes(true, 1),
};

const FLOAT: Record<string, Exec> = {};
for (const [stem, forms] of [
  ['add', arith((a, b) => a + b)], ['sub', arith((a, b) => a - b)], ['mul', arith((a, b) => a * b)],
  ['div', arith((a, b) => a / b)], ['min', minmax(false)], ['max', minmax(true)], ['sqrt', sqrtForms()],
] as const) {
  for (const [suffix, fn] of Object.entries(forms)) FLOAT[stem + suffix] = fn;
}

/**
 * The execution function of an SSE form (one with an XMM operand), by mnemonic and operand
 * kinds; undefined for forms this file does not run.
 */
export function sseExec(mnemonic: string, ops: readonly string[]): Exec | undefined {
  if (mnemonic === 'movq') return ops.includes('rm64') ? movGpr : movqXmm;
  const sh = SHIFTS.find(([name]) => name === mnemonic);
  if (sh) return shift(sh[1], sh[2], ops[0] === 'Rx');
  return MOVES[mnemonic] ?? INTEGER[mnemonic] ?? FLOAT[mnemonic] ?? CONVERSIONS[mnemonic];
}
