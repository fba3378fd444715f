// The compiler's int32 helpers against their definitions: generated effective-address code
// against computeOffset (the interpreter's), and mulHigh against BigInt products, over
// boundary values and values whose low halves carry into the high ones.
import { describe, expect, it } from 'vitest';
import type { Insn } from '../decoder.ts';
import type { CpuState } from '../state.ts';
import { computeOffset } from '../memory-access.ts';
import { addressCode, mulHigh } from './memory.ts';

const EDGES = [0, 1, -1, 8, -8, 0x7fffffff, -0x80000000, 0x7ffffff8, -0x7ffffff8, 0xfff, 0x12345678, -0x12345678];

/** Deterministic pseudo-random int32s (xorshift). */
function randoms(n: number): number[] {
  let s = 0x2545f491;
  return Array.from({ length: n }, () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return s | 0; });
}

describe('addressCode', () => {
  it('computes what computeOffset does for base, index*scale and disp (every scale, carries both ways)', () => {
    const vals = [...EDGES, ...randoms(12)];
    let checked = 0;
    for (const shape of [[3, -1], [-1, 5], [3, 5], [3, 3]] as const) {
      for (const scale of shape[1] < 0 ? [0] : [0, 1, 2, 3]) {
        for (const disp of [0, 8, -8, 0x7fffffff, -0x80000000]) {
          const insn = { base: shape[0], index: shape[1], scale, disp, dispHi: disp < 0 ? -1 : 0, asize: 8, len: 4 } as unknown as Insn;
          const code = 'let e = 0, h = 0;\n' + addressCode(insn, 'e', 'h', (g) => [`x${g}`, `y${g}`]) + 'return [e, h];';
          const generated = new Function('x3', 'y3', 'x5', 'y5', code) as (...a: number[]) => [number, number];
          for (let k = 0; k < vals.length * vals.length; k++) {
            const regs = new Int32Array(32);
            regs[6] = vals[k % vals.length]!; regs[7] = vals[(k * 7 + 3) % vals.length]!;
            regs[10] = vals[Math.floor(k / vals.length)]!; regs[11] = vals[(k * 5 + 1) % vals.length]!;
            const c = { regs, rip: 0 } as unknown as CpuState;
            computeOffset(c, insn);
            expect(generated(regs[6]!, regs[7]!, regs[10]!, regs[11]!)).toEqual([c.eaLo, c.eaHi]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});

describe('mulHigh', () => {
  it('is bits 32..63 of the 64-bit product', () => {
    const vals = [...EDGES, 0xffff, 0x10000, 0xffff0000 | 0, ...randoms(16)];
    for (const aL of vals) for (const aH of vals) for (const bL of vals) {
      const bH = (aL ^ bL) | 0;
      const a = (BigInt(aH) << 32n) | BigInt(aL >>> 0), b = (BigInt(bH) << 32n) | BigInt(bL >>> 0);
      expect(mulHigh(aL, aH, bL, bH)).toBe(Number(BigInt.asIntN(32, (a * b) >> 32n)));
    }
  });
});
