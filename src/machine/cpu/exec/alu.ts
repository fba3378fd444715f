// The classic ALU operations (add or adc sbb and sub xor cmp, test, inc dec not neg), the
// exchanges (xchg xadd cmpxchg cmpxchg8b/16b) and the BCD adjustments. 64-bit operands are
// computed on 32-bit halves with carries from unsigned compares. Flags are left lazy.
import type { Cpu } from '../cpu.ts';
import type { Insn } from '../decoder.ts';
import { mask, raise, readLin32, readOp, writeLin32, writeOp } from '../memory-access.ts';
import { AF, CF, OF, PF, SF, ZF } from '../state.ts';

const TWO32 = 4294967296;

/** a + b + cin at `size` bytes; result low half returned, high half in c.th; lazy flags set. */
export function add(c: Cpu, size: number, a: number, aH: number, b: number, bH: number, cin: number): number {
  if (size === 8) {
    const lo = (a >>> 0) + (b >>> 0) + cin;
    const carry = lo >= TWO32 ? 1 : 0;
    const r = lo | 0, rH = (aH + bH + carry) | 0;
    c.setAdd(8, a, aH, b, bH, r, rH, cin);
    c.th = rH;
    return r;
  }
  const r = mask(size, a + b + cin);
  c.setAdd(size, a, 0, b, 0, r, 0, cin);
  c.th = 0;
  return r;
}

export function sub(c: Cpu, size: number, a: number, aH: number, b: number, bH: number, cin: number): number {
  if (size === 8) {
    const lo = (a >>> 0) - (b >>> 0) - cin;
    const borrow = lo < 0 ? 1 : 0;
    const r = lo | 0, rH = (aH - bH - borrow) | 0;
    c.setSub(8, a, aH, b, bH, r, rH, cin);
    c.th = rH;
    return r;
  }
  const r = mask(size, a - b - cin);
  c.setSub(size, a, 0, b, 0, r, 0, cin);
  c.th = 0;
  return r;
}

function binary(c: Cpu, i: Insn, op: number): void {
  const size = i.osize;
  const a = readOp(c, i, i.op0, size), aH = c.th;
  const b = readOp(c, i, i.op1, size), bH = c.th;
  let r: number, rH = 0;
  switch (op) {
    case 0: r = add(c, size, a, aH, b, bH, 0); rH = c.th; break;
    case 1: r = a | b; rH = aH | bH; c.setLogic(size, r, rH); break;
    case 2: r = add(c, size, a, aH, b, bH, c.getCF()); rH = c.th; break;
    case 3: r = sub(c, size, a, aH, b, bH, c.getCF()); rH = c.th; break;
    case 4: r = a & b; rH = aH & bH; c.setLogic(size, r, rH); break;
    case 5: r = sub(c, size, a, aH, b, bH, 0); rH = c.th; break;
    case 6: r = a ^ b; rH = aH ^ bH; c.setLogic(size, r, rH); break;
    default: sub(c, size, a, aH, b, bH, 0); return;  // cmp
  }
  writeOp(c, i, i.op0, size, r, rH);
}

export const addI = (c: Cpu, i: Insn) => binary(c, i, 0);
export const orI = (c: Cpu, i: Insn) => binary(c, i, 1);
export const adcI = (c: Cpu, i: Insn) => binary(c, i, 2);
export const sbbI = (c: Cpu, i: Insn) => binary(c, i, 3);
export const andI = (c: Cpu, i: Insn) => binary(c, i, 4);
export const subI = (c: Cpu, i: Insn) => binary(c, i, 5);
export const xorI = (c: Cpu, i: Insn) => binary(c, i, 6);
export const cmpI = (c: Cpu, i: Insn) => binary(c, i, 7);

export function testI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const a = readOp(c, i, i.op0, size), aH = c.th;
  const b = readOp(c, i, i.op1, size), bH = c.th;
  c.setLogic(size, a & b, aH & bH);
}

function incdec(c: Cpu, i: Insn, dec: boolean): void {
  const size = i.osize;
  const a = readOp(c, i, i.op0, size), aH = c.th;
  let r: number, rH = 0;
  if (size === 8) {
    const lo = (a >>> 0) + (dec ? -1 : 1);
    r = lo | 0;
    rH = (aH + (lo >= TWO32 ? 1 : lo < 0 ? -1 : 0)) | 0;
  } else r = mask(size, a + (dec ? -1 : 1));
  c.setIncDec(size, a, aH, r, rH, dec);
  writeOp(c, i, i.op0, size, r, rH);
}
export const incI = (c: Cpu, i: Insn) => incdec(c, i, false);
export const decI = (c: Cpu, i: Insn) => incdec(c, i, true);

export function notI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const a = readOp(c, i, i.op0, size), aH = c.th;
  writeOp(c, i, i.op0, size, mask(size, ~a), ~aH);
}

export function negI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const a = readOp(c, i, i.op0, size), aH = c.th;
  const r = sub(c, size, 0, 0, a, aH, 0);
  writeOp(c, i, i.op0, size, r, c.th);
}

export function xchgI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const a = readOp(c, i, i.op0, size), aH = c.th;
  const b = readOp(c, i, i.op1, size), bH = c.th;
  writeOp(c, i, i.op0, size, b, bH);
  writeOp(c, i, i.op1, size, a, aH);
}

export function xaddI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const a = readOp(c, i, i.op0, size), aH = c.th;
  const b = readOp(c, i, i.op1, size), bH = c.th;
  const r = add(c, size, a, aH, b, bH, 0), rH = c.th;
  writeOp(c, i, i.op1, size, a, aH);
  writeOp(c, i, i.op0, size, r, rH);
}

export function cmpxchgI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const d = readOp(c, i, i.op0, size), dH = c.th;
  const acc = c.readReg(0, size), accH = c.th;
  sub(c, size, acc, accH, d, dH, 0);
  if (acc === d && accH === dH) {
    const s = readOp(c, i, i.op1, size), sH = c.th;
    writeOp(c, i, i.op0, size, s, sH);
  } else {
    // The destination is written back unchanged (a locked read-modify-write), then the accumulator loaded.
    if (i.mem) writeOp(c, i, i.op0, size, d, dH);
    c.writeReg(0, size, d, dH);
  }
}

export function cmpxchg8bI(c: Cpu, i: Insn): void {
  const lin = c.eaLin;
  if (i.osize === 8 && i.rexW) {
    // cmpxchg16b: 16-byte aligned operand, rdx:rax vs m128.
    if (lin % 16 !== 0) raise(13, 0);
    const m0 = readLin32(c, lin), m1 = readLin32(c, lin + 4), m2 = readLin32(c, lin + 8), m3 = readLin32(c, lin + 12);
    const r = c.regs;
    if (m0 === r[0] && m1 === r[1] && m2 === r[4] && m3 === r[5]) {
      writeLin32(c, lin, r[6]); writeLin32(c, lin + 4, r[7]); writeLin32(c, lin + 8, r[2]); writeLin32(c, lin + 12, r[3]);
      c.setArith(ZF, ZF);
    } else {
      writeLin32(c, lin, m0); writeLin32(c, lin + 4, m1); writeLin32(c, lin + 8, m2); writeLin32(c, lin + 12, m3);
      c.w64(0, m0, m1); c.w64(2, m2, m3);
      c.setArith(ZF, 0);
    }
    return;
  }
  const m0 = readLin32(c, lin), m1 = readLin32(c, lin + 4);
  const r = c.regs;
  if (m0 === r[0] && m1 === r[4]) {
    writeLin32(c, lin, r[6]); writeLin32(c, lin + 4, r[2]);
    c.setArith(ZF, ZF);
  } else {
    writeLin32(c, lin, m0); writeLin32(c, lin + 4, m1);
    c.w32(0, m0); c.w32(2, m1);
    c.setArith(ZF, 0);
  }
}

// ------------------------------------------------------------ BCD (16/32-bit modes only)

function setSZPFlags(c: Cpu, al: number, extra: number, extraMask: number): void {
  c.setArith(SF | ZF | PF | extraMask, c.szp(1, al, 0) | extra);
}

export function daaI(c: Cpu): void {
  let al = c.r8(0);
  const cf = c.getCF(), af = c.getAF();
  const oldAl = al;
  let nf = 0;
  if ((al & 0xf) > 9 || af) { if (al + 6 > 0xff) nf |= CF; al = (al + 6) & 0xff; nf |= AF; }
  if (oldAl > 0x99 || cf) { al = (al + 0x60) & 0xff; nf |= CF; }
  c.w8(0, al);
  setSZPFlags(c, al, nf, AF | CF | OF);
}
export function dasI(c: Cpu): void {
  let al = c.r8(0);
  const cf = c.getCF(), af = c.getAF();
  const oldAl = al;
  let nf = 0;
  if ((al & 0xf) > 9 || af) { if (al < 6) nf |= CF; al = (al - 6) & 0xff; nf |= AF; }
  if (oldAl > 0x99 || cf) { al = (al - 0x60) & 0xff; nf |= CF; }
  c.w8(0, al);
  setSZPFlags(c, al, nf, AF | CF | OF);
}
export function aaaI(c: Cpu): void {
  let ax = c.r16(0);
  let nf = 0;
  if ((ax & 0xf) > 9 || c.getAF()) { ax = (ax + 0x106) & 0xffff; nf = AF | CF; }
  ax &= 0xff0f;
  c.w16(0, ax);
  setSZPFlags(c, ax & 0xff, nf, AF | CF | OF);
}
export function aasI(c: Cpu): void {
  let ax = c.r16(0);
  let nf = 0;
  if ((ax & 0xf) > 9 || c.getAF()) { ax = ((ax - 6) & 0xff) | ((((ax >> 8) - 1) & 0xff) << 8); nf = AF | CF; }
  ax &= 0xff0f;
  c.w16(0, ax);
  setSZPFlags(c, ax & 0xff, nf, AF | CF | OF);
}
export function aamI(c: Cpu, i: Insn): void {
  const base = i.imm & 0xff;
  if (base === 0) raise(0);
  const al = c.r8(0);
  const r = al % base;
  c.w16(0, (Math.floor(al / base) << 8) | r);
  setSZPFlags(c, r, 0, AF | CF | OF);
}
export function aadI(c: Cpu, i: Insn): void {
  const base = i.imm & 0xff;
  const ax = c.r16(0);
  const r = ((ax & 0xff) + (ax >> 8) * base) & 0xff;
  c.w16(0, r);
  setSZPFlags(c, r, 0, AF | CF | OF);
}
