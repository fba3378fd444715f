// Shifts and rotates (rol ror rcl rcr shl/sal shr sar, shld shrd) at 8/16/32/64 bits.
//
// Undefined flags (documented choices): for a count other than 1, OF is computed with the
// count-1 formula (MSB(result) xor CF for left shifts, as Intel processors do); AF is 0 after
// shifts by a nonzero count; for counts of 0 no flag changes. A 32-bit destination register
// is written (so zero-extended in 64-bit mode) even when the count is 0.
import type { Cpu } from '../cpu.ts';
import type { Insn } from '../decoder.ts';
import { readOp, writeOp } from '../memory-access.ts';
import { AF, CF, OF, PF, SF, ZF } from '../state.ts';

function bit(lo: number, hi: number, k: number): number {
  return k < 32 ? (lo >>> k) & 1 : (hi >>> (k - 32)) & 1;
}

/** (lo,hi) << n for 0 <= n < 64; hi in c.th. */
function shl64(c: Cpu, lo: number, hi: number, n: number): number {
  if (n === 0) { c.th = hi; return lo; }
  if (n < 32) { c.th = (hi << n) | (lo >>> (32 - n)); return lo << n; }
  c.th = lo << (n - 32); return 0;
}
function shr64(c: Cpu, lo: number, hi: number, n: number): number {
  if (n === 0) { c.th = hi; return lo; }
  if (n < 32) { c.th = hi >>> n; return (lo >>> n) | (hi << (32 - n)); }
  c.th = 0; return hi >>> (n - 32);
}
function sar64(c: Cpu, lo: number, hi: number, n: number): number {
  if (n === 0) { c.th = hi; return lo; }
  if (n < 32) { c.th = hi >> n; return (lo >>> n) | (hi << (32 - n)); }
  c.th = hi >> 31; return hi >> (n - 32);
}

function msb(size: number, lo: number, hi: number): number {
  return size === 8 ? hi >>> 31 : (lo >>> (size * 8 - 1)) & 1;
}

function shiftGroup(c: Cpu, i: Insn, op: number): void {
  const size = i.osize;
  const width = size * 8;
  const a = readOp(c, i, i.op0, size), aH = c.th;
  const raw = readOp(c, i, i.op1, 1) & (size === 8 ? 63 : 31);
  if (raw === 0) { writeOp(c, i, i.op0, size, a, aH); return; }
  let r = 0, rH = 0, cf = 0, of = 0;
  const mask = size === 4 ? -1 : size === 8 ? -1 : (1 << width) - 1;
  switch (op) {
    case 0: case 1: { // rol, ror
      const n = raw % width;
      if (size === 8) {
        const l1 = shl64(c, a, aH, op === 0 ? n : (64 - n) % 64), h1 = c.th;
        const l2 = shr64(c, a, aH, op === 0 ? (64 - n) % 64 : n), h2 = c.th;
        r = n === 0 ? a : l1 | l2; rH = n === 0 ? aH : h1 | h2;
      } else if (n === 0) r = a;
      else if (op === 0) r = ((a << n) | (a >>> (width - n))) & mask;
      else r = ((a >>> n) | (a << (width - n))) & mask;
      if (size === 4) r |= 0;
      if (op === 0) { cf = r & 1; of = msb(size, r, rH) ^ cf; }
      else { cf = msb(size, r, rH); of = cf ^ (size === 8 ? (rH >>> 30) & 1 : (r >>> (width - 2)) & 1); }
      writeOp(c, i, i.op0, size, r, rH);
      c.setArith(CF | OF, cf | (of ? OF : 0));
      return;
    }
    case 2: case 3: { // rcl, rcr: one bit at a time through CF
      let n = size === 1 ? raw % 9 : size === 2 ? raw % 17 : raw;
      cf = c.getCF();
      r = a; rH = aH;
      const top = width - 1;
      while (n-- > 0) {
        if (op === 2) {
          const out = msb(size, r, rH);
          if (size === 8) { r = shl64(c, r, rH, 1) | cf; rH = c.th; }
          else r = ((r << 1) | cf) & mask;
          cf = out;
        } else {
          const out = r & 1;
          if (size === 8) { r = shr64(c, r, rH, 1); rH = c.th | (cf << 31); }
          else r = ((r >>> 1) | (cf << top)) & mask;
          cf = out;
        }
      }
      if (size === 4) r |= 0;
      if (op === 2) of = msb(size, r, rH) ^ cf;
      else of = msb(size, r, rH) ^ (size === 8 ? (rH >>> 30) & 1 : (r >>> (width - 2)) & 1);
      writeOp(c, i, i.op0, size, r, rH);
      c.setArith(CF | OF, cf | (of ? OF : 0));
      return;
    }
    case 4: { // shl/sal
      const n = raw;
      if (size === 8) { r = shl64(c, a, aH, n); rH = c.th; cf = bit(a, aH, 64 - n); }
      else {
        r = n >= 32 ? 0 : (a << n) & mask;
        cf = n <= width ? (n === width ? a & 1 : (a >>> (width - n)) & 1) : 0;
      }
      of = msb(size, r, rH) ^ cf;
      break;
    }
    case 5: { // shr
      const n = raw;
      if (size === 8) { r = shr64(c, a, aH, n); rH = c.th; cf = bit(a, aH, n - 1); }
      else { r = n >= 32 ? 0 : ((a >>> 0) >>> n) & mask; cf = n - 1 < 32 ? ((a >>> 0) >>> (n - 1)) & 1 : 0; if (n > width) cf = 0; }
      of = msb(size, a, aH);
      break;
    }
    default: { // sar
      const n = raw;
      if (size === 8) { r = sar64(c, a, aH, n); rH = c.th; cf = bit(a, aH, n - 1); }
      else {
        const s = size === 1 ? (a << 24) >> 24 : size === 2 ? (a << 16) >> 16 : a;
        r = (s >> Math.min(n, 31)) & mask;
        cf = (s >> Math.min(n - 1, 31)) & 1;
      }
      of = 0;
      break;
    }
  }
  if (size === 4) r |= 0;
  writeOp(c, i, i.op0, size, r, rH);
  c.setArith(CF | OF | SF | ZF | PF | AF, cf | (of ? OF : 0) | c.szp(size, r, rH));
}

export const rolI = (c: Cpu, i: Insn) => shiftGroup(c, i, 0);
export const rorI = (c: Cpu, i: Insn) => shiftGroup(c, i, 1);
export const rclI = (c: Cpu, i: Insn) => shiftGroup(c, i, 2);
export const rcrI = (c: Cpu, i: Insn) => shiftGroup(c, i, 3);
export const shlI = (c: Cpu, i: Insn) => shiftGroup(c, i, 4);
export const shrI = (c: Cpu, i: Insn) => shiftGroup(c, i, 5);
export const sarI = (c: Cpu, i: Insn) => shiftGroup(c, i, 7);

/** shld / shrd: the count is the third operand (i8 or cl), masked to 5 or 6 bits. */
function doubleShift(c: Cpu, i: Insn, left: boolean): void {
  const size = i.osize;
  const width = size * 8;
  const a = readOp(c, i, i.op0, size), aH = c.th;
  const b = readOp(c, i, i.op1, size), bH = c.th;
  const n = (i.op2 === 5 /* K.Cl */ ? c.regs[2] : i.imm) & (size === 8 ? 63 : 31);
  if (n === 0) { writeOp(c, i, i.op0, size, a, aH); return; }
  let r: number, rH = 0, cf: number;
  if (size === 8) {
    // 128-bit concatenation; BigInt is acceptable here (not a hot instruction).
    const A = (BigInt(aH >>> 0) << 32n) | BigInt(a >>> 0), B = (BigInt(bH >>> 0) << 32n) | BigInt(b >>> 0);
    const N = BigInt(n);
    let R: bigint;
    if (left) { R = ((A << N) | (B >> (64n - N))) & 0xffffffffffffffffn; cf = Number((A >> (64n - N)) & 1n); }
    else { R = ((A >> N) | (B << (64n - N))) & 0xffffffffffffffffn; cf = Number((A >> (N - 1n)) & 1n); }
    r = Number(R & 0xffffffffn) | 0; rH = Number(R >> 32n) | 0;
  } else if (size === 4) {
    if (left) { r = (a << n) | (b >>> (32 - n)); cf = (a >>> (32 - n)) & 1; }
    else { r = (a >>> n) | (b << (32 - n)); cf = (a >>> (n - 1)) & 1; }
  } else {
    // 16-bit counts above 16 (an undefined result): the source is shifted in again, as the
    // AMD processors of the differential tests do (left: dst:src:src, right: src:src:dst).
    const n16 = n;
    if (left) {
      const t = a * 2 ** 32 + b * 65536 + b;
      const shifted = t * 2 ** n16;
      r = Math.floor(shifted / 2 ** 32) & 0xffff;
      cf = Math.floor(shifted / 2 ** 48) & 1;
    } else {
      const t = b * 2 ** 32 + b * 65536 + a;
      r = Math.floor(t / 2 ** n16) & 0xffff;
      cf = Math.floor(t / 2 ** (n16 - 1)) & 1;
    }
  }
  const of = msb(size, r, rH) ^ msb(size, a, aH);
  void width;
  writeOp(c, i, i.op0, size, r, rH);
  c.setArith(CF | OF | SF | ZF | PF | AF, cf | (of ? OF : 0) | c.szp(size, r, rH));
}

export const shldI = (c: Cpu, i: Insn) => doubleShift(c, i, true);
export const shrdI = (c: Cpu, i: Insn) => doubleShift(c, i, false);
