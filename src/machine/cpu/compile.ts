// Hot decoded blocks compiled to JavaScript functions. A compiled block does exactly what the
// interpreter loop in cpu.ts does for the same records (RIP and the instruction count after
// each instruction, the exit flag); it runs only when the instruction budget covers the whole
// block (otherwise the interpreter runs it).
//
// - The commonest forms are emitted inline, with exactly the semantics of their specialised
//   functions in exec/fast.ts: mov reg,reg / reg,imm and add/sub/cmp/and/or/xor/test
//   reg,reg / reg,imm at 32 and 64 bits, inc/dec of a register, jcc and jmp rel. Inline
//   operations cannot fault, so RIP and the instruction count are brought up to date only
//   before an instruction that is called (which may fault or read them) and at the end.
// - Lazy flags stay lazy; an inline operation's flag record is not stored at all when a later
//   inline operation of the block overwrites it before anything could read it.
// - A jcc/jmp right after an inline flag-setting operation tests the operands it just
//   computed (cmp/sub: signed and unsigned orders, zero, sign) instead of the lazy flags.
// - A block whose last instruction jumps back to its own start loops inside the function
//   while the budget covers another round and nothing the dispatcher checks between blocks
//   (an exit request, TF, a deliverable interrupt, real mode's BIOS stubs) needs it.
// Everything else calls the instruction's execution function from its own (monomorphic)
// call site, as before.
import type { CpuState } from './state.ts';
import { K, type Insn } from './decoder.ts';
import { fastKind } from './exec/fast.ts';
import { callI, jccI, jmpI, retI } from './exec/flow.ts';
import { sarI, shlI, shrI } from './exec/shift.ts';
import { popI, pushI } from './exec/stack.ts';
import { addI, andI, cmpI, orI, subI, xorI } from './exec/alu.ts';
import { PARITY } from './state.ts';

/** Runs the whole block (more than once when it loops on itself, up to the instruction `end`). */
export type CompiledBlock = (c: CpuState, end: number) => void;

/** Whether the host allows generating code (a Worker under a strict CSP may not). */
let allowed: boolean | null = null;
function canCompile(): boolean {
  if (allowed === null) {
    try { allowed = new Function('return 1')() === 1; } catch { allowed = false; }
  }
  return allowed;
}

/** What an inline flag-setting operation left in generated locals (for a following jcc). */
interface FlagSource {
  kind: 'add' | 'sub' | 'logic' | 'incdec';
  size: 4 | 8;
  a: string; aH: string; b: string; bH: string; v: string; vH: string;
}

interface Shape { op: string; size: 4 | 8; imm: boolean; n?: number }

function shapeOf(i: Insn): Shape | null {
  const sh = i.fn === (shlI as unknown) ? 'shl' : i.fn === (shrI as unknown) ? 'shr' : i.fn === (sarI as unknown) ? 'sar' : null;
  if (sh !== null) {
    // shl/shr/sar of a 32/64-bit register by a constant count (nonzero once masked).
    if ((i.osize !== 4 && i.osize !== 8) || i.op0 !== K.Rm || i.mem || i.lock) return null;
    if (i.op1 !== K.Imm && i.op1 !== K.One) return null;
    const n = (i.op1 === K.One ? 1 : i.imm) & (i.osize === 8 ? 63 : 31);
    if (n === 0) return null;
    return { op: sh, size: i.osize, imm: true, n };
  }
  if ((i.fn === (pushI as unknown) || i.fn === (popI as unknown)) && i.bits === 64 && i.osize === 8 && !i.lock &&
      (i.op0 === K.Reg || (i.op0 === K.Rm && !i.mem))) {
    // push/pop of a 64-bit register: the register number travels in `n`.
    return { op: i.fn === (pushI as unknown) ? 'push' : 'pop', size: 8, imm: false, n: i.op0 === K.Reg ? i.reg : i.rm };
  }
  if (i.bits === 64 && i.osize === 8 && !i.lock) {
    // call rel / ret (no immediate) in 64-bit mode.
    if (i.fn === (callI as unknown) && i.op0 === K.Rel) return { op: 'call', size: 8, imm: false };
    if (i.fn === (retI as unknown) && i.op0 === K.None) return { op: 'ret', size: 8, imm: false };
  }
  const alu = i.fn === (addI as unknown) ? 'add' : i.fn === (subI as unknown) ? 'sub' : i.fn === (cmpI as unknown) ? 'cmp'
    : i.fn === (andI as unknown) ? 'and' : i.fn === (orI as unknown) ? 'or' : i.fn === (xorI as unknown) ? 'xor' : null;
  if (alu !== null && (i.osize === 4 || i.osize === 8) && !i.lock && i.op0 === K.Reg && i.op1 === K.Rm && i.mem && i.op2 === K.None) {
    // add/sub/cmp/and/or/xor reg, [mem] at 32/64 bits: the register travels in `n`.
    return { op: 'm' + alu, size: i.osize, imm: false, n: i.reg };
  }
  const k = fastKind(i.fn);
  if (k === undefined) return null;
  const m = /^([a-z]+)([48])(rr|ri|r|i)?$/.exec(k);
  if (!m) return null;
  const size = m[2] === '8' ? 8 : 4;
  return { op: m[1]!, size, imm: m[3] === 'ri' || m[3] === 'i' };
}

const FULL_SETTERS = new Set(['add', 'sub', 'cmp', 'and', 'or', 'xor', 'test', 'shl', 'shr', 'sar']);
const SHIFTS = new Set(['shl', 'shr', 'sar']);
/** Forms that are called (they may fault) but whose address and RAM access are emitted inline. */
const MEMORY = new Set(['load', 'store', 'push', 'pop', 'call', 'ret', 'madd', 'msub', 'mcmp', 'mand', 'mor', 'mxor']);

function isRelJump(i: Insn): boolean {
  return !i.invalid && (i.fn === (jccI as unknown) || (i.fn === (jmpI as unknown) && i.op0 === K.Rel));
}

/** A condition (cc = opcode & 15) from the operands of the last flag setter, or null. */
function staticCond(cc: number, f: FlagSource): string | null {
  const neg = (x: string | null) => (x === null ? null : (cc & 1) ? `!(${x})` : x);
  const zero = f.size === 8 ? `((${f.v} | ${f.vH}) === 0)` : `(${f.v} === 0)`;
  const sign = f.size === 8 ? `(${f.vH} < 0)` : `(${f.v} < 0)`;
  const base = cc >> 1;
  if (base === 2) return neg(zero);
  if (base === 4) return neg(sign);
  if (f.kind === 'sub') {
    const ult = f.size === 8
      ? `((${f.aH} >>> 0) < (${f.bH} >>> 0) || (((${f.aH} ^ ${f.bH}) === 0) && (${f.a} >>> 0) < (${f.b} >>> 0)))`
      : `((${f.a} >>> 0) < (${f.b} >>> 0))`;
    const slt = f.size === 8
      ? `((${f.aH} | 0) < (${f.bH} | 0) || (((${f.aH} ^ ${f.bH}) === 0) && (${f.a} >>> 0) < (${f.b} >>> 0)))`
      : `((${f.a} | 0) < (${f.b} | 0))`;
    switch (base) {
      case 1: return neg(ult);
      case 3: return neg(`(${ult} || ${zero})`);
      case 6: return neg(slt);
      case 7: return neg(`(${slt} || ${zero})`);
    }
    return null;
  }
  if (f.kind === 'logic') {
    // OF = CF = 0: l <=> SF, le <=> ZF or SF, b never, be <=> ZF.
    switch (base) {
      case 0: return (cc & 1) ? 'true' : 'false';
      case 1: return (cc & 1) ? 'true' : 'false';
      case 3: return neg(zero);
      case 6: return neg(sign);
      case 7: return neg(`(${zero} || ${sign})`);
    }
  }
  return null;
}

export function compileBlock(insns: readonly Insn[], computeEA: (c: CpuState, i: Insn) => void): CompiledBlock | null {
  if (!canCompile() || insns.length === 0) return null;
  const n = insns.length;
  const names: string[] = ['EA', 'P'];
  const values: unknown[] = [computeEA, PARITY];
  const shapes = insns.map((i) => (i.invalid ? null : shapeOf(i)));
  const last = insns[n - 1]!;
  const lastJump = isRelJump(last);
  const totalLen = insns.reduce((s, i) => s + i.len, 0);
  const selfLoop = lastJump && totalLen + last.imm === 0;

  // Which inline flag setters must store their lazy-flag record: those whose flags may be
  // read (by a called function, an inc/dec, a jcc without a static condition, a fault's
  // flag image, or whatever runs after the block) before a later inline setter replaces them.
  const storeFlags = new Array<boolean>(n).fill(true);
  {
    let overwritten = false;   // a later inline full setter replaces the flags before any reader
    for (let k = n - 1; k >= 0; k--) {
      const s = shapes[k];
      if (s !== null && FULL_SETTERS.has(s.op)) { storeFlags[k] = !overwritten; overwritten = true; continue; }
      if (s !== null && s.op === 'mov') continue;
      if (k === n - 1 && lastJump) { overwritten = false; continue; }   // decided below with the condition
      overwritten = false;
    }
  }

  let body = '';
  let pending = 0;      // inline instructions not yet added to c.icount
  let off = 0;          // bytes from R (the RIP of the current run of inline instructions)
  let flagSrc: FlagSource | null = null;
  const sync = () => {
    let s = '';
    if (pending > 0) s += `c.icount += ${pending};\n`;
    s += off !== 0 ? `c.rip = R + ${off};\n` : 'c.rip = R;\n';
    pending = 0;
    return s;
  };
  const mask = (bits: number, osize: number, x: string) =>
    osize === 2 ? `((${x}) & 0xffff)` : bits !== 64 ? `((${x}) >>> 0)` : `(${x})`;

  for (let k = 0; k < n; k++) {
    const i = insns[k]!;
    const s = shapes[k];
    if (s !== null && SHIFTS.has(s.op)) {
      body += shiftCode(k, i.rm << 1, s.op, s.size, s.n!);
      flagSrc = null;
      off += i.len;
      pending++;
      continue;
    }
    if (s !== null && !MEMORY.has(s.op)) {
      const d = i.dst << 1, src = i.src << 1;
      const bLo = s.imm ? String(i.imm) : `r[${src}]`;
      const bHi = s.imm ? String(i.immHi) : `r[${src + 1}]`;
      if (s.op === 'mov') {
        if (s.size === 4) body += `r[${d}] = ${bLo}; r[${d + 1}] = 0;\n`;
        else body += `r[${d}] = ${bLo}; r[${d + 1}] = ${bHi};\n`;
      } else if (s.op === 'inc' || s.op === 'dec') {
        const dec = s.op === 'dec';
        if (s.size === 4) {
          body += `const a${k} = r[${d}], v${k} = (a${k} + ${dec ? -1 : 1}) | 0;\n` +
            `c.setIncDec(4, a${k}, 0, v${k}, 0, ${dec}); r[${d}] = v${k}; r[${d + 1}] = 0;\n`;
          flagSrc = { kind: 'incdec', size: 4, a: `a${k}`, aH: '0', b: '1', bH: '0', v: `v${k}`, vH: '0' };
        } else {
          body += `const a${k} = r[${d}], aH${k} = r[${d + 1}], l${k} = (a${k} >>> 0) + ${dec ? -1 : 1};\n` +
            `const v${k} = l${k} | 0, vH${k} = (aH${k} + (l${k} >= 4294967296 ? 1 : l${k} < 0 ? -1 : 0)) | 0;\n` +
            `c.setIncDec(8, a${k}, aH${k}, v${k}, vH${k}, ${dec}); r[${d}] = v${k}; r[${d + 1}] = vH${k};\n`;
          flagSrc = { kind: 'incdec', size: 8, a: `a${k}`, aH: `aH${k}`, b: '1', bH: '0', v: `v${k}`, vH: `vH${k}` };
        }
      } else {
        const op = s.op;
        const write = op !== 'cmp' && op !== 'test';
        const st = storeFlags[k];
        if (s.size === 4) {
          body += `const a${k} = r[${d}], b${k} = ${bLo};\n`;
          if (op === 'add' || op === 'sub' || op === 'cmp') {
            body += `const v${k} = (a${k} ${op === 'add' ? '+' : '-'} b${k}) | 0;\n`;
            if (st) body += `c.fOp = ${op === 'add' ? 1 : 2}; c.fSize = 4; c.fKeepCF = false; c.fA = a${k}; c.fAH = 0; c.fB = b${k}; c.fBH = 0; c.fR = v${k}; c.fRH = 0; c.fCin = 0;\n`;
            flagSrc = { kind: op === 'add' ? 'add' : 'sub', size: 4, a: `a${k}`, aH: '0', b: `b${k}`, bH: '0', v: `v${k}`, vH: '0' };
          } else {
            const o = op === 'and' || op === 'test' ? '&' : op === 'or' ? '|' : '^';
            body += `const v${k} = a${k} ${o} b${k};\n`;
            if (st) body += `c.fOp = 3; c.fSize = 4; c.fKeepCF = false; c.fR = v${k}; c.fRH = 0;\n`;
            flagSrc = { kind: 'logic', size: 4, a: `a${k}`, aH: '0', b: `b${k}`, bH: '0', v: `v${k}`, vH: '0' };
          }
          if (write) body += `r[${d}] = v${k}; r[${d + 1}] = 0;\n`;
        } else {
          body += `const a${k} = r[${d}], aH${k} = r[${d + 1}], b${k} = ${bLo}, bH${k} = ${bHi};\n`;
          if (op === 'add') {
            body += `const l${k} = (a${k} >>> 0) + (b${k} >>> 0), v${k} = l${k} | 0, vH${k} = (aH${k} + bH${k} + (l${k} >= 4294967296 ? 1 : 0)) | 0;\n`;
          } else if (op === 'sub' || op === 'cmp') {
            body += `const l${k} = (a${k} >>> 0) - (b${k} >>> 0), v${k} = l${k} | 0, vH${k} = (aH${k} - bH${k} - (l${k} < 0 ? 1 : 0)) | 0;\n`;
          } else {
            const o = op === 'and' || op === 'test' ? '&' : op === 'or' ? '|' : '^';
            body += `const v${k} = a${k} ${o} b${k}, vH${k} = aH${k} ${o} bH${k};\n`;
          }
          if (op === 'add' || op === 'sub' || op === 'cmp') {
            if (st) body += `c.fOp = ${op === 'add' ? 1 : 2}; c.fSize = 8; c.fKeepCF = false; c.fA = a${k}; c.fAH = aH${k}; c.fB = b${k}; c.fBH = bH${k}; c.fR = v${k}; c.fRH = vH${k}; c.fCin = 0;\n`;
            flagSrc = { kind: op === 'add' ? 'add' : 'sub', size: 8, a: `a${k}`, aH: `aH${k}`, b: `b${k}`, bH: `bH${k}`, v: `v${k}`, vH: `vH${k}` };
          } else {
            if (st) body += `c.fOp = 3; c.fSize = 8; c.fKeepCF = false; c.fR = v${k}; c.fRH = vH${k};\n`;
            flagSrc = { kind: 'logic', size: 8, a: `a${k}`, aH: `aH${k}`, b: `b${k}`, bH: `bH${k}`, v: `v${k}`, vH: `vH${k}` };
          }
          if (write) body += `r[${d}] = v${k}; r[${d + 1}] = vH${k};\n`;
        }
      }
      off += i.len;
      pending++;
      continue;
    }
    if (k === n - 1 && lastJump) {
      // jmp rel / jcc rel: cannot fault (no limit checks; the target is masked as jumpTo does).
      const isJmp = i.form.mnemonic === 'jmp';
      let cond = 'true';
      if (!isJmp) {
        const cc = i.opcode & 15;
        const sc = flagSrc !== null ? staticCond(cc, flagSrc) : null;
        if (sc !== null) cond = sc;
        else {
          // The lazy flags must be in place: store the last inline setter's record if skipped.
          if (flagSrc !== null) body += restoreFlags(insns, shapes, storeFlags, k);
          cond = `c.cond(${cc})`;
        }
      }
      const next = `R + ${off + i.len}`;
      const target = mask(i.bits, i.osize, `R + ${off + i.len + i.imm}`);
      body += `c.icount += ${pending + 1};\n`;
      pending = 0;
      if (selfLoop) {
        body += `if (!(${cond})) { c.rip = ${next}; return; }\n` +
          `c.rip = ${target};\n` +
          `if (c.rip !== START || c.icount + ${n} > end || c.exitBlock || (c.flags & 0x100) !== 0 || (c.cr0 & 1) === 0 ||\n` +
          `  ((c.flags & 0x200) !== 0 && c.pic !== null && c.icount !== c.shadowUntil && c.pic.hasPending())) return;\n`;
      } else if (cond === 'true') {
        body += `c.rip = ${target};\n`;
      } else {
        body += `c.rip = (${cond}) ? ${target} : ${next};\n`;
      }
      off = 0;
      continue;
    }
    // Called: RIP and the count up to date first (it may fault, read them or change them).
    names.push(`i${k}`, `f${k}`);
    values.push(i, i.fn);
    if (flagSrc !== null) body += restoreFlags(insns, shapes, storeFlags, k);
    flagSrc = null;
    const inlineEA = i.ea && i.bits === 64 && i.asize === 8 && i.base !== 16 && i.seg < 4;
    if (k < n - 1 && s !== null && (s.op === 'push' || s.op === 'pop' || (inlineEA && (s.op.startsWith('m') || s.op === 'load' || s.op === 'store')))) {
      // A memory access with an inline fast path, not last: RIP and the count are brought up
      // to date only on the paths that leave the inline code (the called function, a
      // non-canonical address, a write into decoded code); the called function's path then
      // takes the count back so that both paths continue with the same pending count.
      const syncCode = `${pending > 0 ? `c.icount += ${pending}; ` : ''}c.rip = R + ${off};`;
      const slow = `{ ${syncCode} c.nextRip = R + ${off + i.len}; f${k}(c, i${k}); c.rip = c.nextRip; c.icount++; ` +
        `if (c.exitBlock) return; c.icount -= ${pending + 1}; }`;
      const written = `{ c.codeWritten(p${k} >>> 12); if (c.exitBlock) { c.icount += ${pending + 1}; c.rip = R + ${off + i.len}; return; } }`;
      const stack = s.op === 'push' || s.op === 'pop';
      const ea = stack ? '' : eaCode(k, i).split(`EA(c, i${k});`).join(`{ ${syncCode} c.nextRip = R + ${off + i.len}; EA(c, i${k}); }`);
      let access: string;
      if (stack) access = stackCode(k, s.op, `r[${s.n! << 1}]`, `r[${(s.n! << 1) + 1}]`, '', s.n! << 1);
      else if (s.op.startsWith('m')) access = memAluCode(k, s.op.slice(1), s.size, s.n! << 1);
      else access = accessCode(k, i, s);
      access = access.split(`f${k}(c, i${k});`).join(slow).split(`c.codeWritten(p${k} >>> 12);`).join(written);
      body += ea + access;
      off += i.len;
      pending++;
      continue;
    }
    body += sync();
    body += `c.nextRip = c.rip + ${i.len};\n`;
    if (inlineEA) body += eaCode(k, i);
    else if (i.ea) body += `EA(c, i${k});\n`;
    if (s !== null && (s.op === 'push' || s.op === 'pop')) body += stackCode(k, s.op, `r[${s.n! << 1}]`, `r[${(s.n! << 1) + 1}]`, '', s.n! << 1);
    else if (s !== null && s.op === 'call') {
      body += `const rt${k} = c.nextRip, rl${k} = rt${k} % 4294967296 | 0, rh${k} = Math.floor(rt${k} / 4294967296) | 0;\n` +
        stackCode(k, 'push', `rl${k}`, `rh${k}`, `c.nextRip = c.rip + ${i.len + i.imm};`);
    } else if (s !== null && s.op === 'ret') body += stackCode(k, 'ret', '', '', '');
    else if (inlineEA && s !== null && s.op.startsWith('m')) body += memAluCode(k, s.op.slice(1), s.size, s.n! << 1);
    else if (inlineEA && s !== null && MEMORY.has(s.op)) body += accessCode(k, i, s);
    else body += `f${k}(c, i${k});\n`;
    body += 'c.rip = c.nextRip;\nc.icount++;\n';
    if (k < n - 1) body += 'if (c.exitBlock) return;\nR = c.rip;\n';
    off = 0;
  }
  if (!(lastJump)) {
    if (pending > 0 || off !== 0) body += sync();
  }
  const fn = selfLoop
    ? `return function block(c, end) {\nconst r = c.regs, T = c.tlb, RAM = c.ram32;\nconst START = c.rip;\nfor (;;) {\nc.exitBlock = false;\nlet R = c.rip;\n${body}}\n};`
    : `return function block(c, end) {\nconst r = c.regs, T = c.tlb, RAM = c.ram32;\nc.exitBlock = false;\nlet R = c.rip;\n${body}};`;
  const factory = new Function(...names, fn) as (...a: unknown[]) => CompiledBlock;
  return factory(...values);
}

/**
 * Before a reader of the lazy flags at instruction `k`: the flag record of the last inline
 * setter before it, when that setter skipped its store (it is then stored here). The
 * analysis in compileBlock only skips stores followed by another inline full setter before
 * any reader, so in practice this returns '' — kept as a guard.
 */
function restoreFlags(insns: readonly Insn[], shapes: readonly (Shape | null)[], storeFlags: readonly boolean[], k: number): string {
  for (let j = k - 1; j >= 0; j--) {
    const s = shapes[j];
    if (s === null) return '';
    if (s.op === 'mov') continue;
    if (SHIFTS.has(s.op) || MEMORY.has(s.op)) return '';
    if (storeFlags[j]) return '';
    const size = s.size;
    if (s.op === 'add' || s.op === 'sub' || s.op === 'cmp') {
      const hi = (x: string) => (size === 8 ? `${x}${j}` : '0');
      return `c.fOp = ${s.op === 'add' ? 1 : 2}; c.fSize = ${size}; c.fKeepCF = false; c.fA = a${j}; c.fAH = ${hi('aH')}; c.fB = b${j}; c.fBH = ${hi('bH')}; c.fR = v${j}; c.fRH = ${hi('vH')}; c.fCin = 0;\n`;
    }
    if (s.op === 'inc' || s.op === 'dec') return '';
    return `c.fOp = 3; c.fSize = ${size}; c.fKeepCF = false; c.fR = v${j}; c.fRH = ${size === 8 ? `vH${j}` : '0'};\n`;
  }
  return '';
}

/**
 * shl/shr/sar of a register by a constant count n (1..31 or 1..63): what shiftGroup in
 * exec/shift.ts computes for that count, flags set as its setArith does (all six arithmetic
 * flags replaced: the lazy record is dropped).
 */
function shiftCode(k: number, d: number, op: string, size: 4 | 8, n: number): string {
  const a = `a${k}`, v = `v${k}`, cf = `cf${k}`, of = `of${k}`;
  let code: string;
  if (size === 4) {
    if (op === 'shl') code = `const ${v} = ${a} << ${n}, ${cf} = (${a} >>> ${32 - n}) & 1, ${of} = (${v} >>> 31) ^ ${cf};\n`;
    else if (op === 'shr') code = `const ${v} = (${a} >>> ${n}) | 0, ${cf} = (${a} >>> ${n - 1}) & 1, ${of} = ${a} >>> 31;\n`;
    else code = `const ${v} = ${a} >> ${n}, ${cf} = (${a} >> ${n - 1}) & 1, ${of} = 0;\n`;
    return `const ${a} = r[${d}];\n${code}r[${d}] = ${v}; r[${d + 1}] = 0;\n` +
      `c.flags = (c.flags & ~0x8d5) | ${cf} | (${of} ? 0x800 : 0) | P[${v} & 0xff] | (${v} === 0 ? 0x40 : 0) | (${v} < 0 ? 0x80 : 0); c.fOp = 0;\n`;
  }
  const aH = `aH${k}`, vH = `vH${k}`;
  let lo: string, hi: string, c: string;
  const bitOf = (b: number) => (b < 32 ? `((${a} >>> ${b}) & 1)` : `((${aH} >>> ${b - 32}) & 1)`);
  if (op === 'shl') {
    if (n < 32) { hi = `(${aH} << ${n}) | (${a} >>> ${32 - n})`; lo = `${a} << ${n}`; }
    else { hi = `${a} << ${n - 32}`; lo = '0'; }
    c = bitOf(64 - n);
  } else {
    if (n < 32) { hi = op === 'shr' ? `${aH} >>> ${n}` : `${aH} >> ${n}`; lo = `(${a} >>> ${n}) | (${aH} << ${32 - n})`; }
    else { hi = op === 'shr' ? '0' : `${aH} >> 31`; lo = op === 'shr' ? `${aH} >>> ${n - 32}` : `${aH} >> ${n - 32}`; }
    c = bitOf(n - 1);
  }
  const ofExpr = op === 'shl' ? `(${vH} >>> 31) ^ ${cf}` : op === 'shr' ? `${aH} >>> 31` : '0';
  code = `const ${a} = r[${d}], ${aH} = r[${d + 1}];\n` +
    `const ${v} = ${lo}, ${vH} = ${hi}, ${cf} = ${c}, ${of} = ${ofExpr};\n` +
    `r[${d}] = ${v}; r[${d + 1}] = ${vH};\n` +
    `c.flags = (c.flags & ~0x8d5) | ${cf} | (${of} ? 0x800 : 0) | P[${v} & 0xff] | ((${v} | ${vH}) === 0 ? 0x40 : 0) | ((${vH} >>> 31) !== 0 ? 0x80 : 0); c.fOp = 0;\n`;
  return code;
}

/**
 * The effective address of a 64-bit-mode memory operand (base and/or index, no RIP, a segment
 * other than FS/GS) into eaLo/eaHi/eaLin, as computeEA does; a non-canonical address goes
 * through computeEA, which raises the fault.
 */
function eaCode(k: number, i: Insn): string {
  let lo = String(i.disp >>> 0), hi = String(i.dispHi);
  if (i.base >= 0) { lo += ` + (r[${i.base << 1}] >>> 0)`; hi += ` + r[${(i.base << 1) + 1}]`; }
  if (i.index >= 0) {
    const s = 1 << i.scale;
    lo += ` + (r[${i.index << 1}] >>> 0) * ${s}`;
    hi += ` + Math.imul(r[${(i.index << 1) + 1}], ${s})`;
  }
  return `const l${k} = ${lo}, h${k} = (${hi} + Math.floor(l${k} / 4294967296)) | 0;\n` +
    `c.eaLo = l${k} | 0; c.eaHi = h${k};\n` +
    `if (((h${k} << 16) >> 16) !== h${k}) EA(c, i${k});\n` +
    `c.eaLin = h${k} * 4294967296 + (l${k} >>> 0);\n`;
}

/**
 * mov reg <- [mem] / [mem] <- reg or imm at 32/64 bits: straight to the RAM array when the TLB
 * holds the page, CPL < 3, the access stays in the page, is aligned and is ordinary RAM (the
 * conditions of readLin32/64 and writeLin32/64's direct path); otherwise the called function.
 */
function accessCode(k: number, i: Insn, s: Shape): string {
  const size = s.size;
  const write = s.op === 'store';
  let code = ramSlot(k, 'c.eaLin', size, write);
  if (!write) {
    const d = i.dst << 1;
    code += size === 8
      ? `if (p${k} >= 0) { const w = p${k} >>> 2; r[${d}] = RAM[w]; r[${d + 1}] = RAM[w + 1]; } else f${k}(c, i${k});\n`
      : `if (p${k} >= 0) { r[${d}] = RAM[p${k} >>> 2]; r[${d + 1}] = 0; } else f${k}(c, i${k});\n`;
  } else {
    const lo = s.imm ? String(i.imm) : `r[${i.src << 1}]`;
    const hi = s.imm ? String(i.immHi) : `r[${(i.src << 1) + 1}]`;
    code += `if (p${k} >= 0) { const w = p${k} >>> 2; RAM[w] = ${lo};${size === 8 ? ` RAM[w + 1] = ${hi};` : ''}\n` +
      `  if (c.codeMarks[p${k} >>> 12] !== 0) c.codeWritten(p${k} >>> 12); } else f${k}(c, i${k});\n`;
  }
  return code;
}

/**
 * push (of lo/hi, then `then`), pop (into register pair d) and ret in 64-bit mode (stack size
 * 8), as push/pop in memory-access.ts do, through the RAM array when ramSlot allows;
 * otherwise the called function (nothing has been changed by then).
 */
function stackCode(k: number, op: string, lo: string, hi: string, then: string, d = -1): string {
  if (op === 'push') {
    return `let sl${k} = (r[8] >>> 0) - 8, sh${k} = r[9];\n` +
      `if (sl${k} < 0) { sl${k} += 4294967296; sh${k} = (sh${k} - 1) | 0; }\n` +
      `const sa${k} = ((sh${k} << 16) >> 16) === sh${k} ? sh${k} * 4294967296 + sl${k} : NaN;\n` +
      ramSlot(k, `sa${k}`, 8, true) +
      `if (p${k} >= 0) { const w = p${k} >>> 2; RAM[w] = ${lo}; RAM[w + 1] = ${hi};\n` +
      `  if (c.codeMarks[p${k} >>> 12] !== 0) c.codeWritten(p${k} >>> 12);\n` +
      `  r[8] = sl${k} | 0; r[9] = sh${k}; ${then} } else f${k}(c, i${k});\n`;
  }
  if (op === 'ret') {
    // ret: the popped address must be canonical (else the called function raises #GP).
    return `const sh${k} = r[9];\n` +
      `const sa${k} = ((sh${k} << 16) >> 16) === sh${k} ? sh${k} * 4294967296 + (r[8] >>> 0) : NaN;\n` +
      ramSlot(k, `sa${k}`, 8, false) +
      `if (p${k} >= 0 && ((RAM[(p${k} >>> 2) + 1] << 16) >> 16) === RAM[(p${k} >>> 2) + 1]) { const w = p${k} >>> 2, v = RAM[w], vH = RAM[w + 1];\n` +
      `  const sl = (r[8] >>> 0) + 8; r[8] = sl | 0; r[9] = (sh${k} + (sl >= 4294967296 ? 1 : 0)) | 0;\n` +
      `  c.nextRip = vH * 4294967296 + (v >>> 0); } else f${k}(c, i${k});\n`;
  }
  return `const sh${k} = r[9];\n` +
    `const sa${k} = ((sh${k} << 16) >> 16) === sh${k} ? sh${k} * 4294967296 + (r[8] >>> 0) : NaN;\n` +
    ramSlot(k, `sa${k}`, 8, false) +
    `if (p${k} >= 0) { const w = p${k} >>> 2, v = RAM[w], vH = RAM[w + 1];\n` +
    `  const sl = (r[8] >>> 0) + 8; r[8] = sl | 0; r[9] = (sh${k} + (sl >= 4294967296 ? 1 : 0)) | 0;\n` +
    `  r[${d}] = v; r[${d + 1}] = vH; } else f${k}(c, i${k});\n`;
}

/**
 * Into p<k>: the physical address of an access of \`size\` bytes at linear address \`lin\`
 * when it may go straight to the RAM array (the TLB holds the page with the needed
 * permission, CPL < 3, the access stays in the page, is aligned and is ordinary RAM: the
 * conditions of translate and of readLin/writeLin's direct path), else -1. A NaN address
 * (not canonical) gives -1.
 */
function ramSlot(k: number, lin: string, size: number, write: boolean): string {
  const perm = write ? ` && (T.perm[t${k}] & 8) !== 0 && ((T.perm[t${k}] & 1) !== 0 || (c.cr0 & 0x10000) === 0)` : '';
  let code = `const vp${k} = Math.floor(${lin} / 4096), t${k} = vp${k} & 4095;\n` +
    `let p${k} = -1;\n` +
    `if (RAM !== null && T.tag[t${k}] === vp${k} && c.cpl !== 3 && (${lin} & 0xfff) <= ${size === 8 ? 0xff8 : 0xffc}${perm}) {\n` +
    `  p${k} = T.phys[t${k}] + (${lin} - vp${k} * 4096);\n` +
    `  if ((p${k} & ${size - 1}) !== 0 || p${k} >= c.ramDirectEnd || (p${k} >= 0xa0000 && p${k} < 0x100000) || !c.mem.a20) p${k} = -1;\n` +
    `}\n`;
  return code;
}

/**
 * add/sub/cmp/and/or/xor reg, [mem] at 32/64 bits: the operand read straight from the RAM array
 * when ramSlot allows, then what the generic function computes (flags recorded lazily, as
 * exec/alu.ts does: add/sub with carry-in 0, logic ops); otherwise the called function.
 */
function memAluCode(k: number, op: string, size: 4 | 8, d: number): string {
  let code = ramSlot(k, 'c.eaLin', size, false);
  const write = op !== 'cmp';
  code += `if (p${k} >= 0) { const w = p${k} >>> 2;\n`;
  if (size === 4) {
    code += `  const a = r[${d}], b = RAM[w];\n`;
    if (op === 'add' || op === 'sub' || op === 'cmp') {
      code += `  const v = (a ${op === 'add' ? '+' : '-'} b) | 0;\n` +
        `  c.fOp = ${op === 'add' ? 1 : 2}; c.fSize = 4; c.fKeepCF = false; c.fA = a; c.fAH = 0; c.fB = b; c.fBH = 0; c.fR = v; c.fRH = 0; c.fCin = 0;\n`;
    } else {
      code += `  const v = a ${op === 'and' ? '&' : op === 'or' ? '|' : '^'} b;\n` +
        `  c.fOp = 3; c.fSize = 4; c.fKeepCF = false; c.fR = v; c.fRH = 0;\n`;
    }
    if (write) code += `  r[${d}] = v; r[${d + 1}] = 0;\n`;
  } else {
    code += `  const a = r[${d}], aH = r[${d + 1}], b = RAM[w], bH = RAM[w + 1];\n`;
    if (op === 'add') code += `  const l = (a >>> 0) + (b >>> 0), v = l | 0, vH = (aH + bH + (l >= 4294967296 ? 1 : 0)) | 0;\n`;
    else if (op === 'sub' || op === 'cmp') code += `  const l = (a >>> 0) - (b >>> 0), v = l | 0, vH = (aH - bH - (l < 0 ? 1 : 0)) | 0;\n`;
    else { const o = op === 'and' ? '&' : op === 'or' ? '|' : '^'; code += `  const v = a ${o} b, vH = aH ${o} bH;\n`; }
    if (op === 'add' || op === 'sub' || op === 'cmp') {
      code += `  c.fOp = ${op === 'add' ? 1 : 2}; c.fSize = 8; c.fKeepCF = false; c.fA = a; c.fAH = aH; c.fB = b; c.fBH = bH; c.fR = v; c.fRH = vH; c.fCin = 0;\n`;
    } else code += `  c.fOp = 3; c.fSize = 8; c.fKeepCF = false; c.fR = v; c.fRH = vH;\n`;
    if (write) code += `  r[${d}] = v; r[${d + 1}] = vH;\n`;
  }
  return code + `} else f${k}(c, i${k});\n`;
}
