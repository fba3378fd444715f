// Bit tests (bt bts btr btc), bit scans (bsf bsr tzcnt lzcnt), popcnt and bswap.
//
// Undefined flags (documented choices): bt* leave OF, SF, AF, PF unchanged; bsf/bsr set only
// ZF (others unchanged) and leave the destination unchanged for a zero source (what Intel and
// AMD processors do); tzcnt/lzcnt set CF and ZF and leave the others unchanged; bswap of a
// 16-bit register gives 0 (as Intel processors do).
import type { Cpu } from '../cpu.ts';
import { K, type Insn } from '../decoder.ts';
import { readLin, readOp, writeLin, writeOp } from '../memory-access.ts';
import { AF, CF, OF, PF, SF, ZF } from '../state.ts';

function bitTest(c: Cpu, i: Insn, op: number): void {
  const size = i.osize;
  const width = size * 8;
  let off: number;
  if (i.op1 === K.Imm) off = i.imm & (width - 1);
  else {
    const v = readOp(c, i, i.op1, size), vH = c.th;
    if (i.mem) {
      // A register bit offset reaches memory outside the operand (signed).
      const s = size === 2 ? (v << 16) >> 16 : size === 4 ? v : vH * 4294967296 + (v >>> 0);
      const unit = Math.floor(s / width);
      const lin = c.eaLin + unit * size;
      const bitNo = s - unit * width;
      bitMem(c, i, op, lin, size, bitNo);
      return;
    }
    off = v & (width - 1);
  }
  if (i.mem) { bitMem(c, i, op, c.eaLin, size, off); return; }
  let lo = readOp(c, i, i.op0, size), hi = c.th;
  const inHi = off >= 32;
  const m = 1 << (off & 31);
  const cf = ((inHi ? hi : lo) & m) !== 0;
  if (op !== 0) {
    if (inHi) hi = op === 1 ? hi | m : op === 2 ? hi & ~m : hi ^ m;
    else lo = op === 1 ? lo | m : op === 2 ? lo & ~m : lo ^ m;
    writeOp(c, i, i.op0, size, size === 2 ? lo & 0xffff : lo, hi);
  }
  c.setArith(CF, cf ? CF : 0);
}

function bitMem(c: Cpu, i: Insn, op: number, lin: number, size: number, off: number): void {
  void i;
  let lo = readLin(c, lin, size), hi = c.th;
  const inHi = off >= 32;
  const m = 1 << (off & 31);
  const cf = ((inHi ? hi : lo) & m) !== 0;
  if (op !== 0) {
    if (inHi) hi = op === 1 ? hi | m : op === 2 ? hi & ~m : hi ^ m;
    else lo = op === 1 ? lo | m : op === 2 ? lo & ~m : lo ^ m;
    writeLin(c, lin, size, size === 2 ? lo & 0xffff : lo, hi);
  }
  c.setArith(CF, cf ? CF : 0);
}

export const btI = (c: Cpu, i: Insn) => bitTest(c, i, 0);
export const btsI = (c: Cpu, i: Insn) => bitTest(c, i, 1);
export const btrI = (c: Cpu, i: Insn) => bitTest(c, i, 2);
export const btcI = (c: Cpu, i: Insn) => bitTest(c, i, 3);

function ctz32(v: number): number { return v === 0 ? 32 : 31 - Math.clz32(v & -v); }

export function bsfI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const v = readOp(c, i, i.op1, size), vH = c.th;
  if (v === 0 && vH === 0) { c.setArith(ZF, ZF); return; }
  const n = v !== 0 ? ctz32(v) : 32 + ctz32(vH);
  c.writeReg(i.reg, size, n, 0);
  c.setArith(ZF, 0);
}

export function bsrI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const v = readOp(c, i, i.op1, size), vH = c.th;
  if (v === 0 && vH === 0) { c.setArith(ZF, ZF); return; }
  const n = vH !== 0 ? 63 - Math.clz32(vH) : 31 - Math.clz32(v);
  c.writeReg(i.reg, size, n, 0);
  c.setArith(ZF, 0);
}

export function tzcntI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const v = readOp(c, i, i.op1, size), vH = c.th;
  let n: number;
  if (size === 8) n = v !== 0 ? ctz32(v) : 32 + ctz32(vH);
  else n = v === 0 ? size * 8 : ctz32(v);
  c.writeReg(i.reg, size, n, 0);
  c.setArith(CF | ZF, (n === size * 8 ? CF : 0) | (n === 0 ? ZF : 0));
}

export function lzcntI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const v = readOp(c, i, i.op1, size), vH = c.th;
  let n: number;
  if (size === 8) n = vH !== 0 ? Math.clz32(vH) : 32 + Math.clz32(v);
  else n = Math.clz32(v) - (32 - size * 8);
  c.writeReg(i.reg, size, n, 0);
  c.setArith(CF | ZF, (n === size * 8 ? CF : 0) | (n === 0 ? ZF : 0));
}

function pop32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function popcntI(c: Cpu, i: Insn): void {
  const size = i.osize;
  const v = readOp(c, i, i.op1, size), vH = c.th;
  const n = pop32(v) + (size === 8 ? pop32(vH) : 0);
  c.writeReg(i.reg, size, n, 0);
  c.setArith(CF | OF | SF | ZF | AF | PF, n === 0 ? ZF : 0);
}

function swap32(v: number): number {
  return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}

export function bswapI(c: Cpu, i: Insn): void {
  const r = c.regs, n = i.reg << 1;
  if (i.osize === 8) { const lo = r[n]; r[n] = swap32(r[n + 1]); r[n + 1] = swap32(lo); }
  else if (i.osize === 4) c.w32(i.reg, swap32(r[n]));
  else c.w16(i.reg, 0);
}
