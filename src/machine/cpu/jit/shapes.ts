// Which decoded instructions the block compiler emits inline, and in what shape. Every shape
// has exactly the semantics of the execution function the decoder chose for the record
// (exec/fast.ts's specialised functions, or the generic ones of exec/*.ts for the forms below).
import { K, type Insn } from '../decoder.ts';
import { fastKind } from '../exec/fast.ts';
import { callI, jccI, jmpI, retI } from '../exec/flow.ts';
import { sarI, shlI, shrI } from '../exec/shift.ts';
import { popI, pushI } from '../exec/stack.ts';
import { addI, andI, cmpI, orI, subI, testI, xorI } from '../exec/alu.ts';
import { imulI } from '../exec/muldiv.ts';
import { cmovI, leaI, movI, movzxI, setccI } from '../exec/move.ts';

export type Op =
  | 'mov' | 'add' | 'sub' | 'cmp' | 'and' | 'or' | 'xor' | 'test' | 'inc' | 'dec'
  | 'shl' | 'shr' | 'sar' | 'imul' | 'lea' | 'setcc' | 'cmovcc'
  | 'load' | 'store' | 'push' | 'pop' | 'call' | 'ret' | 'loadzx8' | 'store8'
  | 'madd' | 'msub' | 'mcmp' | 'mand' | 'mor' | 'mxor'
  /** cmp/test [mem], imm (sizes 1, 4, 8): read-only, flags only. */
  | 'mcmpi' | 'mtesti'
  /** add/sub/cmp/and/or/xor/test of byte registers (r8, r8 / r8, imm8). */
  | 'alu8';

export interface Shape {
  op: Op;
  /** Operand bytes (1 only for mcmpi/mtesti/alu8). */
  size: 1 | 4 | 8;
  /** The source is the immediate (imm/immHi), not register `src`. */
  imm: boolean;
  /** Shift count (shifts), or the register (push/pop, reg,[mem] ALU ops). */
  n: number;
}

/** Forms that access memory: an inline RAM fast path, else the instruction's own function. */
export const MEMORY_OPS: ReadonlySet<Op> = new Set<Op>(['load', 'store', 'push', 'pop', 'call', 'ret', 'madd', 'msub', 'mcmp', 'mand', 'mor', 'mxor', 'loadzx8', 'store8', 'mcmpi', 'mtesti']);

/** 64-bit mode memory operand the compiler can address itself: base/index registers, no RIP, segment base 0. */
export function inlineAddress(i: Insn): boolean {
  return i.ea && i.bits === 64 && i.asize === 8 && i.base !== 16 && i.seg < 4;
}

export function shapeOf(i: Insn): Shape | null {
  if (i.invalid || i.lock) return null;
  const sh = i.fn === (shlI as unknown) ? 'shl' : i.fn === (shrI as unknown) ? 'shr' : i.fn === (sarI as unknown) ? 'sar' : null;
  if (sh !== null) {
    // shl/shr/sar of a 32/64-bit register by a constant count (nonzero once masked).
    if ((i.osize !== 4 && i.osize !== 8) || i.op0 !== K.Rm || i.mem) return null;
    if (i.op1 !== K.Imm && i.op1 !== K.One) return null;
    const n = (i.op1 === K.One ? 1 : i.imm) & (i.osize === 8 ? 63 : 31);
    if (n === 0) return null;
    return { op: sh, size: i.osize, imm: true, n };
  }
  if ((i.fn === (pushI as unknown) || i.fn === (popI as unknown)) && i.bits === 64 && i.osize === 8 &&
      (i.op0 === K.Reg || (i.op0 === K.Rm && !i.mem))) {
    return { op: i.fn === (pushI as unknown) ? 'push' : 'pop', size: 8, imm: false, n: i.op0 === K.Reg ? i.reg : i.rm };
  }
  if (i.bits === 64 && i.osize === 8) {
    if (i.fn === (callI as unknown) && i.op0 === K.Rel) return { op: 'call', size: 8, imm: false, n: 0 };
    if (i.fn === (retI as unknown) && i.op0 === K.None) return { op: 'ret', size: 8, imm: false, n: 0 };
  }
  if (i.fn === (imulI as unknown) && (i.osize === 4 || i.osize === 8) && i.op0 === K.Reg && i.op1 === K.Rm && !i.mem &&
      (i.op2 === K.None || i.op2 === K.Imm)) {
    // imul r, r (2 operands) / imul r, r, imm (3 operands): the first factor's register in `n`.
    return { op: 'imul', size: i.osize, imm: i.op2 === K.Imm, n: i.op2 === K.Imm ? i.rm : i.reg };
  }
  if (i.fn === (leaI as unknown) && i.bits === 64 && i.asize === 8 && (i.osize === 4 || i.osize === 8) && i.op0 === K.Reg && i.mem) {
    return { op: 'lea', size: i.osize, imm: false, n: i.reg };
  }
  if (i.fn === (setccI as unknown) && i.op0 === K.Rm && !i.mem) {
    // setcc r8: the byte register code in `n` (16-19 are ah..bh).
    return { op: 'setcc', size: 4, imm: false, n: i.rm };
  }
  if (i.fn === (cmovI as unknown) && (i.osize === 4 || i.osize === 8) && i.op0 === K.Reg && i.op1 === K.Rm && !i.mem) {
    return { op: 'cmovcc', size: i.osize, imm: false, n: i.rm };
  }
  if (i.fn === (movzxI as unknown) && (i.osize === 4 || i.osize === 8) && i.op0 === K.Reg && i.mem && i.form.ops[1] === 'rm8' && inlineAddress(i)) {
    return { op: 'loadzx8', size: i.osize, imm: false, n: i.reg };
  }
  if (i.fn === (movI as unknown) && i.osize === 1 && i.op0 === K.Rm && i.mem && (i.op1 === K.Imm || i.op1 === K.Reg) && inlineAddress(i)) {
    // mov byte [mem], imm8 / r8 (the byte register code in `n`: 16-19 are ah..bh).
    return { op: 'store8', size: 4, imm: i.op1 === K.Imm, n: i.op1 === K.Reg ? i.reg : 0 };
  }
  if ((i.fn === (cmpI as unknown) || i.fn === (testI as unknown)) && (i.osize === 1 || i.osize === 4 || i.osize === 8) &&
      i.op0 === K.Rm && i.mem && i.op1 === K.Imm && i.op2 === K.None && inlineAddress(i)) {
    // cmp/test byte/dword/qword [mem], imm (the immediate masked to a byte, or sign-extended to 64 bits, by the decoder).
    return { op: i.fn === (cmpI as unknown) ? 'mcmpi' : 'mtesti', size: i.osize, imm: true, n: 0 };
  }
  if (i.osize === 1 && !i.mem && (i.op0 === K.Rm || i.op0 === K.Reg || i.op0 === K.Acc) &&
      (i.op1 === K.Imm || i.op1 === K.Reg || i.op1 === K.Rm) && i.op2 === K.None && byteAlu(i) !== null) {
    return { op: 'alu8', size: 1, imm: i.op1 === K.Imm, n: 0 };
  }
  const alu = i.fn === (addI as unknown) ? 'add' : i.fn === (subI as unknown) ? 'sub' : i.fn === (cmpI as unknown) ? 'cmp'
    : i.fn === (andI as unknown) ? 'and' : i.fn === (orI as unknown) ? 'or' : i.fn === (xorI as unknown) ? 'xor' : null;
  if (alu !== null && (i.osize === 4 || i.osize === 8) && i.op0 === K.Reg && i.op1 === K.Rm && i.mem && i.op2 === K.None) {
    if (!inlineAddress(i)) return null;
    return { op: `m${alu}` as Op, size: i.osize, imm: false, n: i.reg };
  }
  const k = fastKind(i.fn);
  if (k === undefined) return null;
  const m = /^([a-z]+)([48])(rr|ri|r|i)?$/.exec(k);
  if (!m) return null;
  const op = m[1] as Op;
  if ((op === 'load' || op === 'store') && !inlineAddress(i)) return null;
  return { op, size: m[2] === '8' ? 8 : 4, imm: m[3] === 'ri' || m[3] === 'i', n: 0 };
}

/** The operation of a byte ALU record (add/sub/cmp/and/or/xor/test), or null. */
export function byteAlu(i: Insn): 'add' | 'sub' | 'cmp' | 'and' | 'or' | 'xor' | 'test' | null {
  return i.fn === (addI as unknown) ? 'add' : i.fn === (subI as unknown) ? 'sub' : i.fn === (cmpI as unknown) ? 'cmp'
    : i.fn === (andI as unknown) ? 'and' : i.fn === (orI as unknown) ? 'or' : i.fn === (xorI as unknown) ? 'xor'
    : i.fn === (testI as unknown) ? 'test' : null;
}

/** A byte register operand's code (16-19: ah..bh) for an operand kind of the record. */
export function byteReg(i: Insn, kind: number): number {
  return kind === K.Reg ? i.reg : kind === K.Acc ? 0 : i.rm;
}

/** jmp rel / jcc rel: the compiler computes the target itself (they cannot fault). */
export function isRelJump(i: Insn): boolean {
  return !i.invalid && (i.fn === (jccI as unknown) || (i.fn === (jmpI as unknown) && i.op0 === K.Rel));
}
