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

function run(c: Cpu, i: Insn, body: (delta: number) => boolean): void {
  const size = i.osize;
  const delta = c.flags & DF ? -size : size;
  if (!i.rep) { body(delta); return; }
  const asize = i.asize;
  if (countZero(c, asize)) return;
  for (let n = 0; ; n++) {
    const more = body(delta);
    if (decCount(c, asize) || !more) return;
    if (n >= CHUNK) { c.nextRip = c.rip; return; }
  }
}

export function movsI(c: Cpu, i: Insn): void {
  const size = i.osize, asize = i.asize, seg = i.seg;
  run(c, i, (d) => {
    const v = readLin(c, addr(c, seg, 6, asize), size), vH = c.th;
    writeLin(c, addr(c, Seg.ES, 7, asize), size, v, vH);
    advance(c, 6, asize, d); advance(c, 7, asize, d);
    return true;
  });
}

export function stosI(c: Cpu, i: Insn): void {
  const size = i.osize, asize = i.asize;
  const v = c.readReg(0, size), vH = c.th;
  run(c, i, (d) => {
    writeLin(c, addr(c, Seg.ES, 7, asize), size, v, vH);
    advance(c, 7, asize, d);
    return true;
  });
}

export function lodsI(c: Cpu, i: Insn): void {
  const size = i.osize, asize = i.asize, seg = i.seg;
  run(c, i, (d) => {
    const v = readLin(c, addr(c, seg, 6, asize), size), vH = c.th;
    c.writeReg(0, size, v, vH);
    advance(c, 6, asize, d);
    return true;
  });
}

export function cmpsI(c: Cpu, i: Insn): void {
  const size = i.osize, asize = i.asize, seg = i.seg;
  const repz = i.rep === 0xf3;
  run(c, i, (d) => {
    const a = readLin(c, addr(c, seg, 6, asize), size), aH = c.th;
    const b = readLin(c, addr(c, Seg.ES, 7, asize), size), bH = c.th;
    sub(c, size, a, aH, b, bH, 0);
    advance(c, 6, asize, d); advance(c, 7, asize, d);
    return c.getZF() === repz;
  });
}

export function scasI(c: Cpu, i: Insn): void {
  const size = i.osize, asize = i.asize;
  const a = c.readReg(0, size), aH = c.th;
  const repz = i.rep === 0xf3;
  run(c, i, (d) => {
    const b = readLin(c, addr(c, Seg.ES, 7, asize), size), bH = c.th;
    sub(c, size, a, aH, b, bH, 0);
    advance(c, 7, asize, d);
    return c.getZF() === repz;
  });
}

export function insI(c: Cpu, i: Insn): void {
  checkIo(c);
  const size = i.osize, asize = i.asize;
  const port = c.regs[4] & 0xffff;
  run(c, i, (d) => {
    const lin = addr(c, Seg.ES, 7, asize);
    const v = c.io.in(port, size as 1 | 2 | 4);
    writeLin(c, lin, size, v, 0);
    advance(c, 7, asize, d);
    return true;
  });
}

export function outsI(c: Cpu, i: Insn): void {
  checkIo(c);
  const size = i.osize, asize = i.asize, seg = i.seg;
  const port = c.regs[4] & 0xffff;
  run(c, i, (d) => {
    const v = readLin(c, addr(c, seg, 6, asize), size);
    c.io.out(port, size as 1 | 2 | 4, size === 4 ? v >>> 0 : v);
    advance(c, 6, asize, d);
    return true;
  });
}
