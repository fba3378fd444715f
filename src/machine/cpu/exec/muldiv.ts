// mul, imul (one, two and three operands), div, idiv at 8/16/32/64 bits. Products up to 128
// bits are exact, built from 16-bit partial products; 64-bit divisions use BigInt (only when
// the dividend does not fit in 53 bits).
//
// Undefined flags (documented choices): after mul/imul SF, ZF, AF, PF are set from the low half
// of the result (SF/ZF/PF) and AF = 0; after div/idiv all six are left unchanged.
import type { Cpu } from '../cpu.ts';
import type { Insn } from '../decoder.ts';
import { raise, readOp, writeOp } from '../memory-access.ts';
import { AF, CF, OF, PF, SF, ZF } from '../state.ts';

const TWO32 = 4294967296;
const MULFLAGS = CF | OF | SF | ZF | PF | AF;

/** Unsigned 32x32 -> 64: low half returned, high half in out[0]. */
const mulOut = new Int32Array(4);
function umul32(a: number, b: number): number {
  a >>>= 0; b >>>= 0;
  const aL = a & 0xffff, aH = a >>> 16, bL = b & 0xffff, bH = b >>> 16;
  const ll = aL * bL, lh = aL * bH, hl = aH * bL, hh = aH * bH;
  const mid = lh + hl;                                  // < 2^33
  const low = ll + (mid % 65536) * 65536;               // < 2^49
  const high = hh + Math.floor(mid / 65536) + Math.floor(low / TWO32);
  mulOut[0] = high | 0;
  return low % TWO32 | 0;
}

/** Unsigned 64x64 -> 128 into mulOut[0..3] (least significant first). */
function umul64(aL: number, aH: number, bL: number, bH: number): void {
  const p0l = umul32(aL, bL), p0h = mulOut[0];
  const p1l = umul32(aL, bH), p1h = mulOut[0];
  const p2l = umul32(aH, bL), p2h = mulOut[0];
  const p3l = umul32(aH, bH), p3h = mulOut[0];
  const w0 = p0l;
  let t = (p0h >>> 0) + (p1l >>> 0) + (p2l >>> 0);
  const w1 = t % TWO32;
  t = Math.floor(t / TWO32) + (p1h >>> 0) + (p2h >>> 0) + (p3l >>> 0);
  const w2 = t % TWO32;
  t = Math.floor(t / TWO32) + (p3h >>> 0);
  mulOut[0] = w0; mulOut[1] = w1 | 0; mulOut[2] = w2 | 0; mulOut[3] = t | 0;
}

function sext(size: number, v: number): number {
  return size === 1 ? (v << 24) >> 24 : size === 2 ? (v << 16) >> 16 : v | 0;
}

/** Signed product of two size-byte values; fills mulOut with the 2*size-byte product (LS first, 32-bit words). */
function smul(size: number, a: number, aH: number, b: number, bH: number): void {
  if (size <= 2) {
    const p = sext(size, a) * sext(size, b);
    mulOut[0] = p; mulOut[1] = p < 0 ? -1 : 0;
    return;
  }
  if (size === 4) {
    const lo = umul32(a, b);
    let hi = mulOut[0];
    if (a < 0) hi = (hi - b) | 0;
    if (b < 0) hi = (hi - a) | 0;
    mulOut[0] = lo; mulOut[1] = hi;
    return;
  }
  umul64(a, aH, b, bH);
  // Signed correction of the high 64 bits.
  let w2 = mulOut[2] >>> 0, w3 = mulOut[3];
  if (aH < 0) { const d = w2 - (b >>> 0); w2 = d < 0 ? d + TWO32 : d; w3 = (w3 - bH - (d < 0 ? 1 : 0)) | 0; }
  if (bH < 0) { const d = w2 - (a >>> 0); w2 = d < 0 ? d + TWO32 : d; w3 = (w3 - aH - (d < 0 ? 1 : 0)) | 0; }
  mulOut[2] = w2 | 0; mulOut[3] = w3;
}

function flagsFor(c: Cpu, size: number, lo: number, hi: number, overflow: boolean): void {
  c.setArith(MULFLAGS, (overflow ? CF | OF : 0) | (c.szp(size, lo, hi) & (SF | ZF | PF)));
}

export function mulI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const b = readOp(c, i, i.op0, size), bH = c.th;
  switch (size) {
    case 1: { const p = c.r8(0) * b; c.w16(0, p); flagsFor(c, 1, p & 0xff, 0, p > 0xff); return; }
    case 2: { const p = c.r16(0) * b; c.w16(0, p); c.w16(2, p >>> 16); flagsFor(c, 2, p & 0xffff, 0, p > 0xffff); return; }
    case 4: { const lo = umul32(c.regs[0], b), hi = mulOut[0]; c.w32(0, lo); c.w32(2, hi); flagsFor(c, 4, lo, 0, hi !== 0); return; }
    default: {
      umul64(c.regs[0], c.regs[1], b, bH);
      c.w64(0, mulOut[0], mulOut[1]); c.w64(2, mulOut[2], mulOut[3]);
      flagsFor(c, 8, mulOut[0], mulOut[1], (mulOut[2] | mulOut[3]) !== 0);
    }
  }
}

/** imul with one operand: the accumulator times rm into the double-width register pair. */
function imul1(c: Cpu, i: Insn): void {
  const size = i.osize;
  const b = readOp(c, i, i.op0, size), bH = c.th;
  switch (size) {
    case 1: { const p = sext(1, c.r8(0)) * sext(1, b); c.w16(0, p); flagsFor(c, 1, p & 0xff, 0, p !== sext(1, p & 0xff)); return; }
    case 2: { const p = sext(2, c.r16(0)) * sext(2, b); c.w16(0, p); c.w16(2, p >> 16); flagsFor(c, 2, p & 0xffff, 0, p !== sext(2, p & 0xffff)); return; }
    case 4: {
      smul(4, c.regs[0], 0, b, 0);
      const lo = mulOut[0], hi = mulOut[1];
      c.w32(0, lo); c.w32(2, hi);
      flagsFor(c, 4, lo, 0, hi !== lo >> 31);
      return;
    }
    default: {
      smul(8, c.regs[0], c.regs[1], b, bH);
      const [w0, w1, w2, w3] = [mulOut[0], mulOut[1], mulOut[2], mulOut[3]];
      c.w64(0, w0, w1); c.w64(2, w2, w3);
      const ext = w1 >> 31;
      flagsFor(c, 8, w0, w1, w2 !== ext || w3 !== ext);
    }
  }
}

/** imul r, rm (two operands) and imul r, rm, imm (three): truncated product. */
export function imulI(c: Cpu, i: Insn): void {
  if (i.op1 === 0) { imul1(c, i); return; }
  const size = i.osize;
  let a: number, aH: number, b: number, bH: number;
  if (i.op2 !== 0) {
    a = readOp(c, i, i.op1, size); aH = c.th;
    b = i.imm; bH = i.immHi;
  } else {
    a = readOp(c, i, i.op0, size); aH = c.th;
    b = readOp(c, i, i.op1, size); bH = c.th;
  }
  smul(size, a, aH, b, bH);
  let lo: number, hi = 0, overflow: boolean;
  if (size === 2) { lo = mulOut[0] & 0xffff; overflow = mulOut[0] !== sext(2, lo); }
  else if (size === 4) { lo = mulOut[0]; overflow = mulOut[1] !== lo >> 31; }
  else { lo = mulOut[0]; hi = mulOut[1]; const ext = hi >> 31; overflow = mulOut[2] !== ext || mulOut[3] !== ext; }
  writeOp(c, i, i.op0, size, lo, hi);
  flagsFor(c, size, lo, hi, overflow);
}

export function divI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const d = readOp(c, i, i.op0, size), dH = c.th;
  if (size === 1) {
    if (d === 0) raise(0);
    const n = c.r16(0), q = Math.floor(n / d);
    if (q > 0xff) raise(0);
    c.w16(0, ((n % d) << 8) | q);
  } else if (size === 2) {
    if (d === 0) raise(0);
    const n = c.r16(2) * 65536 + c.r16(0), q = Math.floor(n / d);
    if (q > 0xffff) raise(0);
    c.w16(0, q); c.w16(2, n % d);
  } else if (size === 4) {
    const dv = d >>> 0;
    if (dv === 0) raise(0);
    const hi = c.regs[4] >>> 0, lo = c.regs[0] >>> 0;
    if (hi >= dv) raise(0);
    if (hi < 0x200000) {
      const n = hi * TWO32 + lo;
      c.w32(0, Math.floor(n / dv) | 0); c.w32(2, n % dv | 0);
    } else {
      const n = (BigInt(hi) << 32n) | BigInt(lo), D = BigInt(dv);
      c.w32(0, Number(n / D) | 0); c.w32(2, Number(n % D) | 0);
    }
  } else {
    const D = (BigInt(dH >>> 0) << 32n) | BigInt(d >>> 0);
    if (D === 0n) raise(0);
    const r = c.regs;
    if (r[5] === 0 && r[4] === 0 && (r[1] >>> 0) < 0x200000 && (dH >>> 0) < 0x200000) {
      const n = (r[1] >>> 0) * TWO32 + (r[0] >>> 0), dv = (dH >>> 0) * TWO32 + (d >>> 0);
      const q = Math.floor(n / dv), m = n - q * dv;
      c.w64(0, q % TWO32 | 0, Math.floor(q / TWO32)); c.w64(2, m % TWO32 | 0, Math.floor(m / TWO32));
      return;
    }
    const N = (c.getReg64(2) << 64n) | c.getReg64(0);
    const q = N / D;
    if (q > 0xffffffffffffffffn) raise(0);
    c.setReg64(0, q); c.setReg64(2, N % D);
  }
}

export function idivI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const d = readOp(c, i, i.op0, size), dH = c.th;
  if (size <= 4) {
    const dv = sext(size, d);
    if (dv === 0) raise(0);
    let n: number | bigint;
    if (size === 1) n = sext(2, c.r16(0));
    else if (size === 2) n = sext(2, c.r16(2)) * 65536 + c.r16(0);
    else n = (BigInt(c.regs[4]) << 32n) | BigInt(c.regs[0] >>> 0);
    let q: number, m: number;
    if (typeof n === 'bigint') {
      const D = BigInt(dv);
      const Q = n / D;  // truncates toward zero
      if (Q > 0x7fffffffn || Q < -0x80000000n) raise(0);
      q = Number(Q); m = Number(n - Q * D);
    } else {
      q = Math.trunc(n / dv); m = n - q * dv;
      const lim = size === 1 ? 0x80 : 0x8000;
      if (q >= lim || q < -lim) raise(0);
    }
    if (size === 1) c.w16(0, ((m & 0xff) << 8) | (q & 0xff));
    else if (size === 2) { c.w16(0, q); c.w16(2, m); }
    else { c.w32(0, q | 0); c.w32(2, m | 0); }
    return;
  }
  const D = BigInt.asIntN(64, (BigInt(dH >>> 0) << 32n) | BigInt(d >>> 0));
  if (D === 0n) raise(0);
  const N = BigInt.asIntN(128, (c.getReg64(2) << 64n) | c.getReg64(0));
  const Q = N / D;
  if (Q > 0x7fffffffffffffffn || Q < -0x8000000000000000n) raise(0);
  c.setReg64(0, BigInt.asUintN(64, Q)); c.setReg64(2, BigInt.asUintN(64, N - Q * D));
}
