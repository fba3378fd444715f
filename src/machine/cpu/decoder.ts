// The emulator's decoder, generated at module load from the src/x86 instruction table (the
// same rows the assembler and disassembler use). Per opcode map and byte it keeps the list of
// candidate forms with their selection attributes unpacked into typed arrays; decoding walks
// that short list without allocating and fills a reusable `Insn` record: operand kinds, the
// register numbers, the memory operand (base, index, scale, displacement, segment) and the
// immediates, already extended to the operand size. Bytes outside the table (MMX, SSE3+...)
// decode as invalid, which the CPU turns into #UD.
import { FORMS, FORMS_BY_OPCODE } from '../../x86/table/index.ts';
import { kindSize, type Form, type OpKind } from '../../x86/spec.ts';
import { Seg } from './state.ts';

/** Operand kinds as the execution functions see them. */
export const enum K {
  None = 0,
  Reg = 1,    // general register insn.reg (ModRM.reg or the +r register)
  Rm = 2,     // insn.rm register, or the memory operand when insn.mem
  Imm = 3,    // insn.imm / insn.immHi
  Acc = 4,    // al/ax/eax/rax
  Cl = 5,
  Dx = 6,
  One = 7,
  SegFixed = 8, // a segment register named by the opcode: insn.sreg
  Sreg = 9,     // the segment register in ModRM.reg: insn.sreg
  Cr = 10,      // control register insn.reg
  Dr = 11,
  Rel = 12,     // branch displacement in insn.imm
  Ptr = 13,     // far pointer: offset insn.imm, selector insn.imm2
  Xmm = 14,     // XMM register insn.reg (ModRM.reg); an XMM ModRM.rm operand is Rm
}

export class Insn {
  formId = -1;
  form: Form = FORMS[0];
  /** Execution function, set by the CPU from the form. */
  fn: ((c: never, i: Insn) => void) | null = null;
  /** Whether the block ends after this instruction (control transfer, mode change, I/O). */
  ends = false;
  len = 0;
  /** Effective operand size in bytes (1 for byte forms). */
  osize = 4;
  /** Effective address size: 2, 4 or 8. */
  asize = 4;
  op0 = K.None; op1 = K.None; op2 = K.None;
  s0 = 0; s1 = 0; s2 = 0;
  /** ModRM.reg with REX.R, or the +r register with REX.B (byte-register code for 8-bit operands). */
  reg = 0;
  /** ModRM.rm register with REX.B when mod = 3 (byte-register code for 8-bit operands). */
  rm = 0;
  mem = false;
  /** The loop computes the memory operand's address before the instruction runs (all but lea). */
  ea = false;
  /** Memory operand: base register (-1 none, 16 = RIP), index (-1 none), scale shift, displacement. */
  base = -1; index = -1; scale = 0; disp = 0; dispHi = 0;
  /** Segment of the memory operand (default or override), or of a segment-register operand. */
  seg: number = Seg.DS;
  segOverride = -1;
  sreg = 0;
  imm = 0; immHi = 0; imm2 = 0;
  /** Destination and source registers of specialised execution functions (exec/fast.ts). */
  dst = 0; src = 0;
  /** 0, 0xf2 or 0xf3 when the form takes a repeat prefix. */
  rep = 0;
  lock = false;
  /** A lock prefix on an instruction that cannot take it: executes as #UD. */
  lockUd = false;
  /** x87 and SSE-state instructions (outside the table, run by exec/x87.ts): opcode << 8 | ModRM; else -1. */
  x87 = -1;
  rexW = false;
  opcode = 0;
  map = 0;
  modrm = -1;
  /** Code size the instruction was decoded for. */
  bits: 16 | 32 | 64 = 16;
  /** Set when the bytes are not an instruction in this mode (executes as #UD). */
  invalid = false;
}

// ------------------------------------------------------------ per-form attributes, unpacked

const NF = FORMS.length;
const fModes = new Uint8Array(NF);
const fMandatory = new Uint8Array(NF);   // 0, 0x66, 0xf2, 0xf3
const fModrm = new Int8Array(NF);        // -2 none, -1 /r, 0-7 digit
const fModrmByte = new Int16Array(NF);   // -1 none
const fMemOnly = new Uint8Array(NF);     // an operand requires mod != 3
const fRegOnly = new Uint8Array(NF);     // an operand requires mod == 3
const fOsize = new Uint8Array(NF);
const fDefault64 = new Uint8Array(NF);   // 0, 1 default, 2 force
const fAsize = new Uint8Array(NF);
const fHasRm = new Uint8Array(NF);       // has a ModRM.rm operand that may be memory

function isMemoryOnly(k: OpKind): boolean { return k[0] === 'm' && !k.startsWith('moffs'); }
function isRegisterOnly(k: OpKind): boolean { return k[0] === 'R'; }

for (const f of FORMS) {
  const i = f.index;
  fModes[i] = f.modes;
  fMandatory[i] = f.mandatory ?? 0;
  fModrm[i] = f.modrm === undefined ? -2 : f.modrm === 'r' ? -1 : f.modrm;
  fModrmByte[i] = f.modrmByte ?? -1;
  fMemOnly[i] = f.ops.some(isMemoryOnly) ? 1 : 0;
  fRegOnly[i] = f.ops.some(isRegisterOnly) ? 1 : 0;
  fOsize[i] = f.osize;
  fDefault64[i] = f.default64 === 'force' ? 2 : f.default64 ? 1 : 0;
  fAsize[i] = f.asize;
  fHasRm[i] = f.ops.some((k) => k.startsWith('rm') || k[0] === 'm' && !k.startsWith('moffs') || k[0] === 'R') ? 1 : 0;
}

/** Candidate form ids per (map * 256 + opcode), decode-only aliases included, encode-only excluded. */
const CANDIDATES: Int32Array[] = [];
for (let m = 0; m < 4; m++) {
  for (let op = 0; op < 256; op++) CANDIDATES.push(Int32Array.from(FORMS_BY_OPCODE[m][op].map((f) => f.index)));
}

/**
 * Mnemonics whose operand size defaults to 64 bits in long mode although their row has no
 * d64 attribute (the generic spelling of pushf/popf, and near branches through memory).
 */
const STACK_DEFAULT64 = new Set(['pushf', 'popf', 'leave', 'enter', 'ret', 'retn', 'call', 'jmp', 'push', 'pop']);
const fStack64 = new Uint8Array(NF);
for (const f of FORMS) {
  if (STACK_DEFAULT64.has(f.mnemonic) && !f.ops.some((k) => k.startsWith('ptr') || k === 'm32' || k === 'm48' || k === 'm80')) fStack64[f.index] = 1;
}

const BASE16 = [3, 3, 5, 5, 6, 7, 5, 3]; // bx bx bp bp si di bp bx
const INDEX16 = [6, 7, 6, 7, -1, -1, -1, -1]; // si di si di

const SEG_PREFIX: Record<number, number> = { 0x26: Seg.ES, 0x2e: Seg.CS, 0x36: Seg.SS, 0x3e: Seg.DS, 0x64: Seg.FS, 0x65: Seg.GS };
const SEG_OF_PREFIX = new Int8Array(256).fill(-1);
for (const [b, s] of Object.entries(SEG_PREFIX)) SEG_OF_PREFIX[Number(b)] = s;

/** Fetches the byte at offset i from the instruction's start (may throw a guest fault). */
export type Fetch = (i: number) => number;

function byteCode(n: number, rex: number): number {
  return rex === 0 && n >= 4 && n < 8 ? n + 12 : n;
}

/**
 * Decodes one instruction in a `bits`-bit code segment into `out`. Returns false and sets
 * `out.invalid` when the bytes are no instruction of the table in this mode (the length is
 * then the bytes looked at). Throws what `fetch` throws (#PF on a code fetch).
 */
export function decodeInto(fetch: Fetch, bits: 16 | 32 | 64, out: Insn): boolean {
  return decodeWith(fetch, bits, out, false);
}

function decodeIntoRetry(fetch: Fetch, bits: 16 | 32 | 64, out: Insn): boolean {
  return decodeWith(fetch, bits, out, true);
}

/** fwait (9B) is not in the table; with no x87 state to wait for it is a no-op. */
const NOP_FORM = FORMS.find((f) => f.mnemonic === 'nop' && f.ops.length === 0 && f.mandatory === undefined)!;

function decodeWith(fetch: Fetch, bits: 16 | 32 | 64, out: Insn, ignoreRexW: boolean): boolean {
  let pos = 0;
  let opsizePrefix = false, addrPrefix = false, lock = false, rep = 0, seg = -1, rex = 0;
  let b: number;
  for (;;) {
    if (pos >= 15) return fail(out, 15);
    b = fetch(pos++);
    if (b === 0x66) opsizePrefix = true;
    else if (b === 0x67) addrPrefix = true;
    else if (b === 0xf0) lock = true;
    else if (b === 0xf2 || b === 0xf3) rep = b;
    else if (SEG_OF_PREFIX[b] >= 0) seg = SEG_OF_PREFIX[b];
    else if (bits === 64 && (b & 0xf0) === 0x40) { rex = ignoreRexW ? b & ~8 : b; continue; }
    else break;
    rex = 0;
  }
  if (b >= 0xd8 && b <= 0xdf) return decodeX87(fetch, bits, out, pos - 1, b);
  if (b === 0x9b) {
    out.invalid = false; out.bits = bits; out.formId = NOP_FORM.index; out.form = NOP_FORM; out.len = pos;
    out.map = 0; out.opcode = 0x9b; out.modrm = -1; out.mem = false; out.rep = 0; out.lock = false; out.lockUd = false; out.x87 = -1;
    out.op0 = out.op1 = out.op2 = K.None; out.osize = 4; out.asize = 4;
    return true;
  }
  let map = 0;
  if (b === 0x0f) {
    map = 1;
    b = fetch(pos++);
    if (b === 0x38) { map = 2; b = fetch(pos++); }
    else if (b === 0x3a) { map = 3; b = fetch(pos++); }
    else if (b === 0x18 || b === 0x0d || b === 0xae || b === 0xc3) {
      const m = fetch(pos);
      if (b === 0xae && m < 0xc0 && ((m >> 3) & 7) <= 3) return decodeX87(fetch, bits, out, pos - 2, 0xae);
      const alias = aliasOf(b, m);
      if (alias !== 0) return decodeAlias(fetch, bits, out, pos - 2, alias);
    }
  }
  const opcode = b;
  const cands = CANDIDATES[map * 256 + opcode];
  const modeBit = bits === 16 ? 1 : bits === 32 ? 2 : 4;
  let needModrm = false, any = false;
  for (let k = 0; k < cands.length; k++) {
    const f = cands[k];
    if (!(fModes[f] & modeBit)) continue;
    any = true;
    if (fModrm[f] !== -2 || fModrmByte[f] >= 0) needModrm = true;
  }
  if (!any) return fail(out, pos);
  let modrm = -1;
  if (needModrm) modrm = fetch(pos++);
  // mov to/from control and debug registers ignores the mod field: always registers.
  if (map === 1 && (opcode & 0xfc) === 0x20) modrm |= 0xc0;
  const mod = modrm >> 6, regf = (modrm >> 3) & 7;
  const asize = bits === 64 ? (addrPrefix ? 4 : 8) : bits === 16 ? (addrPrefix ? 4 : 2) : (addrPrefix ? 2 : 4);

  let form = -1;
  let effOsize = 0;
  for (let pass = 0; pass < 2 && form < 0; pass++) {
    for (let k = 0; k < cands.length; k++) {
      const f = cands[k];
      if (!(fModes[f] & modeBit)) continue;
      const mand = fMandatory[f];
      if (pass === 0) {
        // (F2/F3 take precedence over 66 as the mandatory prefix: 66 F2 0F 10 is movsd.)
        if (mand === 0 || !(mand === 0x66 ? opsizePrefix && rep === 0 : rep === mand)) continue;
      } else if (mand !== 0) continue;
      if (fModrmByte[f] >= 0) { if (fModrmByte[f] !== modrm) continue; }
      else if (needModrm) {
        if (fModrm[f] >= 0 && fModrm[f] !== regf) continue;
        if (mod === 3 ? fMemOnly[f] : fRegOnly[f]) continue;
      }
      if (opcode === 0x90 && map === 0 && !(rex & 1)) {
        const mn = FORMS[f].mnemonic;
        if (mn !== 'nop' && mn !== 'pause') continue;
      }
      const o = operandSize(bits, f, opsizePrefix && mand !== 0x66, rex);
      if (fOsize[f] !== 0 && fOsize[f] !== o) continue;
      if (fAsize[f] !== 0 && fAsize[f] !== asize) continue;
      form = f;
      effOsize = o;
      break;
    }
  }
  if (form < 0 && (rex & 8)) {
    // REX.W on an instruction that has no 64-bit form (in/out, mov to a segment register):
    // the processor ignores it.
    rex &= ~8;
    return decodeIntoRetry(fetch, bits, out);
  }
  if (form < 0) return fail(out, pos);
  const F = FORMS[form];

  out.invalid = false;
  out.x87 = -1;
  out.bits = bits;
  out.formId = form;
  out.form = F;
  out.map = map;
  out.opcode = opcode;
  out.modrm = modrm;
  out.asize = asize;
  out.lock = lock;
  out.rexW = (rex & 8) !== 0;
  out.rep = F.rep !== 'none' ? rep : 0;
  out.segOverride = seg;
  out.mem = false;
  out.base = -1; out.index = -1; out.scale = 0; out.disp = 0; out.dispHi = 0;
  out.seg = seg >= 0 ? seg : Seg.DS;
  out.imm = 0; out.immHi = 0; out.imm2 = 0;
  out.op0 = out.op1 = out.op2 = K.None;
  out.s0 = out.s1 = out.s2 = 0;
  out.reg = 0; out.rm = 0; out.sreg = 0;

  // Operand size of the instruction: the form's own, else the size of its first sized
  // operand (byte forms), else the effective size from the prefixes.
  let osize = F.osize || effOsize;
  if (F.osize === 0) {
    const first = F.ops.find((k) => k !== 'one' && k !== 'cl' && k !== 'dx' && !k.startsWith('i') && k !== 'sreg' && k !== 'cr' && k !== 'dr' && !k.startsWith('rel'));
    if (first !== undefined && kindSize(first) === 1) osize = 1;
    else if (F.rep !== 'none' && /b$/.test(F.mnemonic)) osize = 1;
  }
  out.osize = osize;

  const regNum = regf | ((rex & 4) << 1);
  const rmNum = (modrm & 7) | ((rex & 1) << 3);

  // Memory operand (ModRM) after the ModRM byte.
  if (needModrm && mod !== 3 && fModrmByte[form] < 0) {
    out.mem = true;
    if (asize === 2) {
      const r = modrm & 7;
      if (mod === 0 && r === 6) {
        out.disp = fetch(pos) | (fetch(pos + 1) << 8); pos += 2;
      } else {
        out.base = BASE16[r]; out.index = INDEX16[r];
        if (mod === 1) { out.disp = (fetch(pos++) << 24) >> 24; }
        else if (mod === 2) { out.disp = ((fetch(pos) | (fetch(pos + 1) << 8)) << 16) >> 16; pos += 2; }
        if (seg < 0 && (r === 2 || r === 3 || r === 6)) out.seg = Seg.SS;
      }
    } else {
      let dispBytes = mod === 1 ? 1 : mod === 2 ? 4 : 0;
      const r = modrm & 7;
      if (r === 4) {
        const sib = fetch(pos++);
        const sb = sib & 7, si = ((sib >> 3) & 7) | ((rex & 2) << 2);
        out.scale = sib >> 6;
        if (si !== 4) out.index = si;
        if (sb === 5 && mod === 0) dispBytes = 4;
        else out.base = sb | ((rex & 1) << 3);
      } else if (r === 5 && mod === 0) {
        dispBytes = 4;
        if (bits === 64) out.base = 16;
      } else out.base = rmNum;
      if (dispBytes === 1) out.disp = (fetch(pos++) << 24) >> 24;
      else if (dispBytes === 4) { out.disp = fetch(pos) | (fetch(pos + 1) << 8) | (fetch(pos + 2) << 16) | (fetch(pos + 3) << 24); pos += 4; }
      out.dispHi = out.disp >> 31;
      if (seg < 0 && (out.base === 4 || out.base === 5)) out.seg = Seg.SS;
    }
  }

  // Operands in order; immediates are read as they come.
  const ops = F.ops;
  for (let n = 0; n < ops.length; n++) {
    const k = ops[n];
    let kind: K;
    let size = kindSize(k);
    switch (k) {
      case 'r8': kind = K.Reg; out.reg = byteCode(regNum, rex); break;
      case 'r16': case 'r32': case 'r64': kind = K.Reg; out.reg = regNum; break;
      case 'rm8':
        kind = K.Rm; if (!out.mem) out.rm = byteCode(rmNum, rex); break;
      case 'rm16': case 'rm32': case 'rm64': case 'R16': case 'R32': case 'R64':
      case 'm': case 'm8': case 'm16': case 'm32': case 'm48': case 'm64': case 'm80': case 'm128': case 'mdesc':
        kind = K.Rm; if (!out.mem) out.rm = rmNum; break;
      case 'o8': kind = K.Reg; out.reg = byteCode((opcode & 7) | ((rex & 1) << 3), rex); break;
      case 'o16': case 'o32': case 'o64': kind = K.Reg; out.reg = (opcode & 7) | ((rex & 1) << 3); break;
      case 'al': case 'ax': case 'eax': case 'rax': kind = K.Acc; break;
      case 'cl': kind = K.Cl; break;
      case 'dx': kind = K.Dx; break;
      case 'one': kind = K.One; size = 1; break;
      case 'es': case 'cs': case 'ss': case 'ds': case 'fs': case 'gs':
        kind = K.SegFixed; out.sreg = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'].indexOf(k); break;
      case 'sreg': kind = K.Sreg; out.sreg = regf; if (regf > 5) return fail(out, pos); break;
      case 'cr': kind = K.Cr; out.reg = regNum; break;
      case 'dr': kind = K.Dr; out.reg = regNum; break;
      case 'rel8': kind = K.Rel; out.imm = (fetch(pos++) << 24) >> 24; break;
      case 'rel16': kind = K.Rel; out.imm = ((fetch(pos) | (fetch(pos + 1) << 8)) << 16) >> 16; pos += 2; break;
      case 'rel32': kind = K.Rel; out.imm = read32(fetch, pos); pos += 4; break;
      case 'moffs8': case 'moffs16': case 'moffs32': case 'moffs64': {
        kind = K.Rm; out.mem = true;
        if (asize === 2) { out.disp = fetch(pos) | (fetch(pos + 1) << 8); pos += 2; }
        else { out.disp = read32(fetch, pos); pos += 4; if (asize === 8) { out.dispHi = read32(fetch, pos); pos += 4; } }
        break;
      }
      case 'ptr16': kind = K.Ptr; out.imm = fetch(pos) | (fetch(pos + 1) << 8); out.imm2 = fetch(pos + 2) | (fetch(pos + 3) << 8); pos += 4; break;
      case 'ptr32': kind = K.Ptr; out.imm = read32(fetch, pos); out.imm2 = fetch(pos + 4) | (fetch(pos + 5) << 8); pos += 6; break;
      case 'i8': {
        // A second immediate (enter's nesting level) goes to imm2.
        kind = K.Imm; const v = fetch(pos++);
        if (n > 0 && out.op0 === K.Imm) out.imm2 = v; else out.imm = v;
        break;
      }
      case 's8': {
        kind = K.Imm; const v = (fetch(pos++) << 24) >> 24;
        size = osize; setImm(out, v, osize); break;
      }
      case 'i16': kind = K.Imm; out.imm = fetch(pos) | (fetch(pos + 1) << 8); pos += 2; break;
      case 'i32': kind = K.Imm; out.imm = read32(fetch, pos); pos += 4; break;
      case 's32': kind = K.Imm; size = 8; setImm(out, read32(fetch, pos), 8); pos += 4; break;
      case 'u32': kind = K.Imm; size = 8; out.imm = read32(fetch, pos); out.immHi = 0; pos += 4; break;
      case 'i64': kind = K.Imm; out.imm = read32(fetch, pos); out.immHi = read32(fetch, pos + 4); pos += 8; break;
      default:
        // Kinds added to the table later, recognised by their spelling.
        if (k[0] === 'R' || k.startsWith('rm') || (k[0] === 'm' && !k.startsWith('moffs'))) {
          kind = K.Rm;
          if (!out.mem) out.rm = size === 1 ? byteCode(rmNum, rex) : rmNum;
          break;
        }
        if (k[0] === 'r' && /^r(8|16|32|64)$/.test(k)) { kind = K.Reg; out.reg = size === 1 ? byteCode(regNum, rex) : regNum; break; }
        if (k === 'x') { kind = K.Xmm; out.reg = regNum; break; }
        return fail(out, pos);
    }
    if (n === 0) { out.op0 = kind; out.s0 = size; }
    else if (n === 1) { out.op1 = kind; out.s1 = size; }
    else { out.op2 = kind; out.s2 = size; }
  }
  if (pos > 15) return fail(out, 15);
  // lock is #UD unless the instruction is one of the read-modify-write forms with a memory
  // destination (xchg with memory in either place); the length and form stay as decoded.
  out.lockUd = lock && (!out.mem || !LOCKABLE.has(F.mnemonic) || (out.op0 !== K.Rm && F.mnemonic !== 'xchg'));
  out.len = pos;
  return true;
}

const LOCKABLE = new Set(['add', 'adc', 'and', 'btc', 'btr', 'bts', 'cmpxchg', 'cmpxchg8b', 'cmpxchg16b',
  'dec', 'inc', 'neg', 'not', 'or', 'sbb', 'sub', 'xor', 'xadd', 'xchg']);

// Instructions outside the table that behave as table instructions here, decoded as those:
// the fences (0F AE /5 /6 /7 with mod = 3), prefetches (0F 18 /0-3, 0F 0D /0-1), clflush and
// clflushopt (0F AE /7 with memory) and clwb (66 0F AE /6 with memory) order or hint at memory
// this machine keeps coherent, so they run as `nop r/m` (0F 1F /0, no access); movnti
// (0F C3, a non-temporal store) runs as `mov r/m, r` (89). Compilers emit mfence for SeqCst
// fences and kernels use the rest; QEMU runs them all.
const ALIAS_NOP = 1, ALIAS_MOV = 2;

function aliasOf(op: number, modrm: number): number {
  const reg = (modrm >> 3) & 7, mod = modrm >> 6;
  if (op === 0x18 && reg <= 3) return ALIAS_NOP;
  if (op === 0x0d && reg <= 1 && mod !== 3) return ALIAS_NOP;
  if (op === 0xae && ((mod === 3 && reg >= 5) || (mod !== 3 && (reg === 7 || reg === 6)))) return ALIAS_NOP;
  if (op === 0xc3 && mod !== 3) return ALIAS_MOV;
  return 0;
}

/** Decodes the instruction whose 0F opcode byte is at `opAt` as the table instruction it aliases. */
function decodeAlias(fetch: Fetch, bits: 16 | 32 | 64, out: Insn, opAt: number, alias: number): boolean {
  const f: Fetch = alias === ALIAS_NOP
    // 0F xx modrm -> 0F 1F modrm with reg = 0: same length.
    ? (k) => (k === opAt + 1 ? 0x1f : k === opAt + 2 ? fetch(k) & 0xc7 : fetch(k))
    // 0F C3 modrm -> 89 modrm: one byte shorter.
    : (k) => (k < opAt ? fetch(k) : k === opAt ? 0x89 : fetch(k + 1));
  const ok = decodeWith(f, bits, out, false);
  if (alias === ALIAS_MOV) out.len += 1;
  return ok;
}

/**
 * x87 escapes (D8-DF) and 0F AE /0-/3 (fxsave, fxrstor, ldmxcsr, stmxcsr): decoded as
 * `nop r/m` (0F 1F /0) for the length and the memory operand, with the opcode and ModRM kept in
 * `out.x87` for exec/x87.ts.
 */
function decodeX87(fetch: Fetch, bits: 16 | 32 | 64, out: Insn, opAt: number, op: number): boolean {
  const twoByte = op === 0xae;
  const modrm = fetch(opAt + (twoByte ? 2 : 1));
  const f: Fetch = twoByte
    ? (k) => (k === opAt + 1 ? 0x1f : k === opAt + 2 ? modrm & 0xc7 : fetch(k))
    : (k) => (k < opAt ? fetch(k) : k === opAt ? 0x0f : k === opAt + 1 ? 0x1f : k === opAt + 2 ? modrm & 0xc7 : fetch(k - 1));
  const ok = decodeWith(f, bits, out, false);
  if (!twoByte) out.len -= 1;
  out.x87 = ok ? (op << 8) | modrm : -1;
  return ok;
}

function setImm(out: Insn, v: number, size: number): void {
  if (size === 1) out.imm = v & 0xff;
  else if (size === 2) out.imm = v & 0xffff;
  else { out.imm = v | 0; out.immHi = size === 8 ? v >> 31 : 0; }
}

function read32(fetch: Fetch, pos: number): number {
  return fetch(pos) | (fetch(pos + 1) << 8) | (fetch(pos + 2) << 16) | (fetch(pos + 3) << 24);
}

function operandSize(bits: number, f: number, p66: boolean, rex: number): number {
  if (bits === 64) {
    if (fDefault64[f] === 2) return 8;
    if (rex & 8) return 8;
    if (p66) return 2;
    return fDefault64[f] || fStack64[f] ? 8 : 4;
  }
  const natural = bits === 16 ? 2 : 4;
  return p66 ? 6 - natural : natural;
}

function fail(out: Insn, len: number): false {
  out.invalid = true;
  out.len = len;
  out.formId = -1;
  return false;
}

/** The operand size in long mode when 66 is given to a d64 instruction is 16; exported for tests. */
export { operandSize as _operandSize };
