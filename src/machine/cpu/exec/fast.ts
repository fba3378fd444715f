// Specialised execution functions for the commonest shapes of the commonest instructions
// (register/immediate moves and ALU operations at 32 and 64 bits, inc/dec of a register),
// chosen once per decoded instruction. They compute exactly what the generic functions do,
// without the operand-kind dispatch; everything else runs the generic function of its form.
import type { Cpu } from '../cpu.ts';
import { K, type Insn } from '../decoder.ts';
import type { Exec } from './index.ts';
import { readLin32, readLin64, writeLin32, writeLin64 } from '../memory-access.ts';

const TWO32 = 4294967296;

/** Register number of a register operand (ModRM.reg or ModRM.rm), or -1 for memory / other kinds. */
function regOf(i: Insn, kind: K): number {
  if (kind === K.Reg) return i.reg;
  if (kind === K.Rm && !i.mem) return i.rm;
  if (kind === K.Acc) return 0;
  return -1;
}

// ------------------------------------------------------------ 32-bit

const mov32rr: Exec = (c, i) => { const r = c.regs; r[i.dst << 1] = r[i.src << 1]; r[(i.dst << 1) + 1] = 0; };
const mov32ri: Exec = (c, i) => { const r = c.regs; r[i.dst << 1] = i.imm; r[(i.dst << 1) + 1] = 0; };
const mov64rr: Exec = (c, i) => { const r = c.regs; r[i.dst << 1] = r[i.src << 1]; r[(i.dst << 1) + 1] = r[(i.src << 1) + 1]; };
const mov64ri: Exec = (c, i) => { const r = c.regs; r[i.dst << 1] = i.imm; r[(i.dst << 1) + 1] = i.immHi; };

const load32: Exec = (c, i) => { const r = c.regs; r[i.dst << 1] = readLin32(c, c.eaLin); r[(i.dst << 1) + 1] = 0; };
const load64: Exec = (c, i) => { const r = c.regs, v = readLin64(c, c.eaLin); r[i.dst << 1] = v; r[(i.dst << 1) + 1] = c.th; };
const store32: Exec = (c, i) => { writeLin32(c, c.eaLin, c.regs[i.src << 1]); };
const store64: Exec = (c, i) => { const r = c.regs; writeLin64(c, c.eaLin, r[i.src << 1], r[(i.src << 1) + 1]); };
const store32i: Exec = (c, i) => { writeLin32(c, c.eaLin, i.imm); };
const store64i: Exec = (c, i) => { writeLin64(c, c.eaLin, i.imm, i.immHi); };

function alu32(op: string, imm: boolean): Exec {
  const get = imm ? (c: Cpu, i: Insn) => i.imm : (c: Cpu, i: Insn) => c.regs[i.src << 1];
  switch (op) {
    case 'add': return (c, i) => {
      const r = c.regs, d = i.dst << 1, a = r[d], b = get(c, i), v = (a + b) | 0;
      c.setAdd(4, a, 0, b, 0, v, 0, 0); r[d] = v; r[d + 1] = 0;
    };
    case 'sub': return (c, i) => {
      const r = c.regs, d = i.dst << 1, a = r[d], b = get(c, i), v = (a - b) | 0;
      c.setSub(4, a, 0, b, 0, v, 0, 0); r[d] = v; r[d + 1] = 0;
    };
    case 'cmp': return (c, i) => {
      const a = c.regs[i.dst << 1], b = get(c, i);
      c.setSub(4, a, 0, b, 0, (a - b) | 0, 0, 0);
    };
    case 'and': return (c, i) => { const r = c.regs, d = i.dst << 1, v = r[d] & get(c, i); c.setLogic(4, v, 0); r[d] = v; r[d + 1] = 0; };
    case 'or': return (c, i) => { const r = c.regs, d = i.dst << 1, v = r[d] | get(c, i); c.setLogic(4, v, 0); r[d] = v; r[d + 1] = 0; };
    case 'xor': return (c, i) => { const r = c.regs, d = i.dst << 1, v = r[d] ^ get(c, i); c.setLogic(4, v, 0); r[d] = v; r[d + 1] = 0; };
    case 'test': return (c, i) => { c.setLogic(4, c.regs[i.dst << 1] & get(c, i), 0); };
  }
  throw new Error(op);
}

function alu64(op: string, imm: boolean): Exec {
  switch (op) {
    case 'add': return (c, i) => {
      const r = c.regs, d = i.dst << 1;
      const a = r[d], aH = r[d + 1];
      const b = imm ? i.imm : r[i.src << 1], bH = imm ? i.immHi : r[(i.src << 1) + 1];
      const lo = (a >>> 0) + (b >>> 0);
      const v = lo | 0, vH = (aH + bH + (lo >= TWO32 ? 1 : 0)) | 0;
      c.setAdd(8, a, aH, b, bH, v, vH, 0); r[d] = v; r[d + 1] = vH;
    };
    case 'sub': case 'cmp': {
      const write = op === 'sub';
      return (c, i) => {
        const r = c.regs, d = i.dst << 1;
        const a = r[d], aH = r[d + 1];
        const b = imm ? i.imm : r[i.src << 1], bH = imm ? i.immHi : r[(i.src << 1) + 1];
        const lo = (a >>> 0) - (b >>> 0);
        const v = lo | 0, vH = (aH - bH - (lo < 0 ? 1 : 0)) | 0;
        c.setSub(8, a, aH, b, bH, v, vH, 0);
        if (write) { r[d] = v; r[d + 1] = vH; }
      };
    }
    case 'and': case 'or': case 'xor': case 'test': {
      const k = op === 'and' || op === 'test' ? 0 : op === 'or' ? 1 : 2;
      const write = op !== 'test';
      return (c, i) => {
        const r = c.regs, d = i.dst << 1;
        const b = imm ? i.imm : r[i.src << 1], bH = imm ? i.immHi : r[(i.src << 1) + 1];
        const v = k === 0 ? r[d] & b : k === 1 ? r[d] | b : r[d] ^ b;
        const vH = k === 0 ? r[d + 1] & bH : k === 1 ? r[d + 1] | bH : r[d + 1] ^ bH;
        c.setLogic(8, v, vH);
        if (write) { r[d] = v; r[d + 1] = vH; }
      };
    }
  }
  throw new Error(op);
}

function incdec(size: number, dec: boolean): Exec {
  if (size === 4) return (c, i) => {
    const r = c.regs, d = i.dst << 1, a = r[d], v = (a + (dec ? -1 : 1)) | 0;
    c.setIncDec(4, a, 0, v, 0, dec); r[d] = v; r[d + 1] = 0;
  };
  return (c, i) => {
    const r = c.regs, d = i.dst << 1, a = r[d], aH = r[d + 1];
    const lo = (a >>> 0) + (dec ? -1 : 1);
    const v = lo | 0, vH = (aH + (lo >= TWO32 ? 1 : lo < 0 ? -1 : 0)) | 0;
    c.setIncDec(8, a, aH, v, vH, dec); r[d] = v; r[d + 1] = vH;
  };
}

const CACHE = new Map<string, Exec>();
/** The shape of each specialised function (`add8i`, `xor4r`, `dec8`, `mov4rr`, ...), for the block compiler. */
const KIND = new Map<Exec, string>([
  [mov32rr, 'mov4rr'], [mov32ri, 'mov4ri'], [mov64rr, 'mov8rr'], [mov64ri, 'mov8ri'],
  [load32, 'load4'], [load64, 'load8'], [store32, 'store4r'], [store64, 'store8r'], [store32i, 'store4i'], [store64i, 'store8i'],
]);
function cached(key: string, make: () => Exec): Exec {
  let f = CACHE.get(key);
  if (!f) { CACHE.set(key, (f = make())); KIND.set(f, key); }
  return f;
}

/**
 * The shape of a specialised function chosen by `fastPath` (see KIND), or undefined: lets
 * compile.ts emit the operation inline with exactly the semantics of the function.
 */
export function fastKind(fn: unknown): string | undefined {
  return KIND.get(fn as Exec);
}

const ALU = new Set(['add', 'sub', 'cmp', 'and', 'or', 'xor', 'test']);

/**
 * A specialised function for this decoded instruction, or null. Sets `i.dst` / `i.src`.
 * Only register destinations at 32 or 64 bits, register or immediate sources; no prefixes
 * that change the meaning (lock on a register is #UD anyway and goes the generic way).
 */
export function fastPath(i: Insn): Exec | null {
  if (i.lock || (i.osize !== 4 && i.osize !== 8)) return null;
  const m = i.form.mnemonic;
  const size = i.osize;
  const d = regOf(i, i.op0);
  if (m === 'mov' && i.mem && !i.form.ops.some((k) => k === 'sreg' || k === 'cr' || k === 'dr' || k.startsWith('moffs'))) {
    if (d >= 0 && i.op1 === K.Rm) { i.dst = d; return size === 4 ? load32 : load64; }
    if (i.op0 === K.Rm && i.op1 === K.Imm) return size === 4 ? store32i : store64i;
    const s = regOf(i, i.op1);
    if (i.op0 === K.Rm && s >= 0) { i.src = s; return size === 4 ? store32 : store64; }
    return null;
  }
  if (d < 0) return null;
  if (m === 'mov') {
    if (i.form.ops.some((k) => k === 'sreg' || k === 'cr' || k === 'dr')) return null;
    if (i.op1 === K.Imm) { i.dst = d; return size === 4 ? mov32ri : mov64ri; }
    const s = regOf(i, i.op1);
    if (s < 0) return null;
    i.dst = d; i.src = s;
    return size === 4 ? mov32rr : mov64rr;
  }
  if (ALU.has(m) && i.op2 === K.None) {
    if (i.op1 === K.Imm) { i.dst = d; return cached(`${m}${size}i`, () => (size === 4 ? alu32(m, true) : alu64(m, true))); }
    const s = regOf(i, i.op1);
    if (s < 0) return null;
    i.dst = d; i.src = s;
    return cached(`${m}${size}r`, () => (size === 4 ? alu32(m, false) : alu64(m, false)));
  }
  if ((m === 'inc' || m === 'dec') && i.op1 === K.None) {
    i.dst = d;
    return cached(`${m}${size}`, () => incdec(size, m === 'dec'));
  }
  return null;
}
