// The decoder: reads one instruction from bytes, generated from the same table as the
// encoder. Prefixes are gathered first; the opcode and the prefix class pick a group of
// candidate forms (precomputed at load time, indexed by ModRM.mod and ModRM.reg), and the
// mode, operand size and address size narrow it to one. Opcodes the table does not model
// (x87, MMX, SSE3+, AVX, ...) are measured with the byte shapes of table/shapes.ts and come
// back as `unsupported` with their exact length.
//
// Where the processor leaves a choice to the disassembler (how many bytes an invalid
// encoding takes, what to do with a run of prefixes that ends in nothing), the decoder does
// what GNU objdump does, so that a listing stays in step with objdump's; the oracle suite
// (decode.oracle.test.ts) holds it to that.
import { FORMS } from './table/index.ts';
import {
  BAD_AT_OPCODE, BAD_FIRST_BYTE, SHAPES_0F, SHAPES_0F38, SHAPES_0F3A, SHAPES_X87, VALID,
  modrmStatus, vexImmediate, xopImmediate, type Shape, type ShapeTable,
} from './table/shapes.ts';
import { kindSize, modeBit, type Form, type OpKind } from './spec.ts';
import { regsByClass, type Register } from './registers.ts';
import type { Bits, DecodedInstruction, MemOperand, Operand, OpSize, RepPrefix } from './types.ts';

const MAX_LENGTH = 15;
/** objdump reads at most this many bytes for one instruction; past it the first byte stands alone. */
const MAX_FETCH = 20;
/** objdump stops gathering prefixes after this many bytes. */
const MAX_PREFIXES = 14;

// ---------------------------------------------------------------------------------------
// Lookup structures, built once.

const P_NONE = 0, P_66 = 1, P_67 = 2, P_LOCK = 3, P_F2 = 4, P_F3 = 5, P_SEG = 6, P_FWAIT = 7, P_REX = 8;
const PREFIX_KIND = new Uint8Array(256);
PREFIX_KIND[0x66] = P_66; PREFIX_KIND[0x67] = P_67; PREFIX_KIND[0xf0] = P_LOCK;
PREFIX_KIND[0xf2] = P_F2; PREFIX_KIND[0xf3] = P_F3; PREFIX_KIND[0x9b] = P_FWAIT;
for (const b of [0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65]) PREFIX_KIND[b] = P_SEG;
for (let b = 0x40; b < 0x50; b++) PREFIX_KIND[b] = P_REX;
const SEG_OF_PREFIX: Record<number, number> = { 0x26: 0, 0x2e: 1, 0x36: 2, 0x3e: 3, 0x64: 4, 0x65: 5 };

/** Candidate forms of one opcode under one prefix class. */
interface Group {
  /** Any form takes a ModRM byte. */
  readonly modrm: boolean;
  /** Forms without ModRM. */
  readonly plain: readonly DForm[];
  /** ModRM forms by cell: (mod === 3 ? 8 : 0) + reg. */
  readonly cells: readonly (readonly DForm[])[];
  /** Forms with a whole fixed ModRM byte (0F 01 D0 ...), by that byte. */
  readonly fixed: ReadonlyMap<number, readonly DForm[]> | null;
}

/** A form with what the decoder needs precomputed. */
interface DForm {
  readonly form: Form;
  readonly modes: number;
  /** 0: the form fixes no operand size; else 2/4/8. */
  readonly osize: number;
  readonly asize: number;
  /** Operand size comes from 66/REX.W with 64 as the default in long mode. */
  readonly d64: boolean;
  /** The operands do not show the operand size (jmp rel, push imm, ret ...). */
  readonly sizeHidden: boolean;
  readonly far: boolean;
  readonly string: boolean;
  readonly hasMoffs: boolean;
  readonly hasMem: boolean;
  readonly ops: readonly OpKind[];
}

const SIZE_VISIBLE = /^(r|rm|m|R|o)(8|16|32|48|64|80|128)$|^(ax|eax|rax|moffs|ptr)/;

function makeDForm(f: Form): DForm {
  // objdump (like AMD processors) lets 66 shorten near branches in long mode, so the
  // decoder treats "operand size forced to 64" as "defaults to 64".
  let modes = f.modes;
  if (f.default64 === 'force' && f.osize === 2) modes |= 4;
  const sizeHidden = f.osize !== 0 && !f.ops.some((k) => SIZE_VISIBLE.test(k)) && !isMnemonicSized(f);
  return {
    form: f, modes, osize: f.osize, asize: f.asize, d64: f.default64 !== undefined, sizeHidden,
    far: f.map === 0 && f.opcode === 0xff && (f.modrm === 3 || f.modrm === 5),
    string: STRING_MNEMONICS.test(f.mnemonic) && f.ops.length === 0,   // (not SSE's movsd xmm, xmm)
    hasMoffs: f.ops.some((k) => k.startsWith('moffs')),
    hasMem: f.ops.some((k) => k.startsWith('rm') || (k[0] === 'm' && !k.startsWith('moffs')) || k[0] === 'R'),
    ops: f.ops,
  };
}

const STRING_MNEMONICS = /^(movs|cmps|stos|lods|scas|ins|outs)[bwdq]$|^xlatb$/;

/** Mnemonics that spell their operand size (cbw/cwde, iretq, pushfw, movsd ...): another
 * form of the same opcode has another mnemonic. (sysret's sizes share one name: o64 sysret.) */
function isMnemonicSized(f: Form): boolean {
  if (f.osize === 0) return false;
  const ops = f.ops.join();
  return FORMS.some((g) => g.map === f.map && g.opcode === f.opcode && g.mnemonic !== f.mnemonic && !g.encodeOnly
    && g.modrmByte === f.modrmByte && g.ops.join() === ops && g.osize !== f.osize);
}

function mandatoryClass(f: Form): number {
  return f.mandatory === 0x66 ? 1 : f.mandatory === 0xf3 ? 2 : f.mandatory === 0xf2 ? 3 : 0;
}

/** GROUPS[map][opcode][prefixClass]; a class without forms of its own uses class 0. */
const GROUPS: (Group | null)[][][] = (() => {
  const lists: DForm[][][][] = [0, 1, 2, 3].map(() => Array.from({ length: 256 }, () => [[], [], [], []]));
  for (const f of FORMS) {
    if (f.encodeOnly) continue;
    const d = makeDForm(f);
    const n = f.plusReg ? 8 : 1;
    for (let r = 0; r < n; r++) lists[f.map][f.opcode + r][mandatoryClass(f)].push(d);
  }
  return lists.map((ops) => ops.map((classes) => {
    const groups = classes.map((forms) => (forms.length ? makeGroup(forms) : null));
    // A prefix class without forms of its own decodes as the plain opcode (66 0F B6 is movzx
    // with a 16-bit operand), except where the plain opcode is an SSE form: there the prefix
    // selects another instruction (66 0F 28 movapd, F3 0F 6F movdqu), or an MMX one we do not model.
    const sse = groups[0] !== null && classes[0].some((d) => d.ops.some(isXmmKind));
    for (let c = 1; c < 4; c++) if (!sse) groups[c] ??= groups[0];
    return groups;
  }));
})();

function isXmmKind(k: OpKind): boolean {
  return k === 'x' || k === 'Rx' || k.startsWith('rmx');
}

function makeGroup(forms: DForm[]): Group {
  const modrm = forms.some((d) => d.form.modrm !== undefined || d.form.modrmByte !== undefined);
  const cells: DForm[][] = Array.from({ length: 16 }, () => []);
  let fixed: Map<number, DForm[]> | null = null;
  for (const d of forms) {
    const f = d.form;
    if (f.modrmByte !== undefined) {
      fixed ??= new Map();
      let l = fixed.get(f.modrmByte);
      if (!l) fixed.set(f.modrmByte, (l = []));
      l.push(d);
      continue;
    }
    if (f.modrm === undefined) continue;
    for (let cell = 0; cell < 16; cell++) {
      const mod3 = cell >= 8;
      const reg = cell & 7;
      if (typeof f.modrm === 'number' && f.modrm !== reg) continue;
      if (!f.ops.every((k) => (mod3 ? !isMemoryOnly(k) : !isRegisterOnly(k)))) continue;
      cells[cell].push(d);
    }
  }
  return { modrm, plain: forms.filter((d) => d.form.modrm === undefined && d.form.modrmByte === undefined), cells, fixed };
}

function isMemoryOnly(k: OpKind): boolean {
  return k[0] === 'm' && !k.startsWith('moffs');
}
function isRegisterOnly(k: OpKind): boolean {
  return k[0] === 'R';
}

const SHAPE_TABLES: readonly (ShapeTable | null)[] = [null, SHAPES_0F, SHAPES_0F38, SHAPES_0F3A];
const MODE_INDEX: Record<Bits, number> = { 16: 0, 32: 1, 64: 2 };

const GPR = [null, regsByClass.gpr8, regsByClass.gpr16, null, regsByClass.gpr32, null, null, null, regsByClass.gpr64];
const SEGS = regsByClass.seg;
const BASE16: readonly (readonly [number, number])[] = [[3, 6], [3, 7], [5, 6], [5, 7], [6, -1], [7, -1], [5, -1], [3, -1]];
const BIGINT_CACHE: bigint[] = Array.from({ length: 256 }, (_, i) => BigInt(i));

// ---------------------------------------------------------------------------------------
// Per-call state: one module-level object, reset for each instruction (decode is not re-entrant
// and needs no allocation for it).

class Truncated {}
const TRUNCATED = new Truncated();

interface State {
  bytes: Uint8Array;
  start: number;
  pos: number;
  /** One past the last byte that may be read (end of input). */
  end: number;
  bits: Bits;
  address: bigint;
  nPrefix: number;       // prefix bytes before the opcode (objdump's count, fwait excluded)
  opsize: boolean;
  addr: boolean;
  lock: boolean;
  lastRep: number;       // 0, 0xf2 or 0xf3: the last of them
  hasF2: boolean;
  hasF3: boolean;
  seg: number;           // -1 or 0-5
  rex: number;
  modrm: number;
  /** Where the opcode bytes start and end (after the escape bytes and the opcode). */
  opStart: number;
  opEnd: number;
  /** Furthest byte objdump would have fetched (for its 20-byte limit). */
  fetched: number;
}

const s: State = {
  bytes: new Uint8Array(0), start: 0, pos: 0, end: 0, bits: 64, address: 0n, nPrefix: 0,
  opsize: false, addr: false, lock: false, lastRep: 0, hasF2: false, hasF3: false, seg: -1, rex: 0, modrm: -1, opStart: 0, opEnd: 0, fetched: 0,
};

function byte(): number {
  if (s.pos >= s.end) throw TRUNCATED;
  if (s.pos + 1 > s.fetched) s.fetched = s.pos + 1;
  return s.bytes[s.pos++];
}
function peek(): number {
  if (s.pos >= s.end) throw TRUNCATED;
  return s.bytes[s.pos];
}
function skip(n: number): void {
  if (s.pos + n > s.end) throw TRUNCATED;
  s.pos += n;
  if (s.pos > s.fetched) s.fetched = s.pos;
}
/** Little-endian unsigned integer of n <= 4 bytes as a number. */
function readU(n: number): number {
  if (s.pos + n > s.end) throw TRUNCATED;
  const b = s.bytes;
  const p = s.pos;
  let v: number;
  if (n === 1) v = b[p];
  else if (n === 2) v = b[p] | (b[p + 1] << 8);
  else v = (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;
  s.pos += n;
  if (s.pos > s.fetched) s.fetched = s.pos;
  return v;
}
function readS(n: number): number {
  const v = readU(n);
  const bits = n * 8;
  return bits === 32 ? v | 0 : (v << (32 - bits)) >> (32 - bits);
}
function big(v: number): bigint {
  return v >= 0 && v < 256 ? BIGINT_CACHE[v] : BigInt(v);
}

export interface DecodeOptions {
  bits: Bits;
  /** Address of bytes[offset], for branch targets and RIP-relative operands. */
  address?: bigint;
}

/** Decodes the instruction at `offset`. Never throws: bad bytes give `invalid: true`, length 1-15. */
export function decode(bytes: Uint8Array, offset: number, opts: DecodeOptions): DecodedInstruction {
  s.bytes = bytes;
  s.start = offset;
  s.pos = offset;
  s.end = Math.min(bytes.length, offset + MAX_FETCH);
  s.bits = opts.bits;
  s.address = opts.address ?? 0n;
  s.nPrefix = 0;
  s.opsize = false; s.addr = false; s.lock = false; s.lastRep = 0; s.hasF2 = false; s.hasF3 = false;
  s.seg = -1; s.rex = 0; s.modrm = -1; s.opStart = offset; s.opEnd = offset; s.fetched = offset;
  let result: DecodedInstruction;
  try {
    result = decodeInner();
  } catch (e) {
    if (e !== TRUNCATED) throw e;
    // Input ended (or objdump's fetch limit was reached) inside the instruction: the first
    // byte stands alone, as objdump prints it (`.byte 0xNN`, or the prefix's name).
    return invalid(1);
  }
  if (result.length > MAX_LENGTH) return invalid(MAX_LENGTH);
  return result;
}

function invalid(length: number): DecodedInstruction {
  return { mnemonic: '(bad)', operands: [], length, invalid: true };
}

function decodeInner(): DecodedInstruction {
  // Prefixes, the way objdump gathers them: a REX prefix followed by any other prefix, or
  // more than 13 prefixes, ends the "instruction" at the prefixes (printed as data); an
  // fwait (9B) after other prefixes takes them with it.
  const bits = s.bits;
  let length = 0;
  let fwait = false;
  let fwaitAt = -1;
  let anyPrefix = false;
  let lockBeforeFwait = false;
  let b = 0;
  for (;;) {
    if (length >= MAX_PREFIXES) return invalid(s.nPrefix);
    b = peek();
    let kind = PREFIX_KIND[b];
    if (kind === P_REX && bits !== 64) kind = P_NONE;
    if (kind === P_NONE) break;
    if (kind === P_FWAIT) {
      fwaitAt = s.nPrefix;
      lockBeforeFwait = s.lock;
      if (anyPrefix || s.rex) {
        s.pos++;
        if (s.rex) return invalid(s.nPrefix);
        fwait = true;
        break;
      }
      anyPrefix = true;
      fwait = true;
    } else {
      if (s.rex) return invalid(s.nPrefix);
      anyPrefix = true;
      switch (kind) {
        case P_66: s.opsize = true; break;
        case P_67: s.addr = true; break;
        case P_LOCK: s.lock = true; break;
        case P_F2: s.hasF2 = true; s.lastRep = 0xf2; break;
        case P_F3: s.hasF3 = true; s.lastRep = 0xf3; break;
        case P_SEG: {
          // In 64-bit code es/cs/ss/ds do not displace an fs/gs override given before them.
          const seg = SEG_OF_PREFIX[b];
          if (!(bits === 64 && seg < 4 && s.seg >= 4)) s.seg = seg;
          break;
        }
        case P_REX: break;
      }
      s.nPrefix++;
    }
    s.rex = kind === P_REX ? b : 0;
    s.pos++;
    length++;
  }
  if (s.rex) anyPrefix = true;
  if (fwait) {
    const next = peek();
    if (next < 0xd8 || next > 0xdf) return fwaitInstruction(fwaitAt + 1, lockBeforeFwait);
  }
  const pc = s.lastRep === 0xf3 ? 2 : s.lastRep === 0xf2 ? 3 : s.opsize ? 1 : 0;

  let map = 0;
  s.opStart = s.pos;
  let op = byte();
  if (op === 0x0f) {
    map = 1;
    op = byte();
    if (op === 0x38) { map = 2; op = byte(); }
    else if (op === 0x3a) { map = 3; op = byte(); }
    else if (op === 0x0f) { s.opEnd = s.pos; return decode3DNow(); }
  } else if (op >= 0xd8 && op <= 0xdf) {
    s.opEnd = s.pos;
    return decodeX87(op);
  } else if (op === 0xc4 || op === 0xc5 || op === 0x62) {
    if (bits === 64 || peek() >= 0xc0) return decodeVex(op);
  } else if (op === 0x8f) {
    if ((peek() & 0x1f) >= 8) return decodeXop();
  }

  s.opEnd = s.pos;
  const group = GROUPS[map][op][pc];
  let shape: Shape | null = null;
  if (map !== 0) {
    shape = SHAPE_TABLES[map]![MODE_INDEX[bits]][pc][op];
    if (shape.kind === 0) return invalid(s.pos - s.start);
  }
  let d: DForm | undefined;
  if (group) {
    if (group.modrm || (shape && shape.kind === 2)) {
      s.modrm = byte();
      // mov to/from control and debug registers ignores the mod bits.
      if (map === 1 && (op & 0xf8) === 0x20) s.modrm |= 0xc0;
      if (shape) {
        const st = modrmStatus(shape, s.modrm);
        if (st !== VALID) return badModrm(st);
      }
      if (group.fixed) d = pick(group.fixed.get(s.modrm), op);
      if (!d) d = pick(group.cells[(s.modrm >= 0xc0 ? 8 : 0) + ((s.modrm >> 3) & 7)], op);
    } else {
      d = pick(group.plain, op);
    }
  }
  if (!d) {
    if (map === 0) {
      // One-byte opcodes the table does not know, or a ModRM value that names nothing.
      return invalid(s.opEnd - s.start);
    }
    return measureUnmodelled(shape!, map, op);
  }
  return build(d, op);
}


function badModrm(st: number): DecodedInstruction {
  if (st === BAD_FIRST_BYTE) return invalid(s.opStart + 1 - s.start);
  if (st === BAD_AT_OPCODE) return invalid(s.opEnd - s.start);
  // An operand objdump could not name, after the ModRM byte (and its memory operand) was read.
  if (s.modrm < 0xc0) {
    // (In 16-bit addressing the memory operand itself is what objdump rejects: only ModRM counts.)
    if (effectiveAsize() === 2) return invalid(s.opEnd - s.start + st);
    skipMemory(effectiveAsize());
    return invalid(s.pos - s.start);
  }
  return invalid(s.opEnd - s.start + st);
}

function pick(list: readonly DForm[] | undefined, op: number): DForm | undefined {
  if (!list) return undefined;
  const d = pickWith(list, op, false);
  // REX.W on an instruction without a 64-bit form (in/out, retf imm ...) is ignored.
  return d ?? (s.rex & 8 ? pickWith(list, op, true) : undefined);
}

function pickWith(list: readonly DForm[], op: number, ignoreW: boolean): DForm | undefined {
  const mode = modeBit(s.bits);
  let first: DForm | undefined;
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    if (!(d.modes & mode)) continue;
    const os = effectiveOsize(d, ignoreW);
    if (d.osize !== 0 && d.osize !== os) continue;
    if (d.asize !== 0 && d.asize !== effectiveAsize()) continue;
    // 90 is nop (or pause) unless REX.B or 66 (without REX.W) make it an exchange.
    if (op === 0x90 && d.form.map === 0 && !(s.rex & 1)) {
      const exchange = s.opsize;
      if (d.form.mnemonic === (exchange ? 'nop' : 'xchg')) continue;
    }
    // A form named for a size that is not the default (iretw, pushfq, retfq) wins over the plain name.
    if (d.osize !== 0 && first && first.osize === 0 && os !== defaultOsize(d)) return d;
    first ??= d;
    if (d.osize !== 0) break;
  }
  return first;
}

function defaultOsize(d: DForm): number {
  return s.bits === 16 ? 2 : s.bits === 64 && d.d64 ? 8 : 4;
}

function effectiveOsize(d: DForm, ignoreW = false): number {
  if (s.bits === 64) {
    if (s.rex & 8) return ignoreW ? 4 : 8;   // (REX.W overrides 66 even where it does nothing)
    if (s.opsize) return 2;
    return d.d64 ? 8 : 4;
  }
  const natural = s.bits === 16 ? 2 : 4;
  return s.opsize ? 6 - natural : natural;
}

function effectiveAsize(): number {
  if (s.bits === 64) return s.addr ? 4 : 8;
  const natural = s.bits === 16 ? 2 : 4;
  return s.addr ? 6 - natural : natural;
}

function defaultAsize(): number {
  return s.bits === 16 ? 2 : s.bits === 32 ? 4 : 8;
}

// ---------------------------------------------------------------------------------------
// Building the Instruction.

function gpr(size: number, num: number): Register {
  if (size === 1 && s.rex === 0 && num >= 4 && num < 8) return regsByClass.gpr8hi[num];
  return GPR[size]![num];
}

function build(d: DForm, op: number): DecodedInstruction {
  const form = d.form;
  const rex = s.rex;
  const modrm = s.modrm;
  const reg = modrm >= 0 ? ((modrm >> 3) & 7) | ((rex & 4) << 1) : 0;
  const rm = modrm >= 0 ? (modrm & 7) | ((rex & 1) << 3) : 0;
  const asize = effectiveAsize();
  let memory: MemOperand | undefined;
  if (modrm >= 0 && modrm < 0xc0 && form.modrmByte === undefined) {
    // 3E before a near indirect call/jmp is CET's notrack, not a segment override.
    if (s.seg === 3 && form.map === 0 && form.opcode === 0xff && (form.modrm === 2 || form.modrm === 4)) s.seg = -1;
    memory = decodeMemory(asize);
  }
  const ops = d.ops;
  const operands: Operand[] = new Array(ops.length);
  let relIndex = -1;
  let relDisp = 0;
  for (let i = 0; i < ops.length; i++) {
    const k = ops[i];
    switch (k as string) {
      case 'r8': case 'r16': case 'r32': case 'r64':
        operands[i] = { kind: 'reg', reg: gpr(kindSize(k), reg) };
        break;
      case 'rm8': case 'rm16': case 'rm32': case 'rm64': case 'R8': case 'R16': case 'R32': case 'R64':
      case 'm': case 'm8': case 'm16': case 'm32': case 'm48': case 'm64': case 'm80': case 'm128': case 'mdesc': {
        const size = kindSize(k);
        if (memory) operands[i] = size ? { ...memory, size: size as OpSize } : memory;
        else operands[i] = { kind: 'reg', reg: gpr(size || 8, rm) };
        break;
      }
      case 'x': operands[i] = { kind: 'reg', reg: regsByClass.xmm[reg] }; break;
      case 'Rx': case 'rmx128': case 'rmx64': case 'rmx32':
        operands[i] = memory ? { ...memory, size: kindSize(k) as OpSize } : { kind: 'reg', reg: regsByClass.xmm[rm] };
        break;
      case 'o8': case 'o16': case 'o32': case 'o64':
        operands[i] = { kind: 'reg', reg: gpr(kindSize(k), (op & 7) | ((rex & 1) << 3)) };
        break;
      case 'sreg': {
        const r = SEGS[(modrm >> 3) & 7];
        if (!r) return invalid(s.pos - s.start);
        operands[i] = { kind: 'reg', reg: r };
        break;
      }
      case 'cr': operands[i] = { kind: 'reg', reg: regsByClass.cr[reg] }; break;
      case 'dr': operands[i] = { kind: 'reg', reg: regsByClass.dr[reg] }; break;
      case 'one': operands[i] = { kind: 'imm', value: 1n }; break;
      case 'rel8': case 'rel16': case 'rel32':
        relDisp = readS(k === 'rel8' ? 1 : k === 'rel16' ? 2 : 4);
        relIndex = i;
        operands[i] = { kind: 'rel', target: 0n };
        break;
      case 'moffs8': case 'moffs16': case 'moffs32': case 'moffs64': {
        let disp: bigint;
        if (asize === 8) { const lo = readU(4); const hi = readU(4); disp = (big(hi) << 32n) | big(lo); }
        else disp = big(readU(asize));
        operands[i] = {
          kind: 'mem', size: kindSize(k) as OpSize, scale: 1, disp, seg: absSeg(),
          addrSize: asize !== defaultAsize() ? (asize as 2 | 4 | 8) : undefined, dispSize: asize === 8 ? 8 : undefined,
        };
        break;
      }
      case 'ptr16': case 'ptr32': {
        const offset = big(readU(k === 'ptr16' ? 2 : 4));
        const selector = readU(2);
        operands[i] = { kind: 'far', selector, offset, size: k === 'ptr16' ? 2 : 4 };
        break;
      }
      case 'i8': case 'i16': case 'i32':
        operands[i] = immediate(form, k, big(readU(k === 'i8' ? 1 : k === 'i16' ? 2 : 4)));
        break;
      case 'i64': {
        const lo = readU(4);
        const hi = readU(4);
        operands[i] = immediate(form, k, (big(hi) << 32n) | big(lo));
        break;
      }
      case 's8': case 's32': {
        const w = k === 's8' ? 1 : 4;
        const osize = form.osize || (form.default64 && s.bits === 64 ? 8 : s.bits === 16 ? 2 : 4);
        operands[i] = immediate(form, k, BigInt.asUintN(osize * 8, big(readS(w))));
        break;
      }
      case 'u32':
        operands[i] = { kind: 'imm', value: big(readU(4)) };
        break;
      case 'al': operands[i] = { kind: 'reg', reg: GPR[1]![0] }; break;
      case 'cl': operands[i] = { kind: 'reg', reg: GPR[1]![1] }; break;
      case 'ax': operands[i] = { kind: 'reg', reg: GPR[2]![0] }; break;
      case 'dx': operands[i] = { kind: 'reg', reg: GPR[2]![2] }; break;
      case 'eax': operands[i] = { kind: 'reg', reg: GPR[4]![0] }; break;
      case 'rax': operands[i] = { kind: 'reg', reg: GPR[8]![0] }; break;
      case 'es': operands[i] = { kind: 'reg', reg: SEGS[0] }; break;
      case 'cs': operands[i] = { kind: 'reg', reg: SEGS[1] }; break;
      case 'ss': operands[i] = { kind: 'reg', reg: SEGS[2] }; break;
      case 'ds': operands[i] = { kind: 'reg', reg: SEGS[3] }; break;
      case 'fs': operands[i] = { kind: 'reg', reg: SEGS[4] }; break;
      case 'gs': operands[i] = { kind: 'reg', reg: SEGS[5] }; break;
      default: return invalid(s.pos - s.start);
    }
  }
  const length = s.pos - s.start;
  if (length > MAX_LENGTH) return invalid(MAX_LENGTH);
  if (relIndex >= 0) {
    const next = s.address + BigInt(length);
    // Branch targets wrap at the operand size (16-bit IP in 16-bit code).
    const osize = form.osize ? effectiveOsize(d) : s.bits === 64 ? 8 : (s.bits === 16) !== s.opsize ? 2 : 4;
    const width = osize === 2 ? 16 : s.bits === 64 ? 64 : 32;
    operands[relIndex] = { kind: 'rel', target: BigInt.asUintN(width, next + BigInt(relDisp)) };
  }
  if (memory?.base?.cls === 'ip') {
    // [rip+disp] becomes the absolute address it reaches.
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
  if (s.lastRep && form.mandatory !== s.lastRep) {
    if (form.rep === 'repcc') result.rep = (s.lastRep === 0xf3 ? 'repe' : 'repne') as RepPrefix;
    else if (form.rep === 'rep') result.rep = s.lastRep === 0xf3 ? 'rep' : 'repne';
  }
  if (d.far) result.far = true;
  // The operand size, where nothing else shows it (jmp rel16 in 32-bit code, push word imm ...).
  if (d.sizeHidden) {
    const os = d.osize;
    const def = s.bits === 16 ? 2 : s.bits === 64 && d.d64 ? 8 : 4;
    if (os !== def) result.opsizeOverride = os as 2 | 4 | 8;
  } else if (d.form.osize === 0 && s.opsize && !(s.rex & 8) && IMPLICIT_OSIZE.has(form.opcode | (form.map << 8))) {
    result.opsizeOverride = s.bits === 16 ? 4 : 2;
  }
  if (d.string || (s.addr && !memory && !d.hasMoffs && d.asize === 0 && STRING_LIKE.has(form.mnemonic))) {
    if (asize !== defaultAsize()) result.addrsizeOverride = asize as 2 | 4 | 8;
    // A segment override applies to the source (ds:rsi / ds:rbx) only; ds is the default, and
    // in 64-bit code only fs and gs count.
    if (s.seg >= 0 && s.seg !== 3 && d.string && SOURCE_STRING.test(form.mnemonic) && (s.bits !== 64 || s.seg >= 4)) {
      result.segmentPrefix = SEGS[s.seg];
    }
  }
  return result;
}

const SOURCE_STRING = /^(movs|cmps|lods|outs)[bwdq]$|^xlatb$/;
/** push/pop of a segment register, ret/retf/enter/leave: 66 changes how much goes to or from the
 * stack, which no operand shows (objdump: pushw/retw/leavew; NASM: o16). */
const IMPLICIT_OSIZE = new Set([0x06, 0x07, 0x0e, 0x16, 0x17, 0x1e, 0x1f, 0x1a0, 0x1a1, 0x1a8, 0x1a9, 0xc2, 0xc3, 0xc8, 0xc9, 0xca, 0xcb]);
/** Instructions whose implicit memory operands use the address size (loop/jcxz use asize forms). */
const STRING_LIKE = new Set(['loop', 'loope', 'loopne']);

function decodeMemory(asize: number): MemOperand {
  const modrm = s.modrm;
  const mod = modrm >> 6;
  const rmLow = modrm & 7;
  const seg = segOverride();
  if (asize === 2) {
    if (mod === 0 && rmLow === 6) {
      return { kind: 'mem', scale: 1, disp: big(readU(2)), seg: absSeg(), addrSize: s.bits === 16 ? undefined : 2 };
    }
    const [bn, xn] = BASE16[rmLow];
    const disp = mod === 1 ? readS(1) : mod === 2 ? readS(2) : 0;
    return {
      kind: 'mem', scale: 1, disp: big(disp), seg, base: regsByClass.gpr16[bn],
      index: xn >= 0 ? regsByClass.gpr16[xn] : undefined,
      dispSize: mod === 1 ? 1 : mod === 2 ? 2 : undefined,
      addrSize: s.bits === 16 ? undefined : 2,
    };
  }
  const regs = asize === 8 ? regsByClass.gpr64 : regsByClass.gpr32;
  const rexB = (s.rex & 1) << 3;
  const rexX = (s.rex & 2) << 2;
  let base: Register | undefined;
  let index: Register | undefined;
  let scale: 1 | 2 | 4 | 8 = 1;
  let dispBytes = mod === 1 ? 1 : mod === 2 ? 4 : 0;
  if (rmLow === 4) {
    const sib = byte();
    const sibBase = sib & 7;
    const sibIndex = ((sib >> 3) & 7) | rexX;
    scale = (1 << (sib >> 6)) as 1 | 2 | 4 | 8;
    if (sibIndex !== 4) index = regs[sibIndex];
    if (sibBase === 5 && mod === 0) dispBytes = 4;
    else base = regs[sibBase | rexB];
  } else if (rmLow === 5 && mod === 0) {
    dispBytes = 4;
    if (s.bits === 64) base = regsByClass.ip[asize === 8 ? 0 : 1];
  } else {
    base = regs[rmLow | rexB];
  }
  let disp = dispBytes ? big(readS(dispBytes)) : 0n;
  // An address without registers is a number, not an offset (it wraps at the address size).
  if (!base && !index) disp = BigInt.asUintN(asize * 8, disp);
  return {
    kind: 'mem', scale, disp, seg: rmLow === 5 && mod === 0 && !base ? absSeg() : seg, base, index,
    dispSize: dispBytes === 1 ? 1 : dispBytes === 4 && base && base.cls !== 'ip' ? 4 : undefined,
    addrSize: asize !== defaultAsize() ? (asize as 2 | 4 | 8) : undefined,
  };
}

/**
 * The segment of an absolute address. A ds prefix there changes nothing but is kept, so that
 * the instruction encodes to the same bytes again (objdump names ds on every absolute
 * address, prefix or not: objdump-normalize.ts compares them without it).
 */
function absSeg(): Register | undefined {
  return segOverride();
}

/** Mnemonics with a sign-extended byte immediate form (83 /x, 6b, 6a). */
const HAS_S8 = new Set(FORMS.filter((f) => f.ops.includes('s8')).map((f) => f.mnemonic));

/**
 * An immediate, marked `strict` when it is wider than the shortest encoding needs (81 /0
 * or 05 with a value that fits 83's byte, mov r64 with a 64-bit immediate that fits 32
 * bits): NASM's `strict` (and encode()) keep that encoding, so the bytes come back.
 */
function immediate(form: Form, k: OpKind, value: bigint): Operand {
  let wide = false;
  if (k === 'i64') wide = value <= 0xffffffffn || BigInt.asIntN(64, value) >= -0x80000000n;
  else if ((k === 'i16' || k === 'i32' || k === 's32') && form.osize !== 0 && HAS_S8.has(form.mnemonic)) {
    const v = BigInt.asIntN(form.osize * 8, value);
    wide = v >= -0x80n && v < 0x80n;
  }
  return wide ? { kind: 'imm', value, size: form.osize as OpSize, strict: true } : { kind: 'imm', value };
}

/** The segment override that counts: in 64-bit code es/cs/ss/ds are ignored. */
function segOverride(): Register | undefined {
  if (s.seg < 0 || (s.bits === 64 && s.seg < 4)) return undefined;
  return SEGS[s.seg];
}

/** Skips a ModRM memory operand (SIB and displacement) without building it. */
function skipMemory(asize: number): void {
  const modrm = s.modrm;
  const mod = modrm >> 6;
  if (mod === 3) return;
  const rmLow = modrm & 7;
  if (asize === 2) {
    skip(mod === 0 ? (rmLow === 6 ? 2 : 0) : mod === 1 ? 1 : 2);
    return;
  }
  let dispBytes = mod === 1 ? 1 : mod === 2 ? 4 : 0;
  if (rmLow === 4) {
    const sib = byte();
    if ((sib & 7) === 5 && mod === 0) dispBytes = 4;
  } else if (rmLow === 5 && mod === 0) dispBytes = 4;
  skip(dispBytes);
}

function unsupported(): DecodedInstruction {
  const length = s.pos - s.start;
  if (length > MAX_LENGTH) return invalid(MAX_LENGTH);
  return { mnemonic: '(unsupported)', operands: [], length, unsupported: true };
}

/** An instruction outside the table (MMX, SSE3+, system extensions ...), measured by its shape. */
function measureUnmodelled(shape: Shape, map: number, op: number): DecodedInstruction {
  if (shape.kind === 1) {
    // 0F 80-8F (jcc) are modelled; the other ModRM-less 0F opcodes take no immediate.
    return unsupported();
  }
  if (s.modrm < 0) {
    s.modrm = byte();
    // mov to/from test registers (0F 24/26, 32-bit code) ignores the mod bits like cr/dr.
    if (map === 1 && (op & 0xf8) === 0x20) s.modrm |= 0xc0;
    const st = modrmStatus(shape, s.modrm);
    if (st !== VALID) return badModrm(st);
  }
  skipMemory(effectiveAsize());
  skip(shape.imm);
  void map; void op;
  return unsupported();
}

/** x87 escapes D8-DF: always a ModRM byte (and its memory operand). */
function decodeX87(op: number): DecodedInstruction {
  s.modrm = byte();
  const st = modrmStatus(SHAPES_X87[MODE_INDEX[s.bits]][0][op], s.modrm);
  skipMemory(effectiveAsize());
  if (st !== VALID) return invalid(s.pos - s.start);
  return unsupported();
}

/** 3DNow!: 0F 0F ModRM [memory] imm8, the immediate selecting the operation. */
function decode3DNow(): DecodedInstruction {
  s.modrm = byte();
  skipMemory(effectiveAsize());
  const suffix = byte();
  if (!THREE_DNOW[suffix]) return invalid(s.opStart + 1 - s.start);
  return unsupported();
}
const THREE_DNOW = new Uint8Array(256);
for (const b of [0x0c, 0x0d, 0x1c, 0x1d, 0x8a, 0x8e, 0x90, 0x94, 0x96, 0x97, 0x9a, 0x9e, 0xa0, 0xa4, 0xa6, 0xa7,
  0xaa, 0xae, 0xb0, 0xb4, 0xb6, 0xb7, 0xbb, 0xbf]) THREE_DNOW[b] = 1;

/** VEX (C4 3-byte, C5 2-byte) and EVEX (62) prefixed instructions: measured, not validated. */
function decodeVex(esc: number): DecodedInstruction {
  let map: number;
  if (esc === 0xc5) {
    byte();
    map = 1;
  } else if (esc === 0xc4) {
    map = byte() & 0x1f;
    byte();
    if (map < 1 || map > 3) return invalid(s.opStart + 1 - s.start);
  } else {
    const p0 = byte();
    map = p0 & 7;
    byte();
    byte();
    if (map === 0 || map === 4 || map === 7) return invalid(s.opStart + 1 - s.start);
  }
  const op = byte();
  if (esc !== 0x62 && map === 1 && op === 0x77) return unsupported();
  s.modrm = byte();
  skipMemory(effectiveAsize());
  skip(vexImmediate(map, op));
  return unsupported();
}

/** AMD XOP (8F with map 8-10). */
function decodeXop(): DecodedInstruction {
  const map = byte() & 0x1f;
  byte();
  if (map < 8 || map > 10) return invalid(s.opStart + 1 - s.start);
  byte();
  s.modrm = byte();
  skipMemory(effectiveAsize());
  skip(xopImmediate(map));
  return unsupported();
}

/** fwait (9B) with the prefixes before it; NASM spells it `wait`/`fwait`. */
function fwaitInstruction(length: number, lock: boolean): DecodedInstruction {
  return lock ? { mnemonic: 'fwait', operands: [], length, lock: true } : { mnemonic: 'fwait', operands: [], length };
}
