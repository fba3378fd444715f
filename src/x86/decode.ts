// The decoder: reads one instruction from bytes, generated from the same table as the
// encoder. Prefixes are gathered first; the opcode picks a list of candidate forms, and
// the ModRM byte, the mandatory prefix, the operand size and the mode narrow it to one.
import { FORMS_BY_OPCODE } from './table/index.ts';
import { MAP1_IMM8, MAP1_INVALID, MAP1_NO_MODRM, X87_OPCODES } from './table/shapes.ts';
import { kindSize, modeBit, type Form, type OpKind } from './spec.ts';
import { gpr, regsByClass, type Register } from './registers.ts';
import type { Bits, DecodedInstruction, MemOperand, Operand, OpSize, RepPrefix } from './types.ts';

const MAX_LENGTH = 15;
const SEGMENTS: Record<number, string> = { 0x26: 'es', 0x2e: 'cs', 0x36: 'ss', 0x3e: 'ds', 0x64: 'fs', 0x65: 'gs' };

/** Everything read before the operands are built. */
interface State {
  bytes: Uint8Array;
  start: number;
  pos: number;
  end: number;
  bits: Bits;
  address: bigint;
  opsizePrefix: boolean;
  addrPrefix: boolean;
  lock: boolean;
  rep: number;          // 0, 0xf2 or 0xf3 (the last one given)
  seg?: string;
  rex: number;          // 0 when absent
  modrm: number;        // -1 when not read
}

class Truncated extends Error {}

function byte(s: State): number {
  if (s.pos >= s.end || s.pos - s.start >= MAX_LENGTH) throw new Truncated();
  return s.bytes[s.pos++];
}

function readInt(s: State, n: number, signed: boolean): bigint {
  let v = 0n;
  for (let i = 0; i < n; i++) v |= BigInt(byte(s)) << BigInt(8 * i);
  return signed ? BigInt.asIntN(n * 8, v) : v;
}

export interface DecodeOptions {
  bits: Bits;
  /** Address of bytes[offset], for branch targets and RIP-relative operands. */
  address?: bigint;
}

/** Decodes the instruction at `offset`. Never throws: bad bytes give `invalid: true`. */
export function decode(bytes: Uint8Array, offset: number, opts: DecodeOptions): DecodedInstruction {
  const s: State = {
    bytes, start: offset, pos: offset, end: bytes.length, bits: opts.bits, address: opts.address ?? 0n,
    opsizePrefix: false, addrPrefix: false, lock: false, rep: 0, rex: 0, modrm: -1,
  };
  try {
    return decodeInner(s);
  } catch (e) {
    if (e instanceof Truncated) return invalid(Math.max(1, Math.min(s.end - s.start, MAX_LENGTH)));
    throw e;
  }
}

function invalid(length: number): DecodedInstruction {
  return { mnemonic: '(bad)', operands: [], length, invalid: true };
}

function decodeInner(s: State): DecodedInstruction {
  // Legacy prefixes, then (in 64-bit mode) REX, which counts only right before the opcode.
  let b: number;
  for (;;) {
    b = byte(s);
    if (b === 0x66) s.opsizePrefix = true;
    else if (b === 0x67) s.addrPrefix = true;
    else if (b === 0xf0) s.lock = true;
    else if (b === 0xf2 || b === 0xf3) s.rep = b;
    else if (SEGMENTS[b]) s.seg = SEGMENTS[b];
    else if (s.bits === 64 && (b & 0xf0) === 0x40) { s.rex = b; continue; }
    else break;
    s.rex = 0;
  }
  let map = 0;
  if (b === 0x0f) {
    map = 1;
    b = byte(s);
    if (b === 0x38) { map = 2; b = byte(s); }
    else if (b === 0x3a) { map = 3; b = byte(s); }
  }
  const opcode = b;
  const candidates = FORMS_BY_OPCODE[map][opcode];
  const form = candidates.length ? pickForm(s, candidates, opcode) : undefined;
  if (!form) return decodeUnmodelled(s, map, opcode);
  return buildInstruction(s, form, opcode);
}

function effectiveOsize(s: State, form: Form): number {
  if (s.bits === 64) {
    if (form.default64 === 'force') return 8;
    if (s.rex & 8) return 8;
    if (s.opsizePrefix) return 2;
    return form.default64 ? 8 : 4;
  }
  const natural = s.bits === 16 ? 2 : 4;
  return s.opsizePrefix ? 6 - natural : natural;
}

function effectiveAsize(s: State): number {
  if (s.bits === 64) return s.addrPrefix ? 4 : 8;
  const natural = s.bits === 16 ? 2 : 4;
  return s.addrPrefix ? 6 - natural : natural;
}

function needsModrm(form: Form): boolean {
  return form.modrm !== undefined || form.modrmByte !== undefined;
}

function pickForm(s: State, candidates: readonly Form[], opcode: number): Form | undefined {
  const mode = modeBit(s.bits);
  let list = candidates.filter((f) => f.modes & mode);
  if (list.length === 0) return undefined;
  // A mandatory prefix that is present selects the forms that require it.
  const withPrefix = list.filter((f) => f.mandatory !== undefined && prefixPresent(s, f.mandatory));
  list = withPrefix.length ? withPrefix : list.filter((f) => f.mandatory === undefined);
  if (list.length === 0) return undefined;
  if (list.some(needsModrm)) {
    s.modrm = byte(s);
    const mod = s.modrm >> 6;
    const reg = (s.modrm >> 3) & 7;
    list = list.filter((f) => {
      if (f.modrmByte !== undefined) return f.modrmByte === s.modrm;
      if (typeof f.modrm === 'number' && f.modrm !== reg) return false;
      return f.ops.every((k) => (mod === 3 ? !isMemoryOnly(k) : !isRegisterOnly(k)));
    });
  }
  // 90 without REX.B is nop (or pause), not xchg with the accumulator.
  if (opcode === 0x90 && !(s.rex & 1)) list = list.filter((f) => f.mnemonic === 'nop' || f.mnemonic === 'pause');
  list = list.filter((f) => f.osize === 0 || f.osize === effectiveOsize(s, f));
  list = list.filter((f) => f.asize === 0 || f.asize === effectiveAsize(s));
  return list[0];
}

function prefixPresent(s: State, p: number): boolean {
  return p === 0x66 ? s.opsizePrefix : s.rep === p;
}

function isMemoryOnly(k: OpKind): boolean {
  return k[0] === 'm' && !k.startsWith('moffs');
}
function isRegisterOnly(k: OpKind): boolean {
  return k[0] === 'R';
}

function regOf(cls: 'gpr8' | 'gpr16' | 'gpr32' | 'gpr64', num: number, rex: number): Register {
  if (cls === 'gpr8' && rex === 0 && num >= 4 && num < 8) return regsByClass.gpr8hi[num];
  return regsByClass[cls][num];
}

const GPR_CLASS: Record<number, 'gpr8' | 'gpr16' | 'gpr32' | 'gpr64'> = { 1: 'gpr8', 2: 'gpr16', 4: 'gpr32', 8: 'gpr64' };

function immWidth(k: OpKind): number {
  switch (k) {
    case 'i8': case 's8': case 'rel8': return 1;
    case 'i16': case 'rel16': return 2;
    case 'i32': case 's32': case 'u32': case 'rel32': return 4;
    case 'i64': return 8;
    default: return 0;
  }
}

function buildInstruction(s: State, form: Form, opcode: number): DecodedInstruction {
  const rex = s.rex;
  const reg = s.modrm >= 0 ? ((s.modrm >> 3) & 7) | ((rex & 4) << 1) : 0;
  const rm = s.modrm >= 0 ? (s.modrm & 7) | ((rex & 1) << 3) : 0;
  const asize = effectiveAsize(s);
  let memory: MemOperand | undefined;
  const needsMemory = s.modrm >= 0 && s.modrm >> 6 !== 3 && form.modrmByte === undefined;
  if (needsMemory) memory = decodeMemory(s, asize);

  const operands: Operand[] = [];
  let relTargetFix = -1;
  let relDisp = 0n;
  let relWidth = 0;
  for (const k of form.ops) {
    const size = kindSize(k);
    if (k === 'r8' || k === 'r16' || k === 'r32' || k === 'r64') {
      operands.push({ kind: 'reg', reg: regOf(GPR_CLASS[size], reg, rex) });
    } else if (k.startsWith('rm') || k[0] === 'R' || (k[0] === 'm' && !k.startsWith('moffs'))) {
      if (memory) operands.push(size ? { ...memory, size: size as OpSize } : memory);
      else operands.push({ kind: 'reg', reg: regOf(GPR_CLASS[size || 8], rm, rex) });
    } else if (k[0] === 'o' && k !== 'one') {
      operands.push({ kind: 'reg', reg: regOf(GPR_CLASS[size], (opcode & 7) | ((rex & 1) << 3), rex) });
    } else if (k === 'sreg') {
      const r = regsByClass.seg[(s.modrm >> 3) & 7];
      if (!r) return invalid(s.pos - s.start);
      operands.push({ kind: 'reg', reg: r });
    } else if (k === 'cr' || k === 'dr') {
      operands.push({ kind: 'reg', reg: regsByClass[k][reg] });
    } else if (k === 'one') {
      operands.push({ kind: 'imm', value: 1n });
    } else if (k === 'rel8' || k === 'rel16' || k === 'rel32') {
      relWidth = immWidth(k);
      relDisp = readInt(s, relWidth, true);
      relTargetFix = operands.length;
      operands.push({ kind: 'rel', target: 0n });
    } else if (k.startsWith('moffs')) {
      const disp = readInt(s, asize, false);
      operands.push({ kind: 'mem', size: size as OpSize, scale: 1, disp, seg: segReg(s), addrSize: asize as 2 | 4 | 8 });
    } else if (k === 'ptr16' || k === 'ptr32') {
      const offset = readInt(s, k === 'ptr16' ? 2 : 4, false);
      const selector = Number(readInt(s, 2, false));
      operands.push({ kind: 'far', selector, offset, size: k === 'ptr16' ? 2 : 4 });
    } else if (immWidth(k)) {
      const w = immWidth(k);
      const osize = form.osize || w;
      let v = readInt(s, w, k === 's8' || k === 's32');
      if (k === 's8' || k === 's32') v = BigInt.asUintN(osize * 8, v);
      operands.push({ kind: 'imm', value: v, size: w as OpSize });
    } else {
      operands.push({ kind: 'reg', reg: fixedRegister(k) });
    }
  }
  const length = s.pos - s.start;
  if (relTargetFix >= 0) {
    const next = s.address + BigInt(length);
    // Branch targets wrap at the operand size (16-bit IP in 16-bit code).
    const width = form.osize === 2 || (s.bits === 16 && !s.opsizePrefix) ? 16 : s.bits === 64 ? 64 : 32;
    operands[relTargetFix] = { kind: 'rel', target: BigInt.asUintN(width, next + relDisp) };
  }
  if (memory?.base?.cls === 'ip') {
    // Turn [rip+disp] into the absolute address it reaches.
    const next = s.address + BigInt(length);
    for (let i = 0; i < operands.length; i++) {
      const o = operands[i];
      if (o.kind === 'mem' && o.base?.cls === 'ip') {
        operands[i] = { ...o, base: undefined, rel: true, disp: BigInt.asUintN(asize * 8, next + o.disp) };
      }
    }
  }
  const result: { -readonly [K in keyof DecodedInstruction]: DecodedInstruction[K] } = { mnemonic: form.mnemonic, operands, length };
  if (s.lock) result.lock = true;
  if (s.rep && form.mandatory !== s.rep) {
    if (form.rep === 'repcc') result.rep = (s.rep === 0xf3 ? 'repe' : 'repne') as RepPrefix;
    else if (form.rep === 'rep' && s.rep === 0xf3) result.rep = 'rep';
  }
  if (s.addrPrefix && !memory && form.asize === 0 && !form.ops.some((k) => k.startsWith('moffs'))) result.addrsizeOverride = asize as 2 | 4 | 8;
  if (s.seg && !memory && !form.ops.some((k) => k.startsWith('moffs'))) result.segmentPrefix = regsByClass.seg[['es', 'cs', 'ss', 'ds', 'fs', 'gs'].indexOf(s.seg)];
  return result;
}

function segReg(s: State): Register | undefined {
  return s.seg ? regsByClass.seg[['es', 'cs', 'ss', 'ds', 'fs', 'gs'].indexOf(s.seg)] : undefined;
}

function fixedRegister(k: OpKind): Register {
  const names: Partial<Record<OpKind, Register>> = {
    al: gpr(1, 0), ax: gpr(2, 0), eax: gpr(4, 0), rax: gpr(8, 0), cl: gpr(1, 1), dx: gpr(2, 2),
    es: regsByClass.seg[0], cs: regsByClass.seg[1], ss: regsByClass.seg[2],
    ds: regsByClass.seg[3], fs: regsByClass.seg[4], gs: regsByClass.seg[5],
  };
  const r = names[k];
  if (!r) throw new Error(`x86 decoder: no register for operand kind ${k}`);
  return r;
}

const BASE16: readonly (readonly [string, string?])[] = [
  ['bx', 'si'], ['bx', 'di'], ['bp', 'si'], ['bp', 'di'], ['si'], ['di'], ['bp'], ['bx'],
];

function decodeMemory(s: State, asize: number): MemOperand {
  const mod = s.modrm >> 6;
  const rmLow = s.modrm & 7;
  const seg = segReg(s);
  if (asize === 2) {
    if (mod === 0 && rmLow === 6) return { kind: 'mem', scale: 1, disp: readInt(s, 2, false), seg, addrSize: s.bits === 16 ? undefined : 2 };
    const [b, i] = BASE16[rmLow];
    const disp = mod === 1 ? readInt(s, 1, true) : mod === 2 ? readInt(s, 2, true) : 0n;
    return {
      kind: 'mem', scale: 1, disp, seg, base: regsByClass.gpr16[['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di'].indexOf(b)],
      index: i ? regsByClass.gpr16[['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di'].indexOf(i)] : undefined,
      dispSize: mod === 1 ? 1 : mod === 2 ? 2 : undefined,
    };
  }
  const cls = asize === 8 ? 'gpr64' : 'gpr32';
  const rexB = (s.rex & 1) << 3;
  const rexX = (s.rex & 2) << 2;
  let base: Register | undefined;
  let index: Register | undefined;
  let scale: 1 | 2 | 4 | 8 = 1;
  let dispBytes = mod === 1 ? 1 : mod === 2 ? 4 : 0;
  if (rmLow === 4) {
    const sib = byte(s);
    const sibBase = sib & 7;
    const sibIndex = ((sib >> 3) & 7) | rexX;
    scale = (1 << (sib >> 6)) as 1 | 2 | 4 | 8;
    if (sibIndex !== 4) index = regsByClass[cls][sibIndex];
    if (sibBase === 5 && mod === 0) dispBytes = 4;
    else base = regsByClass[cls][sibBase | rexB];
  } else if (rmLow === 5 && mod === 0) {
    dispBytes = 4;
    if (s.bits === 64) base = regsByClass.ip[asize === 8 ? 0 : 1];
  } else {
    base = regsByClass[cls][rmLow | rexB];
  }
  const disp = dispBytes ? readInt(s, dispBytes, true) : 0n;
  const m: MemOperand = {
    kind: 'mem', scale, disp, seg, base, index,
    dispSize: dispBytes === 1 ? 1 : dispBytes === 4 && (base && base.cls !== 'ip') ? 4 : undefined,
    addrSize: asize !== (s.bits === 16 ? 2 : s.bits === 32 ? 4 : 8) ? (asize as 2 | 4 | 8) : undefined,
  };
  return m;
}

/** x87, SSE and other opcodes outside the table: measured, not interpreted. */
function decodeUnmodelled(s: State, map: number, opcode: number): DecodedInstruction {
  let hasModrm = false;
  let imm = 0;
  if (map === 0) {
    if (!X87_OPCODES[opcode]) return invalid(s.pos - s.start);
    hasModrm = true;
  } else if (map === 1) {
    if (MAP1_INVALID[opcode]) return invalid(s.pos - s.start);
    hasModrm = !MAP1_NO_MODRM[opcode];
    if (MAP1_IMM8[opcode]) imm = 1;
  } else {
    hasModrm = true;
    if (map === 3) imm = 1;
  }
  if (hasModrm && s.modrm < 0) s.modrm = byte(s);
  if (hasModrm && s.modrm >> 6 !== 3) decodeMemory(s, effectiveAsize(s));
  for (let i = 0; i < imm; i++) byte(s);
  return { mnemonic: '(unsupported)', operands: [], length: s.pos - s.start, unsupported: true };
}
