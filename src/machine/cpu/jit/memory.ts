// Memory accesses of compiled blocks: effective addresses from register locals, and the test
// that lets an access go straight to the RAM array (as a word index), else -1 and the
// instruction's own function does the access (faults, MMIO, page-crossing, code pages...).
import type { CpuState } from '../state.ts';
import type { Insn } from '../decoder.ts';

/**
 * The RAM word index of an aligned access of `size` (4 or 8) bytes (the byte index for size 1) at the 64-bit address
 * hi:lo (int32 halves), or -1: the address is canonical, the TLB holds the page with the
 * permission needed, CPL < 3, the access is aligned (so it stays in the page) and lands in
 * ordinary RAM (not the 0xA0000-0xFFFFF window, A20 on), and a write does not touch a page
 * holding decoded code: the conditions of translate and of readLin/writeLin's direct path.
 * Generated code inlines this for addresses below 4 GiB.
 */
export function ramWord(c: CpuState, lo: number, hi: number, size: number, write: boolean): number {
  if (((hi << 16) >> 16) !== hi || (lo & (size - 1)) !== 0 || c.ram32 === null || c.cpl === 3 || !c.mem.a20) return -1;
  const lin = hi * 4294967296 + (lo >>> 0);
  const vp = Math.floor(lin / 4096), t = vp & 4095;
  const T = c.tlb;
  if (T.tag[t] !== vp) return -1;
  if (write) {
    const pm = T.perm[t];
    if ((pm & 8) === 0 || ((pm & 1) === 0 && (c.cr0 & 0x10000) !== 0)) return -1;
  }
  const p = T.phys[t] + (lo & 0xfff);
  if (p >= c.ramDirectEnd || (p >= 0xa0000 && p < 0x100000)) return -1;
  if (write && c.codeMarks[p >>> 12] !== 0) return -1;
  return size === 1 ? p : p >>> 2;
}

/**
 * Locals the RAM tests read, set at block entry and after every called function (which may
 * change CPL, A20, CR0.WP, the TLB or the code-page marks): DE, the end of directly
 * accessible RAM (-1: none); WP0, CR0.WP clear; and the last page below 4 GiB that passed the
 * test for a write (PB: its linear base, PW: its first RAM word) and for a read (RB, RW), so
 * that further accesses to it only compare the page (none of what the test depends on can
 * change until the next call); stack accesses have their own pair (SB/SW for a write, TB/TW
 * for a read), so that a loop alternating between its stack and its data hits both. A read
 * also accepts the page remembered for a write.
 */
export const ENV_DECL = 'let DE = -1, WP0 = false, PB = -1, PW = 0, RB = -1, RW = 0, SB = -1, SW = 0, TB = -1, TW = 0;\n';
export const ENV_LOAD = 'DE = RAM !== null && c.cpl !== 3 && c.mem.a20 ? c.ramDirectEnd : -1; WP0 = (c.cr0 & 0x10000) === 0; PB = -1; RB = -1; SB = -1; TB = -1;\n';

/**
 * Assigns to `w` the RAM word index of the access at lo/hi (int32 locals), or -1 (see ramWord).
 */
export function wordCode(w: string, lo: string, hi: string, size: 1 | 4 | 8, write: boolean, stack = false): string {
  const t = `${w}t`, q = `${w}q`;
  const perm = write ? ` && ((T.perm[${t}] & 9) === 9 || ((T.perm[${t}] & 8) !== 0 && WP0))` : '';
  const code = write ? ` && CM[${q} >>> 12] === 0` : '';
  const [wb, ww, rb, rw] = stack ? ['SB', 'SW', 'TB', 'TW'] : ['PB', 'PW', 'RB', 'RW'];
  const aligned = size > 1 ? ` && (${lo} & ${size - 1}) === 0` : '';
  const index = (b: string) => (size === 1 ? `${b} * 4 + (${lo} & 0xfff)` : `${b} + ((${lo} & 0xfff) >>> 2)`);
  const page = `(${q} - (${lo} & 0xfff)) >>> 2`;
  const remember = write ? `{ ${wb} = ${lo} & -4096; ${ww} = ${page}; }` : `{ ${rb} = ${lo} & -4096; ${rw} = ${page}; }`;
  return `${w} = -1;\n` +
    `if (${hi} === 0 && (${lo} & -4096) === ${wb}${aligned}) ${w} = ${index(ww)};\n` +
    (write ? '' : `else if (${hi} === 0 && (${lo} & -4096) === ${rb}${aligned}) ${w} = ${index(rw)};\n`) +
    `else if (${hi} === 0) {\n` +
    `  const ${t} = (${lo} >>> 12) & 4095;\n` +
    `  if (T.tag[${t}] === (${lo} >>> 12)${size > 1 ? ` && (${lo} & ${size - 1}) === 0` : ''}${perm}) {\n` +
    `    const ${q} = T.phys[${t}] + (${lo} & 0xfff);\n` +
    `    if (${q} < DE && (${q} < 0xa0000 || ${q} >= 0x100000)${code}) { ${w} = ${size === 1 ? q : `${q} >>> 2`}; ${remember} }\n` +
    `  }\n` +
    `} else ${w} = WORD(c, ${lo}, ${hi}, ${size}, ${write});\n`;
}

/**
 * Assigns to lo/hi (int32 locals) the effective address of a 64-bit-mode memory operand (base
 * and/or index registers, no RIP, segment base 0) as computeEA does, from the register
 * locals `x`/`y` of the base and index.
 */
export function addressCode(i: Insn, lo: string, hi: string, reg: (n: number) => [string, string]): string {
  // All int32 arithmetic (no float sum and division): each 64-bit add takes the carry out of
  // the low half as an unsigned compare, the scaled index is a 64-bit shift left.
  let l = '', h = '';
  let code = '', n = 0;
  const add = (al: string, ah: string) => {
    if (l === '') { l = al; h = ah; return; }
    const t = `${lo}_${n++}`;
    code += `const ${t} = (${l} + ${al}) | 0, ${t}h = (${h} + ${ah} + ((${t} >>> 0) < (${l} >>> 0) ? 1 : 0)) | 0;\n`;
    l = t; h = `${t}h`;
  };
  if (i.base >= 0) { const [bl, bh] = reg(i.base); add(bl, bh); }
  if (i.index >= 0) {
    const [xl, xh] = reg(i.index);
    if (i.scale === 0) add(xl, xh);
    else {
      const t = `${lo}_x`;
      code += `const ${t} = ${xl} << ${i.scale}, ${t}h = (${xh} << ${i.scale}) | (${xl} >>> ${32 - i.scale});\n`;
      add(t, `${t}h`);
    }
  }
  if (i.disp !== 0 || i.dispHi !== 0 || l === '') add(String(i.disp | 0), String(i.dispHi | 0));
  return `{ ${code}${lo} = ${l} | 0; ${hi} = ${h} | 0; }\n`;
}

/** High 32 bits of the low 64 bits of the product of two 64-bit values (int32 halves). */
export function mulHigh(aL: number, aH: number, bL: number, bH: number): number {
  // The high half of the unsigned 32x32 product from 16-bit pieces, all in int32 arithmetic
  // (Math.imul of two 16-bit pieces is their exact product mod 2^32; no float % or division).
  const a0 = aL & 0xffff, a1 = aL >>> 16, b0 = bL & 0xffff, b1 = bL >>> 16;
  const p01 = Math.imul(a0, b1), p10 = Math.imul(a1, b0);
  const mid = (Math.imul(a0, b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const high = (Math.imul(a1, b1) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
  return (high + Math.imul(aL, bH) + Math.imul(aH, bL)) | 0;
}

/** Whether the signed product of two 64-bit values (int32 halves) does not fit in 64 bits (imul's CF/OF). */
export function mulOverflows(aL: number, aH: number, bL: number, bH: number): boolean {
  const p = Math.abs((aH * 4294967296 + (aL >>> 0)) * (bH * 4294967296 + (bL >>> 0)));
  if (p < 4611686018427387904) return false;     // below 2^62 even with rounding
  if (p > 36893488147419103232) return true;     // above 2^65
  const prod = ((BigInt(aH) << 32n) | BigInt(aL >>> 0)) * ((BigInt(bH) << 32n) | BigInt(bL >>> 0));
  return prod !== BigInt.asIntN(64, prod);
}
