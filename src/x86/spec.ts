// The instruction-set table is written as compact rows (see table/*.ts). This module turns
// each row into one or more concrete `Form`s: rows whose operand size follows the 66 prefix
// and REX.W ("v" operands, 16/32/64) are expanded into one form per operand size, so that
// the encoder only matches concrete operand kinds and the decoder only indexes concrete forms.

import type { Bits } from './types.ts';

/** A concrete operand kind, after size expansion. */
export type OpKind =
  // general registers in ModRM.reg
  | 'r8' | 'r16' | 'r32' | 'r64'
  // ModRM.rm: register or memory of that size
  | 'rm8' | 'rm16' | 'rm32' | 'rm64'
  // ModRM.rm: memory only (m = any size, e.g. lea/invlpg; mdesc = lgdt/lidt pseudo-descriptor)
  | 'm' | 'm8' | 'm16' | 'm32' | 'm48' | 'm64' | 'm80' | 'm128' | 'mdesc'
  // ModRM.rm: register only
  | 'R8' | 'R16' | 'R32' | 'R64'
  // register in the low 3 bits of the opcode (+r)
  | 'o8' | 'o16' | 'o32' | 'o64'
  // fixed registers
  | 'al' | 'ax' | 'eax' | 'rax' | 'cl' | 'dx'
  | 'es' | 'cs' | 'ss' | 'ds' | 'fs' | 'gs'
  | 'one'                                     // the constant 1 of the shift-by-one forms
  | 'sreg' | 'cr' | 'dr'                      // special registers in ModRM.reg
  // immediates: plain, sign-extended byte, sign-extended dword (64-bit operand), zero-extended dword into a 64-bit register
  | 'i8' | 'i16' | 'i32' | 'i64' | 's8' | 's32' | 'u32'
  | 'rel8' | 'rel16' | 'rel32'
  | 'moffs8' | 'moffs16' | 'moffs32' | 'moffs64'
  | 'ptr16' | 'ptr32'                         // direct far pointer seg:off16 / seg:off32
  // XMM registers: in ModRM.reg, in ModRM.rm (register only), or ModRM.rm as XMM register or memory of that size
  | 'x' | 'Rx' | 'rmx128' | 'rmx64' | 'rmx32';

export type Map = 0 | 1 | 2 | 3; // one-byte, 0F, 0F 38, 0F 3A

export interface Form {
  readonly mnemonic: string;
  readonly ops: readonly OpKind[];
  readonly map: Map;
  /** Opcode byte within its map (without the +r register bits). */
  readonly opcode: number;
  /** 'r' for /r, 0-7 for /digit, undefined when there is no ModRM byte. */
  readonly modrm?: 'r' | number;
  /** A whole fixed ModRM byte (e.g. 0F 01 D0 xgetbv, D5 0A aad). */
  readonly modrmByte?: number;
  /** Register number added to the opcode (+r forms). */
  readonly plusReg: boolean;
  /** Mandatory prefix that is part of the opcode (F3 0F B8 popcnt). */
  readonly mandatory?: 0x66 | 0xf2 | 0xf3;
  /** Operand size this form is for, in bytes; 0 when the size is not set by 66/REX.W. */
  readonly osize: 0 | 2 | 4 | 8;
  /** Operand size defaults to 64 in long mode (push/pop...); 'force' when 66 cannot change it. */
  readonly default64?: 'default' | 'force';
  /** Address size this form is tied to (jcxz/jecxz/jrcxz), 0 otherwise. */
  readonly asize: 0 | 2 | 4 | 8;
  /** Modes the form is valid in: bit 0 = 16-bit, bit 1 = 32-bit, bit 2 = 64-bit. */
  readonly modes: number;
  readonly lock: boolean;
  /** Which repeat prefixes the instruction takes. */
  readonly rep: 'none' | 'rep' | 'repcc';
  /** Flags read / written / left undefined, as letters of "oszapcdi" (Intel's OF SF ZF AF PF CF DF IF). */
  readonly flagsRead: string;
  readonly flagsWritten: string;
  readonly flagsUndefined: string;
  /** Only the encoder uses it (an optimisation NASM makes, e.g. mov r64,imm32 -> mov r32). */
  readonly encodeOnly: boolean;
  /** Only the decoder uses it (an alias encoding NASM never emits, e.g. 82 /0, sal /6). */
  readonly decodeOnly: boolean;
  /** Index in the expanded table (stable across runs): the encoder's tie-break order. */
  readonly index: number;
}

/** A row as written in table/*.ts: [mnemonic(s), operands, encoding, attributes]. */
export type Row = readonly [string, string, string, string?];

const MODE_BIT: Record<Bits, number> = { 16: 1, 32: 2, 64: 4 };
export function modeBit(bits: Bits): number {
  return MODE_BIT[bits];
}

/**
 * Operand spellings with a "v" (16/32/64 by operand size) or "y" (32/64) or "z" (16/32 immediate)
 * size, and how each expands for a given operand size.
 */
function expandKind(kind: string, osize: 2 | 4 | 8): OpKind {
  const bits = osize * 8;
  switch (kind) {
    case 'rv': case 'ry': return `r${bits}` as OpKind;
    case 'rmv': case 'rmy': return `rm${bits}` as OpKind;
    case 'mv': return `m${bits}` as OpKind;
    case 'Rv': case 'Ry': return `R${bits}` as OpKind;
    case 'ov': case 'oy': return `o${bits}` as OpKind;
    case 'accv': return (['ax', 'eax', 'rax'] as const)[osize === 2 ? 0 : osize === 4 ? 1 : 2];
    case 'iz': return osize === 2 ? 'i16' : osize === 4 ? 'i32' : 's32';
    case 'iv': return `i${bits}` as OpKind;
    case 'relz': return osize === 2 ? 'rel16' : 'rel32';
    case 'moffsv': return `moffs${bits}` as OpKind;
    case 'mfar': return osize === 2 ? 'm32' : osize === 4 ? 'm48' : 'm80';
    case 'ptrz': return osize === 2 ? 'ptr16' : 'ptr32';
    default: return kind as OpKind;
  }
}

const VARIABLE = /^(rv|rmv|mv|Rv|ov|accv|iz|iv|relz|moffsv|mfar|ptrz)$/;
const VARIABLE_Y = /^(ry|rmy|Ry|oy)$/;

interface Attrs {
  modes: number;
  lock: boolean;
  rep: 'none' | 'rep' | 'repcc';
  default64?: 'default' | 'force';
  osize?: 2 | 4 | 8;
  sizes?: (2 | 4 | 8)[];
  asize: 0 | 2 | 4 | 8;
  mandatory?: 0x66 | 0xf2 | 0xf3;
  r: string; w: string; u: string;
  encodeOnly: boolean;
  decodeOnly: boolean;
}

function parseAttrs(s: string | undefined): Attrs {
  const a: Attrs = { modes: 7, lock: false, rep: 'none', asize: 0, r: '', w: '', u: '', encodeOnly: false, decodeOnly: false };
  for (const word of (s ?? '').split(/\s+/).filter(Boolean)) {
    const [key, val = ''] = word.split(':');
    switch (key) {
      case 'lock': a.lock = true; break;
      case 'rep': a.rep = 'rep'; break;
      case 'repcc': a.rep = 'repcc'; break;
      case 'i64': a.modes = 3; break;                 // invalid in 64-bit mode
      case 'x64': a.modes = 4; break;                 // only in 64-bit mode
      case 'd64': a.default64 = 'default'; break;
      case 'f64': a.default64 = 'force'; break;
      case 'o16': a.osize = 2; break;
      case 'o32': a.osize = 4; break;
      case 'o64': a.osize = 8; break;
      case 'a16': a.asize = 2; break;
      case 'a32': a.asize = 4; break;
      case 'a64': a.asize = 8; break;
      case 'sizes': a.sizes = val.split(',').map((n) => Number(n) as 2 | 4 | 8); break;
      case 'p66': a.mandatory = 0x66; break;
      case 'pf2': a.mandatory = 0xf2; break;
      case 'pf3': a.mandatory = 0xf3; break;
      case 'r': a.r = val; break;
      case 'w': a.w = val; break;
      case 'u': a.u = val; break;
      case 'enc': a.encodeOnly = true; break;
      case 'dec': a.decodeOnly = true; break;
      default: throw new Error(`x86 table: unknown attribute '${word}'`);
    }
  }
  return a;
}

interface Encoding {
  map: Map;
  opcode: number;
  modrm?: 'r' | number;
  modrmByte?: number;
  plusReg: boolean;
}

function parseEncoding(enc: string): Encoding {
  const words = enc.trim().split(/\s+/);
  let i = 0;
  let map: Map = 0;
  if (words[0] === '0f') {
    i = 1;
    map = 1;
    if (words[1] === '38') { map = 2; i = 2; }
    else if (words[1] === '3a') { map = 3; i = 2; }
  }
  const opWord = words[i++];
  const plusReg = opWord.endsWith('+r');
  const opcode = parseInt(plusReg ? opWord.slice(0, -2) : opWord, 16);
  const e: Encoding = { map, opcode, plusReg };
  for (; i < words.length; i++) {
    const w = words[i];
    if (w === '/r') e.modrm = 'r';
    else if (/^\/[0-7]$/.test(w)) e.modrm = Number(w[1]);
    else if (/^[0-9a-f]{2}$/.test(w)) e.modrmByte = parseInt(w, 16);
    else throw new Error(`x86 table: bad encoding '${enc}'`);
  }
  if (Number.isNaN(opcode)) throw new Error(`x86 table: bad encoding '${enc}'`);
  return e;
}

/** Turns rows into concrete forms; `firstIndex` keeps indices unique across groups. */
export function expandRows(rows: readonly Row[], out: Form[]): void {
  for (const [names, opText, encText, attrText] of rows) {
    const attrs = parseAttrs(attrText);
    const enc = parseEncoding(encText);
    const kinds = opText.trim() === '' ? [] : opText.split(',').map((k) => k.trim());
    const variable = kinds.some((k) => VARIABLE.test(k) || VARIABLE_Y.test(k));
    let sizes: (2 | 4 | 8)[];
    if (attrs.sizes) sizes = attrs.sizes;
    else if (kinds.some((k) => VARIABLE_Y.test(k))) sizes = [4, 8];
    else if (variable) sizes = attrs.default64 === 'force' ? [2, 4, 8] : [2, 4, 8];
    else sizes = [];
    for (const mnemonic of names.split('|')) {
      if (sizes.length === 0) {
        out.push(makeForm(mnemonic, kinds as OpKind[], enc, attrs, attrs.osize ?? 0, out.length));
      } else {
        for (const osize of sizes) {
          const ops = kinds.map((k) => expandKind(k, osize));
          out.push(makeForm(mnemonic, ops, enc, attrs, osize, out.length));
        }
      }
    }
  }
}

function makeForm(mnemonic: string, ops: OpKind[], enc: Encoding, a: Attrs, osize: 0 | 2 | 4 | 8, index: number): Form {
  let modes = a.modes;
  // 64-bit operands exist only in long mode; with default64 the 32-bit size does not exist there.
  if (osize === 8) modes &= 4;
  if (osize === 4 && a.default64) modes &= 3;
  if (osize === 2 && a.default64 === 'force') modes &= 3;
  return Object.freeze({
    mnemonic, ops: Object.freeze(ops), map: enc.map, opcode: enc.opcode, modrm: enc.modrm,
    modrmByte: enc.modrmByte, plusReg: enc.plusReg, mandatory: a.mandatory, osize,
    default64: a.default64, asize: a.asize, modes, lock: a.lock, rep: a.rep,
    flagsRead: a.r, flagsWritten: a.w, flagsUndefined: a.u,
    encodeOnly: a.encodeOnly, decodeOnly: a.decodeOnly, index,
  });
}

/** Size in bytes of the data an operand kind names (0 where it has none, e.g. lea's m). */
export function kindSize(k: OpKind): number {
  switch (k) {
    case 'r8': case 'rm8': case 'm8': case 'R8': case 'o8': case 'al': case 'cl': case 'i8': case 's8': case 'rel8': case 'moffs8': return 1;
    case 'r16': case 'rm16': case 'm16': case 'R16': case 'o16': case 'ax': case 'dx': case 'i16': case 'rel16': case 'moffs16':
    case 'es': case 'cs': case 'ss': case 'ds': case 'fs': case 'gs': case 'sreg': return 2;
    case 'r32': case 'rm32': case 'm32': case 'R32': case 'o32': case 'eax': case 'i32': case 'rel32': case 'moffs32': case 'ptr16': return 4;
    case 'm48': case 'ptr32': return 6;
    case 'r64': case 'rm64': case 'm64': case 'R64': case 'o64': case 'rax': case 'i64': case 's32': case 'u32': case 'moffs64': return 8;
    case 'm80': return 10;
    case 'm128': case 'x': case 'Rx': case 'rmx128': return 16;
    case 'rmx64': return 8;
    case 'rmx32': return 4;
    default: return 0;
  }
}
