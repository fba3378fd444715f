// String instructions (movs cmps stos lods scas ins outs) with rep/repe/repne, in both
// directions, with 16/32/64-bit address sizes. Registers are updated every iteration so a
// fault in the middle restarts exactly; a long rep runs in chunks (the instruction is
// re-executed), so interrupts and the instruction budget are served in between.
import type { Cpu } from '../cpu.ts';
import type { Insn } from '../decoder.ts';
import { linear, readLin, writeLin } from '../memory-access.ts';
import { DF, Seg } from '../state.ts';
import { sub } from './alu.ts';
import { checkIo } from './system.ts';

const CHUNK = 4096;
const TWO32 = 4294967296;

function addr(c: Cpu, seg: number, reg: number, asize: number): number {
  const r = c.regs;
  if (asize === 2) return linear(c, seg, r[reg << 1] & 0xffff, 0);
  if (asize === 4) return linear(c, seg, r[reg << 1], 0);
  return linear(c, seg, r[reg << 1], r[(reg << 1) + 1]);
}

function advance(c: Cpu, reg: number, asize: number, delta: number): void {
  const r = c.regs, n = reg << 1;
  if (asize === 2) r[n] = (r[n] & ~0xffff) | ((r[n] + delta) & 0xffff);
  else if (asize === 4) { r[n] = (r[n] + delta) | 0; r[n + 1] = 0; }
  else {
    const lo = (r[n] >>> 0) + delta;
    r[n] = lo | 0;
    if (lo >= TWO32) r[n + 1] = (r[n + 1] + 1) | 0; else if (lo < 0) r[n + 1] = (r[n + 1] - 1) | 0;
  }
}

function countZero(c: Cpu, asize: number): boolean {
  const r = c.regs;
  return asize === 2 ? (r[2] & 0xffff) === 0 : asize === 4 ? r[2] === 0 : (r[2] | r[3]) === 0;
}

/** Decrements the count register; true when it reached zero. */
function decCount(c: Cpu, asize: number): boolean {
  advance(c, 1, asize, -1);
  return countZero(c, asize);
}

const enum Op { Movs, Stos, Lods, Cmps, Scas, Ins, Outs }

/** One iteration of a string instruction; false when a repe/repne condition ends the loop. */
function step(c: Cpu, i: Insn, op: Op, d: number): boolean {
  const size = i.osize, asize = i.asize;
  switch (op) {
    case Op.Movs: {
      const v = readLin(c, addr(c, i.seg, 6, asize), size), vH = c.th;
      writeLin(c, addr(c, Seg.ES, 7, asize), size, v, vH);
      advance(c, 6, asize, d); advance(c, 7, asize, d);
      return true;
    }
    case Op.Stos: {
      const v = c.readReg(0, size), vH = c.th;
      writeLin(c, addr(c, Seg.ES, 7, asize), size, v, vH);
      advance(c, 7, asize, d);
      return true;
    }
    case Op.Lods: {
      const v = readLin(c, addr(c, i.seg, 6, asize), size), vH = c.th;
      c.writeReg(0, size, v, vH);
      advance(c, 6, asize, d);
      return true;
    }
    case Op.Cmps: {
      const a = readLin(c, addr(c, i.seg, 6, asize), size), aH = c.th;
      const b = readLin(c, addr(c, Seg.ES, 7, asize), size), bH = c.th;
      sub(c, size, a, aH, b, bH, 0);
      advance(c, 6, asize, d); advance(c, 7, asize, d);
      return c.getZF() === (i.rep === 0xf3);
    }
    case Op.Scas: {
      const a = c.readReg(0, size), aH = c.th;
      const b = readLin(c, addr(c, Seg.ES, 7, asize), size), bH = c.th;
      sub(c, size, a, aH, b, bH, 0);
      advance(c, 7, asize, d);
      return c.getZF() === (i.rep === 0xf3);
    }
    case Op.Ins: {
      const lin = addr(c, Seg.ES, 7, asize);
      const v = c.io.in(c.regs[4] & 0xffff, size as 1 | 2 | 4);
      writeLin(c, lin, size, v, 0);
      advance(c, 7, asize, d);
      return true;
    }
    default: {
      const v = readLin(c, addr(c, i.seg, 6, asize), size);
      c.io.out(c.regs[4] & 0xffff, size as 1 | 2 | 4, size === 4 ? v >>> 0 : v);
      advance(c, 6, asize, d);
      return true;
    }
  }
}

/** Runs a string instruction: once, or repeated by rep/repe/repne in chunks (no allocation). */
function run(c: Cpu, i: Insn, op: Op): void {
  const d = c.flags & DF ? -i.osize : i.osize;
  if (!i.rep) { step(c, i, op, d); return; }
  const asize = i.asize;
  if (countZero(c, asize)) return;
  for (let n = 0; ; n++) {
    const more = step(c, i, op, d);
    if (decCount(c, asize) || !more) return;
    if (n >= CHUNK) { c.nextRip = c.rip; c.exitBlock = true; return; } // re-executed: the block must not go on past it
  }
}

export function movsI(c: Cpu, i: Insn): void { run(c, i, Op.Movs); }
export function stosI(c: Cpu, i: Insn): void { run(c, i, Op.Stos); }
export function lodsI(c: Cpu, i: Insn): void { run(c, i, Op.Lods); }
export function cmpsI(c: Cpu, i: Insn): void { run(c, i, Op.Cmps); }
export function scasI(c: Cpu, i: Insn): void { run(c, i, Op.Scas); }
export function insI(c: Cpu, i: Insn): void { checkIo(c); run(c, i, Op.Ins); }
export function outsI(c: Cpu, i: Insn): void { checkIo(c); run(c, i, Op.Outs); }
