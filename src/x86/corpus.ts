// A corpus of instruction instances generated from the instruction table, for the
// differential test against NASM (encode.oracle.test.ts) and the decode/encode round trip
// (roundtrip.test.ts). Every form the encoder may pick is instantiated in every mode where it
// is valid, with varied registers, memory operands of every addressing shape, immediates at
// the edges of their ranges, near and far branch targets and prefixes; sweeps then cover
// registers, addressing shapes, immediates and branches more densely. Deterministic: the
// choices come from a seeded PRNG.
//
// Each item sits at a known address: slot k of a chunk is at CORPUS_ORG[bits] + 16*k, so
// that the NASM source of a chunk is `org` plus one `times`-padded line per item.
import { FORMS } from './table/index.ts';
import { kindSize, modeBit, type Form, type OpKind } from './spec.ts';
import { regsByClass, registerByName, type Register } from './registers.ts';
import { formatInstruction, IMMEDIATE_SIZED } from './format.ts';
import { encode } from './encode.ts';
import type {
  Bits, FarOperand, ImmOperand, Instruction, MemOperand, OpSize, Operand, RelOperand,
} from './types.ts';
import { prng } from './prng.ts';

export interface CorpusItem {
  readonly bits: Bits;
  /** Address of the instruction's first byte. */
  readonly address: bigint;
  /** Items of one mode are assembled in chunks of CHUNK_SIZE slots, each with its own `org`. */
  readonly chunk: number;
  readonly ins: Instruction;
  /** NASM source for the instruction (valid at `address` in `bits`-bit code). */
  readonly text: string;
  /** The table form the item was generated for, when it came from the per-form pass. */
  readonly form?: Form;
  /** Which generator made it: 'form', 'mem', 'imm', 'reg', 'branch', 'prefix', 'case'. */
  readonly source: string;
}

/** A corpus item with encode()'s bytes for it (what the decoder's tests read). */
export interface EncodedItem extends CorpusItem {
  readonly bytes: Uint8Array;
}

export const MODES: readonly Bits[] = [16, 32, 64];
// (32-bit code sits low too, so that `jmp word x` has targets in reach of its 16-bit IP.)
export const CORPUS_ORG: Readonly<Record<Bits, bigint>> = { 16: 0x1000n, 32: 0x1000n, 64: 0x140001000n };
export const SLOT_SIZE = 16;
export const CHUNK_SIZE = 2048;


const reg = (name: string): Register => {
  const r = registerByName(name);
  if (!r) throw new Error(`corpus: no register ${name}`);
  return r;
};
const R = (name: string): Operand => ({ kind: 'reg', reg: reg(name) });
const I = (value: bigint, extra: Partial<ImmOperand> = {}): ImmOperand => ({ kind: 'imm', value, ...extra });

/**
 * Register style of one instance in 64-bit mode: 'hi' uses only registers 0-7 and may use
 * ah/ch/dh/bh (no REX prefix allowed), 'ext' uses all 16 and spl/bpl/sil/dil.
 */
type Style = 'legacy' | 'hi' | 'ext';

class Gen {
  readonly r: () => number;
  constructor(seed: number) { this.r = prng(seed); }
  int(n: number): number { return Math.floor(this.r() * n); }
  pick<T>(a: readonly T[]): T { return a[this.int(a.length)]; }
  chance(p: number): boolean { return this.r() < p; }

  gpr(size: number, bits: Bits, style: Style): Register {
    if (size === 1) {
      if (style === 'ext') return this.pick([...regsByClass.gpr8]);
      return this.chance(0.4) ? this.pick(regsByClass.gpr8hi.filter(Boolean)) : regsByClass.gpr8[this.int(4)];
    }
    const cls = size === 2 ? 'gpr16' : size === 4 ? 'gpr32' : 'gpr64';
    const n = bits === 64 && style === 'ext' ? 16 : 8;
    return regsByClass[cls][this.int(n)];
  }

  xmm(bits: Bits, style: Style): Register {
    return regsByClass.xmm[this.int(bits === 64 && style === 'ext' ? 16 : 8)];
  }
}

// ---------------------------------------------------------------------------------------
// Memory operands

export type AddrShape =
  | 'base' | 'base+d8' | 'base+d32' | 'base+index' | 'base+index+d8' | 'base+index+d32'
  | 'index' | 'index+d32' | 'abs' | 'rip' | 'esp' | 'ebp' | 'r12' | 'r13';

const SHAPES_32: readonly AddrShape[] = [
  'base', 'base+d8', 'base+d32', 'base+index', 'base+index+d8', 'base+index+d32', 'index', 'index+d32', 'abs', 'esp', 'ebp',
];
const SHAPES_64: readonly AddrShape[] = [...SHAPES_32, 'rip', 'r12', 'r13'];
const MODRM16 = [['bx', 'si'], ['bx', 'di'], ['bp', 'si'], ['bp', 'di'], ['si'], ['di'], ['bp'], ['bx']] as const;

const D8 = [1n, 0x7fn, -0x80n, -1n, 0x10n, -0x20n];
const D16 = [0x80n, -0x81n, 0x1234n, 0x7fffn, -0x8000n, 0x100n];
const D32 = [0x80n, -0x81n, 0x1000n, 0x7fffffffn, -0x80000000n, 0x12345678n];
const ABS16 = [0n, 0x1234n, 0x7c00n, 0xfffen, 0x80n];
const ABS32 = [0n, 0x1234n, 0xb8000n, 0x7fffffffn, 0x12345678n, 0xffff0000n];
const ABS64 = [0x1234n, 0xb8000n, 0x7fffffffn, -0x1000n, 0x12345678n];
const SEGS = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'];

interface MemOpts {
  size?: OpSize;
  /** Force an address size (2, 4, 8); otherwise the mode's, sometimes the other one. */
  asize?: 2 | 4 | 8;
  shape?: AddrShape;
  seg?: string | null;
  style: Style;
  /** Allow [rel x] (not for moffs or when the caller wants a register-free absolute). */
  address: bigint;
}

function defaultAsize(bits: Bits): 2 | 4 | 8 {
  return bits === 16 ? 2 : bits === 32 ? 4 : 8;
}

function genMem(g: Gen, bits: Bits, o: MemOpts): MemOperand {
  let asize = o.asize ?? defaultAsize(bits);
  if (o.asize === undefined && g.chance(0.12)) asize = bits === 32 ? 2 : 4;
  if (o.style === 'hi' && asize === 2 && bits === 64) asize = 4;
  // (es/cs/ss/ds overrides mean nothing in 64-bit mode, and NASM warns about them.)
  const seg = o.seg === null ? undefined : o.seg ? reg(o.seg) : g.chance(0.12) ? reg(g.pick(bits === 64 ? ['fs', 'gs'] : SEGS)) : undefined;
  const base: Partial<MemOperand> = { kind: 'mem', scale: 1, disp: 0n, ...(o.size ? { size: o.size } : {}), ...(seg ? { seg } : {}) };
  if (asize === 2) {
    const shape = o.shape ?? (g.chance(0.1) ? 'abs' : 'base');
    if (shape === 'abs') return { ...base, disp: g.pick(ABS16), ...(bits !== 16 ? { addrSize: 2 } : {}) } as MemOperand;
    const [b, i] = g.pick(MODRM16);
    const d = g.int(3);
    const disp = d === 0 ? (b === 'bp' && !i ? 0n : 0n) : d === 1 ? g.pick(D8) : g.pick(D16);
    // Either order of base and index is accepted; write them swapped now and then.
    const swap = i && g.chance(0.2);
    return {
      ...base, base: reg(swap ? i : b), ...(i ? { index: reg(swap ? b : i) } : {}), disp,
    } as MemOperand;
  }
  const cls = asize === 8 ? 'gpr64' : 'gpr32';
  const n = bits === 64 && o.style === 'ext' ? 16 : 8;
  const anyReg = () => regsByClass[cls][g.int(n)];
  const indexReg = () => {
    for (;;) {
      const r = anyReg();
      if (r.num !== 4) return r;
    }
  };
  const shapes = bits === 64 && asize === 8 ? SHAPES_64.filter((s) => n === 16 || (s !== 'r12' && s !== 'r13')) : SHAPES_32;
  const shape = o.shape ?? g.pick(shapes);
  const scale = g.pick([1, 2, 4, 8] as const);
  const m = (x: Partial<MemOperand>): MemOperand => ({ ...base, ...x }) as MemOperand;
  switch (shape) {
    case 'base': return m({ base: anyReg() });
    case 'base+d8': return m({ base: anyReg(), disp: g.pick(D8) });
    case 'base+d32': return m({ base: anyReg(), disp: g.pick(D32) });
    case 'base+index': return m({ base: anyReg(), index: indexReg(), scale });
    case 'base+index+d8': return m({ base: anyReg(), index: indexReg(), scale, disp: g.pick(D8) });
    case 'base+index+d32': return m({ base: anyReg(), index: indexReg(), scale, disp: g.pick(D32) });
    case 'index': return m({ index: indexReg(), scale });
    case 'index+d32': return m({ index: indexReg(), scale: g.pick([2, 4, 8] as const), disp: g.pick(D32) });
    case 'abs': {
      if (bits === 64) {
        const disp = g.pick(ABS64);
        return m({ disp, ...(asize === 4 ? { addrSize: 4 } : {}) });
      }
      return m({ disp: g.pick(ABS32), ...(bits === 16 ? { addrSize: 4 } : {}) });
    }
    case 'rip': return m({ rel: true, disp: o.address + g.pick([0x100n, -0x40n, 0x12340n, -0x5000n, 8n]) });
    case 'esp': return m({ base: regsByClass[cls][4], disp: g.pick([0n, ...D8, ...D32]) });
    case 'ebp': return m({ base: regsByClass[cls][5], disp: g.pick([0n, ...D8, ...D32]) });
    case 'r12': return m({ base: regsByClass[cls][12], disp: g.pick([0n, ...D8]), ...(g.chance(0.5) ? { index: indexReg(), scale } : {}) });
    case 'r13': return m({ base: regsByClass[cls][13], disp: g.pick([0n, ...D8]), ...(g.chance(0.5) ? { index: indexReg(), scale } : {}) });
  }
}

// ---------------------------------------------------------------------------------------
// Immediates

const IMM8 = [0n, 1n, -1n, 0x7fn, 0x80n, -0x80n, 0xffn, 0x55n];
const COUNT8 = [0n, 2n, 3n, 7n, 0x1fn, 0x3fn, 0x80n, 0xffn];
const S8: Record<number, bigint[]> = {
  2: [0n, 1n, -1n, 0x7fn, -0x80n, 0x10n, 0xffffn, 0xff80n],
  4: [0n, 1n, -1n, 0x7fn, -0x80n, 0x10n, 0xffffffffn, 0xffffff80n],
  8: [0n, 1n, -1n, 0x7fn, -0x80n, 0x10n],
};
// (Full-size immediates out of the sign-extended byte's reach: the s8 forms take the others.)
const IMM16 = [0x7fffn, 0x8000n, 0xff00n, 0x80n, -0x81n, 0x1234n, -0x8000n];
const IMM32 = [0x7fffffffn, 0x80000000n, 0xffff0000n, 0x80n, -0x81n, 0x12345678n, -0x80000000n, 0x8000n];
const S32 = [0x7fffffffn, -0x80000000n, -0x81n, 0x80n, 0x12345678n, 0x7fffn];
const U32 = [0x80000000n, 0xffffffffn, 0x80n, 0x12345678n];
const IMM64 = [0x123456789abcdef0n, 0x8000000000000000n, -0x80000001n, 0x100000000n, 0x7fffffffffffffffn, 0xffffffff00000000n];

/** The full list the issue names, for the immediate sweep. */
export const EDGE_IMMEDIATES: readonly bigint[] = [
  0n, 1n, -1n, 0x7fn, 0x80n, -0x80n, -0x81n, 0xffn, 0x7fffn, 0x8000n, 0xffffn,
  0x7fffffffn, 0x80000000n, 0xffffffffn, 0x123456789abcdef0n, -0x8000000000000000n,
];

/** True when v is a value of `bytes` bytes, signed or unsigned (NASM accepts both without a warning). */
function fits(v: bigint, bytes: number): boolean {
  const bitsN = BigInt(bytes * 8);
  return v >= -(1n << (bitsN - 1n)) && v < 1n << bitsN;
}

// ---------------------------------------------------------------------------------------
// Per-form instances

/** How an operand kind is instantiated (after the style and address are fixed). */
interface Slot {
  form: Form;
  bits: Bits;
  style: Style;
  address: bigint;
  /** The form's operand size, or the mode's default when the form has none. */
  osize: number;
  /** r/m operands are registers in this instance (else memory). */
  rmAsReg: boolean;
}

function defaultOsize(form: Form, bits: Bits): number {
  if (bits === 64) return form.default64 ? 8 : 4;
  return bits === 16 ? 2 : 4;
}

const BRANCHES = new Set(['jmp', 'call']);

function isFar(form: Form): boolean {
  return BRANCHES.has(form.mnemonic) && form.ops.some((k) => k === 'm32' || k === 'm48' || k === 'm80');
}

/** True when no register or memory operand tells NASM the operand size. */
function sizeFromImmediateOnly(form: Form): boolean {
  return form.osize !== 0 && form.ops.length === 1 && /^(i8|i16|i32|i64|s8|s32|u32)$/.test(form.ops[0]) && IMMEDIATE_SIZED.has(form.mnemonic);
}

function genOperand(g: Gen, kind: OpKind, s: Slot, memSized: boolean): Operand | undefined {
  const { bits, style } = s;
  switch (kind) {
    case 'r8': case 'r16': case 'r32': case 'r64':
    case 'o8': case 'o16': case 'o32': case 'o64':
    case 'R16': case 'R32': case 'R64':
      return { kind: 'reg', reg: g.gpr(kindSize(kind), bits, style) };
    case 'rm8': case 'rm16': case 'rm32': case 'rm64':
      if (s.rmAsReg) return { kind: 'reg', reg: g.gpr(kindSize(kind), bits, style) };
      return genMem(g, bits, { size: memSized ? kindSize(kind) as OpSize : undefined, style, address: s.address });
    case 'm': case 'mdesc':
      return genMem(g, bits, { style, address: s.address });
    case 'm8': case 'm16': case 'm32': case 'm48': case 'm64': case 'm80': case 'm128':
      return genMem(g, bits, { size: memSized ? kindSize(kind) as OpSize : undefined, style, address: s.address });
    case 'al': case 'ax': case 'eax': case 'rax': case 'cl': case 'dx':
    case 'es': case 'cs': case 'ss': case 'ds': case 'fs': case 'gs':
      return R(kind);
    case 'x': case 'Rx': return { kind: 'reg', reg: g.xmm(bits, style) };
    case 'rmx128': case 'rmx64': case 'rmx32':
      if (s.rmAsReg) return { kind: 'reg', reg: g.xmm(bits, style) };
      return genMem(g, bits, { size: memSized ? kindSize(kind) as OpSize : undefined, style, address: s.address });
    case 'sreg': return R(g.pick(SEGS));
    case 'cr': return R(g.pick(bits === 64 ? ['cr0', 'cr2', 'cr3', 'cr4', 'cr8'] : ['cr0', 'cr2', 'cr3', 'cr4']));
    case 'dr': return R(g.pick(['dr0', 'dr1', 'dr2', 'dr3', 'dr6', 'dr7']));
    case 'one': return I(1n);
    case 'i8': {
      // Data for byte operations; counts, ports, vectors and bit numbers otherwise.
      const data = s.form.ops.some((k) => k === 'rm8' || k === 'al' || k === 'o8') && !COUNTED.test(s.form.mnemonic);
      return I(g.pick(data ? IMM8 : COUNT8));
    }
    case 's8': return I(g.pick(S8[s.osize] ?? S8[4]));
    case 'i16': return I(g.pick(s.form.osize === 2 ? IMM16 : IMM16.filter((v) => v >= 0n)));
    case 'i32': return I(g.pick(IMM32));
    case 's32': return I(g.pick(S32));
    case 'u32': return I(g.pick(U32));
    case 'i64': return I(g.pick(IMM64));
    case 'rel8': {
      const target = s.address + g.pick([-0x70n, -0x10n, 0n, 2n, 0x20n, 0x70n]);
      return { kind: 'rel', target, ...(BRANCH_WITH_SHORT.test(s.form.mnemonic) && g.chance(0.3) ? { dist: 'short' } : {}) };
    }
    case 'rel16': case 'rel32': {
      const far = g.chance(0.8);
      const delta = far ? g.pick(bits === 64 ? [0x200n, -0x300n, 0x12345n, -0x40000n] : [0x200n, -0x300n, 0x2000n, -0x800n]) : g.pick([4n, -0x10n, 0x40n]);
      const rel: RelOperand = { kind: 'rel', target: s.address + delta, ...(far ? {} : { dist: 'near' as const }) };
      return rel;
    }
    case 'moffs8': case 'moffs16': case 'moffs32': case 'moffs64': {
      const size = kindSize(kind) as OpSize;
      if (bits === 64) {
        if (g.chance(0.3)) return { kind: 'mem', scale: 1, disp: g.pick(ABS32), size, addrSize: 4 };
        return { kind: 'mem', scale: 1, disp: g.pick([...ABS32, 0x123456789abcn]), size, dispSize: 8 };
      }
      const seg = g.chance(0.2) ? { seg: reg(g.pick(SEGS)) } : {};
      if (g.chance(0.25)) {
        return bits === 16
          ? { kind: 'mem', scale: 1, disp: g.pick(ABS32), size, addrSize: 4, ...seg }
          : { kind: 'mem', scale: 1, disp: g.pick(ABS16), size, addrSize: 2, ...seg };
      }
      return { kind: 'mem', scale: 1, disp: g.pick(bits === 16 ? ABS16 : ABS32), size, ...seg };
    }
    case 'ptr16': case 'ptr32': {
      const far: FarOperand = {
        kind: 'far', selector: g.pick([0x08, 0x10, 0x1b, 0xf000]),
        offset: kind === 'ptr16' ? g.pick([0x1234n, 0x7c00n, 0xffffn, 0n]) : g.pick([0x12345678n, 0x100000n, 0xffffffffn, 0x1234n]),
      };
      const size = kind === 'ptr16' ? 2 : 4;
      return size !== defaultOsize(s.form, bits) || g.chance(0.3) ? { ...far, size } : far;
    }
  }
}

const COUNTED = /^(rol|ror|rcl|rcr|shl|shr|sal|sar|in|out|int|enter)$/;
const BRANCH_WITH_SHORT = /^(jmp|j(?!e?r?cxz)[a-z]+)$/;

/** Registers and memory in an operand list that need (or forbid) a REX prefix. */
function rexConflict(ops: readonly Operand[], form: Form, bits: Bits): boolean {
  if (bits !== 64) return false;
  let hi = false;
  let rex = form.osize === 8 && !form.default64;
  for (const o of ops) {
    if (o.kind === 'reg') {
      if (o.reg.cls === 'gpr8hi') hi = true;
      if (o.reg.needsRex) rex = true;
    } else if (o.kind === 'mem') {
      if (o.base?.needsRex || o.index?.needsRex) rex = true;
    }
  }
  return hi && rex;
}

const SIZE_SHOWN = /^(r|rm|m|R|o)(8|16|32|64|128)$|^(al|ax|eax|rax|moffs|ptr|rel)|^m(48|80)$/;

/**
 * Mnemonics whose operand size only an o16/o32/o64 prefix can give: no operand shows it and
 * it is not spelled in the name (o64 sysret, o16 ret, o32 retf, o16 leave, o16 enter).
 */
export const OSIZE_BY_PREFIX: ReadonlySet<string> = (() => {
  const sizes = new Map<string, Set<number>>();
  for (const f of FORMS) {
    if (f.decodeOnly || f.ops.some((k) => SIZE_SHOWN.test(k) || k === 'x' || k === 'Rx') || sizeFromImmediateOnly(f)) continue;
    if (!sizes.has(f.mnemonic)) sizes.set(f.mnemonic, new Set());
    sizes.get(f.mnemonic)!.add(f.osize);
  }
  return new Set([...sizes].filter(([, s]) => s.size > 1).map(([m]) => m));
})();

/** Builds one instance of `form`; undefined when NASM has no way to write it. */
function instance(g: Gen, form: Form, bits: Bits, address: bigint, n = 0): Instruction | undefined {
  const needsRexW = form.osize === 8 && !form.default64;
  const has8 = form.ops.some((k) => k === 'r8' || k === 'rm8' || k === 'o8');
  const style: Style = bits !== 64 ? 'legacy' : has8 && !needsRexW && g.chance(0.3) ? 'hi' : 'ext';
  const osize = form.osize || defaultOsize(form, bits);
  // Registers and memory in turn, so that both show up in every form's instances.
  const s: Slot = { form, bits, style, address, osize, rmAsReg: n % 2 === 1 };
  // A register operand fixes the size; without one, memory needs a size keyword.
  const regPins = form.ops.some((k) => /^(r|o|R)(8|16|32|64)$/.test(k) || /^(al|ax|eax|rax)$/.test(k));
  const defOsize = defaultOsize(form, bits);
  // movzx, lar...: the memory operand's size is not the register's.
  const sizes = new Set(form.ops.filter((k) => /^(r|rm|R|m)(8|16|32|64)$/.test(k)).map(kindSize));
  const mixedSizes = sizes.size > 1;
  for (let attempt = 0; attempt < 20; attempt++) {
    // (NASM takes no size on SSE cmpsd's memory operand: the name is the string compare's too.)
    const memSized = (!regPins || mixedSizes || g.chance(0.3)) && form.mnemonic !== 'cmpsd';
    const operands: Operand[] = [];
    let ok = true;
    for (const k of form.ops) {
      const o = genOperand(g, k, s, memSized);
      if (!o) { ok = false; break; }
      operands.push(o);
    }
    if (!ok) return undefined;
    if (rexConflict(operands, form, bits)) continue;
    // Far memory forms need `far`; the sized pointer is m16:16/m16:32/m16:64.
    const ins: { -readonly [K in keyof Instruction]: Instruction[K] } = { mnemonic: form.mnemonic, operands };
    if (isFar(form)) ins.far = true;
    // An immediate alone: its size keyword is the operand size.
    if (form.osize && sizeFromImmediateOnly(form) && (form.osize !== defOsize || g.chance(0.3))) {
      operands[0] = { ...(operands[0] as ImmOperand), size: form.osize as OpSize };
    }
    // No register: the size may stand on the immediate instead (`add [ebx], byte 5`, `mov
    // [bx], word 7`), which gives the memory operand its size. (Chosen by the slot, so that
    // the PRNG's sequence, and with it the rest of the corpus, stays as it was.)
    const memIdx = operands.findIndex((o) => o.kind === 'mem');
    const immIdx = form.ops.findIndex((k) => k === 'i8' || k === 'i16' || k === 'i32');
    if (!regPins && !mixedSizes && memIdx >= 0 && immIdx >= 0 && operands.length === 2 && !isFar(form) && !COUNTED.test(form.mnemonic)
      && kindSize(form.ops[immIdx]) === kindSize(form.ops[memIdx]) && (address / BigInt(SLOT_SIZE)) % 3n === 0n) {
      const { size, ...unsized } = operands[memIdx] as MemOperand;
      operands[memIdx] = unsized;
      operands[immIdx] = { ...(operands[immIdx] as ImmOperand), size: size! };
    }
    // A relative branch of the other operand size: `jmp word x` in 32-bit code.
    const relIdx = form.ops.findIndex((k) => k === 'rel16' || k === 'rel32');
    if (relIdx >= 0 && form.osize !== defOsize) {
      if (!BRANCHES.has(form.mnemonic)) return undefined; // NASM cannot write jcc word/dword
      operands[relIdx] = { ...(operands[relIdx] as RelOperand), size: form.osize as 2 | 4 | 8 };
    }
    // Operand size of register-free forms the mnemonic does not spell (push fs, sysret).
    if (form.osize && form.osize !== defOsize && OSIZE_BY_PREFIX.has(form.mnemonic)) ins.opsizeOverride = form.osize as 2 | 4 | 8;
    const hasMem = operands.some((o) => o.kind === 'mem');
    if (form.lock && hasMem && g.chance(0.5)) ins.lock = true;
    if (form.rep === 'rep' && g.chance(0.5)) ins.rep = 'rep';
    if (form.rep === 'repcc' && g.chance(0.6)) ins.rep = g.pick(['repe', 'repne'] as const);
    return ins;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// The corpus

/**
 * `xchg rax, rax` is NASM's 48 90, which every decoder reads as nop (REX.W changes nothing
 * there): it cannot come back from the bytes, so the corpus leaves it out.
 */
function isRexNop(ins: Instruction): boolean {
  const [a, b] = ins.operands;
  return ins.mnemonic === 'xchg' && a?.kind === 'reg' && b?.kind === 'reg' && a.reg.name === 'rax' && b.reg.name === 'rax';
}

class Builder {
  readonly items: CorpusItem[] = [];
  private count: Record<Bits, number> = { 16: 0, 32: 0, 64: 0 };

  address(bits: Bits): bigint {
    return CORPUS_ORG[bits] + BigInt(SLOT_SIZE * (this.count[bits] % CHUNK_SIZE));
  }

  add(bits: Bits, ins: Instruction, source: string, form?: Form): void {
    if (isRexNop(ins)) return;
    const k = this.count[bits]++;
    const address = CORPUS_ORG[bits] + BigInt(SLOT_SIZE * (k % CHUNK_SIZE));
    const text = formatInstruction(ins, { bits, address });
    this.items.push({ bits, address, chunk: Math.floor(k / CHUNK_SIZE), ins, text, source, ...(form ? { form } : {}) });
  }
}

/** Instances per form and mode in the per-form pass. */
const PER_FORM = 3;

function formPass(b: Builder, g: Gen): void {
  for (const bits of MODES) {
    for (const form of FORMS) {
      if (form.decodeOnly || !(form.modes & modeBit(bits))) continue;
      // (SSE forms: one register and one memory instance, to keep the corpus small.)
      const sse = form.ops.some((k) => k === 'x' || k === 'Rx' || k.startsWith('rmx'));
      const n = form.ops.length === 0 ? (form.rep !== 'none' ? 3 : 1) : sse ? 2 : PER_FORM + (form.ops.some((k) => k.startsWith('rm') || k[0] === 'm') ? 1 : 0);
      for (let i = 0; i < n; i++) {
        const ins = instance(g, form, bits, b.address(bits), i);
        if (ins) b.add(bits, ins, 'form', form);
      }
    }
  }
}

/** Every addressing shape in every address size a mode has, with `mov` and `add`. */
function memorySweep(b: Builder, g: Gen): void {
  for (const bits of MODES) {
    const asizes: (2 | 4 | 8)[] = bits === 64 ? [8, 4] : [2, 4];
    for (const asize of asizes) {
      if (asize === 2) {
        for (const [base, index] of MODRM16) {
          for (const disp of [0n, 0x10n, -0x80n, 0x7fn, 0x80n, -0x1234n, 0x7fffn]) {
            const m: MemOperand = { kind: 'mem', scale: 1, disp, base: reg(base), ...(index ? { index: reg(index) } : {}) };
            b.add(bits, { mnemonic: 'mov', operands: [R(bits === 16 ? 'ax' : 'eax'), m] }, 'mem');
            b.add(bits, { mnemonic: 'add', operands: [{ ...m, size: 1 }, I(5n)] }, 'mem');
          }
        }
        for (const disp of ABS16) {
          b.add(bits, { mnemonic: 'mov', operands: [R('cx'), { kind: 'mem', scale: 1, disp, ...(bits !== 16 ? { addrSize: 2 } : {}) }] }, 'mem');
        }
        continue;
      }
      const shapes = bits === 64 && asize === 8 ? SHAPES_64 : SHAPES_32;
      for (const shape of shapes) {
        for (let i = 0; i < 6; i++) {
          const style: Style = bits === 64 ? 'ext' : 'legacy';
          const m = genMem(g, bits, { asize, shape, style, seg: null, address: b.address(bits) });
          const dst = bits === 16 ? g.pick(['ax', 'bx', 'si']) : g.pick(['eax', 'ebx', 'edi']);
          b.add(bits, { mnemonic: g.pick(['mov', 'lea', 'cmp']), operands: [R(dst), m] }, 'mem');
          const m2 = genMem(g, bits, { asize, shape, style, seg: null, address: b.address(bits), size: 4 });
          b.add(bits, { mnemonic: g.pick(['add', 'mov', 'and']), operands: [m2, I(g.pick([1n, 0x1234n]))] }, 'mem');
        }
      }
      // Every scale with every index, and every base, once.
      const cls = asize === 8 ? 'gpr64' : 'gpr32';
      const n = bits === 64 ? 16 : 8;
      for (let i = 0; i < n; i++) {
        const r = regsByClass[cls][i];
        b.add(bits, { mnemonic: 'mov', operands: [{ kind: 'mem', scale: 1, disp: 0n, base: r }, R(bits === 16 ? 'dx' : 'edx')] }, 'mem');
        if (i !== 4) {
          for (const scale of [1, 2, 4, 8] as const) {
            b.add(bits, { mnemonic: 'mov', operands: [R(bits === 16 ? 'dx' : 'edx'), { kind: 'mem', scale, disp: 8n, base: regsByClass[cls][(i + 3) % n], index: r }] }, 'mem');
          }
        }
      }
    }
    // Special cases NASM rewrites: a lone index becomes the base ([eax*2] -> [eax+eax]), esp
    // as an index swaps into the base, displacements that wrap at the address size.
    // (NASM takes [bx+0xffff] as [bx-1] too, but warns.)
    type Odd = [string | undefined, string | undefined, 1 | 2 | 4 | 8, bigint];
    const odd: Odd[] = bits === 16
      ? [['bx', undefined, 1, 0x7fffn], ['bp', undefined, 1, 0x8000n], ['di', 'bx', 1, 0n], ['bp', undefined, 1, 0n]]
      : [['eax', 'esp', 1, 0n], [undefined, 'ebp', 2, 0n], [undefined, 'esp', 1, 0x10n], [undefined, 'eax', 1, 0x10n],
        [undefined, 'ebx', 2, -0x10n], ['ebp', 'esp', 1, 0x80n]];
    if (bits === 64) odd.push([undefined, 'r12', 1, 0n], [undefined, 'r13', 2, 0n], [undefined, 'rbp', 1, 0n], ['r12', 'rsp', 1, 4n], ['rsp', 'r12', 1, 0n]);
    for (const [base, index, scale, disp] of odd) {
      const m: MemOperand = { kind: 'mem', scale, disp, ...(base ? { base: reg(base) } : {}), ...(index ? { index: reg(index) } : {}) };
      b.add(bits, { mnemonic: 'mov', operands: [R(bits === 16 ? 'cx' : 'ecx'), m] }, 'mem');
      b.add(bits, { mnemonic: 'lea', operands: [R(bits === 16 ? 'dx' : 'edx'), m] }, 'mem');
    }
    // Displacement sizes written out: [dword eax+4], [byte eax], [word bx+4].
    const forced: [string, bigint, 1 | 2 | 4][] = bits === 16
      ? [['bx', 4n, 2], ['si', 0n, 1], ['di', 0n, 2], ['bp', 0x10n, 2]]
      : [['eax', 4n, 4], ['eax', 0n, 1], ['ebx', 0n, 4], ['esp', 8n, 4], ['ebp', 0n, 4], ['esi', -4n, 4]];
    if (bits === 64) forced.push(['rax', 4n, 4], ['r12', 0n, 1], ['r13', 0n, 4], ['rsp', 0n, 1]);
    for (const [base, disp, dispSize] of forced) {
      const m: MemOperand = { kind: 'mem', scale: 1, disp, base: reg(base), dispSize };
      b.add(bits, { mnemonic: 'mov', operands: [R(bits === 16 ? 'ax' : 'eax'), m] }, 'mem');
    }
    // Segment overrides on each addressing size.
    for (const seg of bits === 64 ? ['fs', 'gs'] : SEGS) {
      for (const asize of asizes) {
        const m = genMem(g, bits, { asize, seg, style: 'legacy', address: b.address(bits), size: 2 });
        b.add(bits, { mnemonic: 'mov', operands: [m, I(0x1234n)] }, 'mem');
      }
    }
  }
}

/** The edge immediates against the instructions that take an immediate, where they fit. */
function immediateSweep(b: Builder, g: Gen): void {
  for (const bits of MODES) {
    const sizes = bits === 64 ? [1, 2, 4, 8] : [1, 2, 4];
    for (const v of EDGE_IMMEDIATES) {
      for (const size of sizes) {
        // 64-bit operations take a sign-extended dword.
        const ok = size === 8 ? v >= -(1n << 31n) && v < 1n << 31n : fits(v, size);
        const r0 = regsByClass[size === 1 ? 'gpr8' : size === 2 ? 'gpr16' : size === 4 ? 'gpr32' : 'gpr64'][g.int(4)];
        const r1 = regsByClass[size === 1 ? 'gpr8' : size === 2 ? 'gpr16' : size === 4 ? 'gpr32' : 'gpr64'][3];
        if (size === 8 ? fits(v, 8) : fits(v, size)) b.add(bits, { mnemonic: 'mov', operands: [{ kind: 'reg', reg: r0 }, I(v)] }, 'imm');
        if (!ok) continue;
        const alu = g.pick(['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp']);
        b.add(bits, { mnemonic: alu, operands: [{ kind: 'reg', reg: r0 }, I(v)] }, 'imm');
        b.add(bits, { mnemonic: 'test', operands: [{ kind: 'reg', reg: r1 }, I(v)] }, 'imm');
        const m = genMem(g, bits, { size: size as OpSize, style: 'legacy', address: b.address(bits) });
        b.add(bits, { mnemonic: g.pick(['mov', 'cmp', 'sub']), operands: [m, I(v)] }, 'imm');
        if (size >= 2) {
          b.add(bits, { mnemonic: 'imul', operands: [{ kind: 'reg', reg: r1 }, { kind: 'reg', reg: r0 }, I(v)] }, 'imm');
          // push takes the operand size from the keyword (`push dword` is `push qword` in 64-bit code).
          const def = bits === 64 ? 8 : bits === 16 ? 2 : 4;
          if (bits !== 64 || (v >= -(1n << 31n) && v < 1n << 31n)) {
            b.add(bits, { mnemonic: 'push', operands: [I(v, size === def ? {} : { size: size as OpSize })] }, 'imm');
          }
          // `strict` keeps the long form; `byte` asks for the short one.
          b.add(bits, { mnemonic: alu, operands: [{ kind: 'reg', reg: r0 }, I(v, { size: size as OpSize, strict: true })] }, 'imm');
        }
      }
      if (v >= -0x80n && v < 0x80n) {
        b.add(bits, { mnemonic: 'add', operands: [R(bits === 16 ? 'si' : 'esi'), I(v, { size: 1 })] }, 'imm');
        b.add(bits, { mnemonic: 'push', operands: [I(v, { size: 1 })] }, 'imm');
      }
    }
    // Other instructions with immediates of their own.
    for (const v of [0n, 1n, 3n, 0x10n, 0x21n, 0x80n, 0xffn]) {
      b.add(bits, { mnemonic: 'int', operands: [I(v)] }, 'imm');
      b.add(bits, { mnemonic: 'in', operands: [R('al'), I(v)] }, 'imm');
      b.add(bits, { mnemonic: 'out', operands: [I(v), R(bits === 16 ? 'ax' : 'eax')] }, 'imm');
      b.add(bits, { mnemonic: 'enter', operands: [I(v * 0x101n), I(v & 0x1fn)] }, 'imm');
      b.add(bits, { mnemonic: 'ret', operands: [I(v * 0x81n)] }, 'imm');
      b.add(bits, { mnemonic: 'retf', operands: [I(v * 0x81n)] }, 'imm');
      b.add(bits, { mnemonic: g.pick(['shl', 'sar', 'rcl', 'rcr', 'rol', 'ror', 'shr']), operands: [R(bits === 16 ? 'dx' : 'edx'), I(v & 0x3fn)] }, 'imm');
      b.add(bits, { mnemonic: g.pick(['bt', 'bts', 'btr', 'btc']), operands: [R(bits === 16 ? 'dx' : 'edx'), I(v & 0x1fn)] }, 'imm');
    }
    // NASM's two-operand imul with an immediate.
    for (const v of [3n, 0x1000n, -1n]) b.add(bits, { mnemonic: 'imul', operands: [R(bits === 16 ? 'cx' : 'ecx'), I(v)] }, 'imm');
    if (bits === 64) {
      for (const v of [0n, 1n, 0x7fffffffn, 0x80000000n, 0xffffffffn, 0x100000000n, -1n, -0x80000000n, -0x80000001n, 0x123456789abcdef0n, 0x8000000000000000n, 0xffffffffffffffffn]) {
        b.add(bits, { mnemonic: 'mov', operands: [R(g.pick(['rax', 'rcx', 'r9', 'r15'])), I(v)] }, 'imm');
        b.add(bits, { mnemonic: 'mov', operands: [R(g.pick(['rax', 'rcx', 'r9', 'r15'])), I(v, { size: 8, strict: true })] }, 'imm');
      }
    }
  }
}

/** Every register in the ModRM reg and rm fields and in +r opcodes. */
function registerSweep(b: Builder): void {
  for (const bits of MODES) {
    const classes = bits === 64 ? ['gpr8', 'gpr16', 'gpr32', 'gpr64'] as const : ['gpr8', 'gpr16', 'gpr32'] as const;
    for (const cls of classes) {
      const list = regsByClass[cls].filter((r) => bits === 64 || !r.needsRex);
      for (const r of list) {
        const other = regsByClass[cls][r.num === 1 ? 2 : 1];
        b.add(bits, { mnemonic: 'mov', operands: [{ kind: 'reg', reg: r }, { kind: 'reg', reg: other }] }, 'reg');
        b.add(bits, { mnemonic: 'add', operands: [{ kind: 'reg', reg: other }, { kind: 'reg', reg: r }] }, 'reg');
        b.add(bits, { mnemonic: 'inc', operands: [{ kind: 'reg', reg: r }] }, 'reg');
        b.add(bits, { mnemonic: 'xchg', operands: [{ kind: 'reg', reg: r }, { kind: 'reg', reg: cls === 'gpr8' ? other : regsByClass[cls][0] }] }, 'reg');
        if (cls !== 'gpr8') {
          if (!(bits === 64 && cls === 'gpr32')) b.add(bits, { mnemonic: g0(['push', 'pop'], r.num), operands: [{ kind: 'reg', reg: r }] }, 'reg');
          b.add(bits, { mnemonic: 'mov', operands: [{ kind: 'reg', reg: r }, I(0x1234n)] }, 'reg');
          b.add(bits, { mnemonic: 'movzx', operands: [{ kind: 'reg', reg: r }, R('cl')] }, 'reg');
          if (cls !== 'gpr16') b.add(bits, { mnemonic: 'bswap', operands: [{ kind: 'reg', reg: r }] }, 'reg');
        }
      }
    }
    if (bits !== 64) for (const h of ['ah', 'ch', 'dh', 'bh']) b.add(bits, { mnemonic: 'mov', operands: [R(h), R('dl')] }, 'reg');
    else for (const h of ['ah', 'ch', 'dh', 'bh']) b.add(bits, { mnemonic: 'add', operands: [R(h), { kind: 'mem', scale: 1, disp: 0n, base: reg('rbx') }] }, 'reg');
    for (const s of SEGS) {
      b.add(bits, { mnemonic: 'mov', operands: [R(bits === 16 ? 'ax' : 'eax'), R(s)] }, 'reg');
      if (s !== 'cs') b.add(bits, { mnemonic: 'mov', operands: [R(s), R(bits === 16 ? 'dx' : 'edx')] }, 'reg');
      if (bits !== 64 || s === 'fs' || s === 'gs') {
        b.add(bits, { mnemonic: 'push', operands: [R(s)] }, 'reg');
        if (s !== 'cs') b.add(bits, { mnemonic: 'pop', operands: [R(s)] }, 'reg');
      }
    }
    const wide = bits === 64 ? 'rax' : 'eax';
    for (const c of bits === 64 ? ['cr0', 'cr2', 'cr3', 'cr4', 'cr8'] : ['cr0', 'cr2', 'cr3', 'cr4']) {
      b.add(bits, { mnemonic: 'mov', operands: [R(wide), R(c)] }, 'reg');
      b.add(bits, { mnemonic: 'mov', operands: [R(c), R(bits === 64 ? 'r10' : 'esi')] }, 'reg');
    }
    for (let i = 0; i < 8; i++) {
      b.add(bits, { mnemonic: 'mov', operands: [R(bits === 64 ? 'r9' : 'edx'), R(`dr${i}`)] }, 'reg');
      b.add(bits, { mnemonic: 'mov', operands: [R(`dr${i}`), R(wide)] }, 'reg');
    }
  }
}

function g0<T>(a: readonly T[], n: number): T { return a[n % a.length]; }

/** Branches forward and back, short and near, with and without the distance keywords. */
function branchSweep(b: Builder): void {
  for (const bits of MODES) {
    const at = (delta: bigint) => b.address(bits) + delta;
    for (const delta of [-0x80n, -0x7en, -2n, 0n, 2n, 0x10n, 0x81n, 0x82n, -0x81n, 0x1000n, -0x1000n]) {
      for (const mn of ['jmp', 'je', 'jne', 'jb', 'jg', 'js', 'jo', 'jpe', 'call']) {
        b.add(bits, { mnemonic: mn, operands: [{ kind: 'rel', target: at(delta) }] }, 'branch');
      }
      // (rel8 reaches -128..127 from the end of a 2-byte jump.)
      if (delta >= -0x7en && delta <= 0x81n) {
        b.add(bits, { mnemonic: 'jmp', operands: [{ kind: 'rel', target: at(delta), dist: 'short' }] }, 'branch');
        b.add(bits, { mnemonic: 'loop', operands: [{ kind: 'rel', target: at(delta) }] }, 'branch');
        b.add(bits, { mnemonic: bits === 64 ? 'jrcxz' : bits === 32 ? 'jecxz' : 'jcxz', operands: [{ kind: 'rel', target: at(delta) }] }, 'branch');
      }
      b.add(bits, { mnemonic: 'jz', operands: [{ kind: 'rel', target: at(delta), dist: 'near' }] }, 'branch');
      b.add(bits, { mnemonic: 'jmp', operands: [{ kind: 'rel', target: at(delta), dist: 'near', strict: true }] }, 'branch');
    }
    // Into the other half of the 16-bit address space, and out of 32-bit reach from 16-bit code.
    if (bits === 16) {
      b.add(bits, { mnemonic: 'jmp', operands: [{ kind: 'rel', target: 0xf000n }] }, 'branch');
      b.add(bits, { mnemonic: 'call', operands: [{ kind: 'rel', target: 0x12345n, size: 4 }] }, 'branch');
      b.add(bits, { mnemonic: 'jmp', operands: [{ kind: 'rel', target: at(0x20n), size: 4 }] }, 'branch');
    }
    if (bits === 32) {
      b.add(bits, { mnemonic: 'jmp', operands: [{ kind: 'rel', target: 0x1234n, size: 2 }] }, 'branch');
      b.add(bits, { mnemonic: 'call', operands: [{ kind: 'rel', target: at(-0x20n), size: 2 }] }, 'branch');
    }
  }
}

/** Prefixes: rep on every string instruction, a16/a32 on strings, xlat and loop, o16/o32 on push sreg. */
function prefixSweep(b: Builder): void {
  for (const bits of MODES) {
    const strings = ['movs', 'cmps', 'stos', 'lods', 'scas', 'ins', 'outs'];
    for (const s of strings) {
      for (const suffix of bits === 64 ? ['b', 'w', 'd', 'q'] : ['b', 'w', 'd']) {
        if (suffix === 'q' && (s === 'ins' || s === 'outs')) continue;
        const reps = s === 'cmps' || s === 'scas' ? ['repe', 'repne'] as const : ['rep'] as const;
        for (const rep of [undefined, ...reps]) {
          for (const a of [undefined, bits === 32 ? 2 : 4] as const) {
            b.add(bits, { mnemonic: s + suffix, operands: [], ...(rep ? { rep } : {}), ...(a ? { addrsizeOverride: a } : {}) }, 'prefix');
          }
        }
      }
    }
    // Segment overrides on the source of the string instructions (es:di cannot be overridden;
    // ds is the default, and in 64-bit mode only fs and gs count).
    for (const seg of bits === 64 ? ['fs', 'gs'] : ['es', 'cs', 'ss', 'fs', 'gs']) {
      for (const mn of ['movsb', 'cmpsw', 'lodsd', 'outsb', 'xlatb', ...(bits === 64 ? ['movsq', 'lodsq'] : [])]) {
        const rep = mn === 'cmpsw' ? 'repne' as const : mn === 'xlatb' || mn === 'lodsq' ? undefined : 'rep' as const;
        b.add(bits, { mnemonic: mn, operands: [], segmentPrefix: reg(seg), ...(rep && seg !== 'cs' ? { rep } : {}) }, 'prefix');
      }
    }
    const alt = bits === 32 ? 2 : 4;
    b.add(bits, { mnemonic: 'lodsw', operands: [], addrsizeOverride: alt, segmentPrefix: reg(bits === 64 ? 'gs' : 'es') }, 'prefix');
    b.add(bits, { mnemonic: 'xlatb', operands: [], addrsizeOverride: alt }, 'prefix');
    b.add(bits, { mnemonic: 'loop', operands: [{ kind: 'rel', target: b.address(bits) + 0x20n }], addrsizeOverride: alt }, 'prefix');
    b.add(bits, { mnemonic: 'loopne', operands: [{ kind: 'rel', target: b.address(bits) - 0x20n }], addrsizeOverride: alt }, 'prefix');
    for (const s of bits === 64 ? ['fs', 'gs'] : SEGS) {
      for (const o of bits === 64 ? [2] as const : [2, 4] as const) {
        b.add(bits, { mnemonic: 'push', operands: [R(s)], opsizeOverride: o }, 'prefix');
        if (s !== 'cs') b.add(bits, { mnemonic: 'pop', operands: [R(s)], opsizeOverride: o }, 'prefix');
      }
    }
    // lock on every lockable instruction with a memory destination.
    const m = (size: OpSize): MemOperand => ({ kind: 'mem', scale: 1, disp: 0x10n, base: reg(bits === 16 ? 'bx' : bits === 32 ? 'ebx' : 'rbx'), size });
    for (const mn of ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'xchg', 'xadd', 'cmpxchg']) {
      b.add(bits, { mnemonic: mn, operands: [m(4), R('ecx')], lock: true }, 'prefix');
    }
    for (const mn of ['inc', 'dec', 'not', 'neg']) b.add(bits, { mnemonic: mn, operands: [m(2)], lock: true }, 'prefix');
    for (const mn of ['bts', 'btr', 'btc']) b.add(bits, { mnemonic: mn, operands: [m(4), I(3n)], lock: true }, 'prefix');
    b.add(bits, { mnemonic: 'cmpxchg8b', operands: [m(8)], lock: true }, 'prefix');
    // Unsized far and near indirect branches take the mode's default size.
    for (const mn of ['jmp', 'call']) {
      b.add(bits, { mnemonic: mn, operands: [{ ...m(2), size: undefined }], far: true }, 'prefix');
      b.add(bits, { mnemonic: mn, operands: [{ ...m(2), size: undefined }] }, 'prefix');
    }
    if (bits === 64) b.add(bits, { mnemonic: 'cmpxchg16b', operands: [m(16)], lock: true }, 'prefix');
  }
}

let cached: EncodedItem[] | undefined;

/** The corpus (computed once per process). */
export function corpus(seed = 0x5eed): EncodedItem[] {
  if (cached && seed === 0x5eed) return cached;
  const b = new Builder();
  const g = new Gen(seed);
  formPass(b, g);
  memorySweep(b, g);
  immediateSweep(b, g);
  registerSweep(b);
  branchSweep(b);
  prefixSweep(b);
  const items = b.items.map((item): EncodedItem => {
    try {
      return { ...item, bytes: encode(item.ins, { bits: item.bits, address: item.address }) };
    } catch (e) {
      throw new Error(`corpus: ${item.bits}-bit ${item.text}: ${(e as Error).message}`);
    }
  });
  if (seed === 0x5eed) cached = items;
  return items;
}

// ---------------------------------------------------------------------------------------
// Instructions NASM is expected to refuse (or at least to encode with care)

const mem = (base: string | undefined, extra: Partial<MemOperand> = {}): MemOperand =>
  ({ kind: 'mem', scale: 1, disp: 0n, ...(base ? { base: reg(base) } : {}), ...extra }) as MemOperand;

/** Hand-written cases of one mode: [mnemonic, operands, extra fields]. */
type Case = readonly [string, readonly Operand[], Partial<Instruction>?];

function errorCases(bits: Bits, here: bigint): Case[] {
  const a = bits === 16 ? 'bx' : bits === 32 ? 'ebx' : 'rbx';
  const acc = bits === 16 ? 'ax' : 'eax';
  const cases: Case[] = [
    // size not given, or not agreeing
    ['inc', [mem(a)]], ['mov', [mem(a), I(1n)]], ['shl', [mem(a), I(1n)]], ['not', [mem(a)]],
    ['movzx', [R(acc), mem(a)]], ['movsx', [R(acc), mem(a)]], ['add', [mem(a), I(0x1234n)]],
    ['mov', [R('eax'), R('bx')]], ['add', [R('al'), R('ax')]], ['mov', [mem(a, { size: 1 }), R('ebx')]],
    ['movzx', [R('eax'), R('eax')]], ['movzx', [R('ax'), R('ax')]], ['movsx', [R('ax'), R('eax')]],
    ['lea', [R('eax'), R('ebx')]], ['lgdt', [R('eax')]], ['invlpg', [R('eax')]], ['bswap', [R('ax')]],
    ['xchg', [mem(a, { size: 4 }), mem(a, { size: 4 })]], ['mov', [mem(a, { size: 4 }), mem(a, { size: 4 })]],
    ['push', [mem(a)]], ['pop', [mem(a)]], ['push', [mem(a, { size: 1 })]], ['push', [R('al')]],
    ['lar', [R('eax'), mem(a)]], ['lsl', [R('al'), R('bl')]], ['lldt', [mem(a, { size: 4 })]],
    ['cmpxchg8b', [R('eax')]], ['cmpxchg8b', [mem(a, { size: 4 })]],
    ['enter', [I(1n)]], ['int', []], ['in', [R('bl'), R('dx')]], ['out', [R('dx'), R('bl')]], ['in', [R('al'), R('cx')]],
    ['jmp', [R('al')]], ['call', [mem(a, { size: 1 })]],
    ['add', [R(acc)]], ['inc', [R(acc), I(1n)]], ['shl', [R(acc), R('dl')]], ['shld', [R(acc), R(acc), R('dl')]],
    ['imul', [R(acc), I(5n)]], ['imul', [R(acc), R(acc), R(acc)]], ['test', [I(1n), R(acc)]],
    ['mov', [R('es'), R('cs')]], ['mov', [R('es'), I(1n)]], ['pop', [R('cs')]], ['mov', [R('cs'), R(acc)]],
    ['mov', [R('cr0'), I(0n)]], ['mov', [R('cr0'), mem(a)]], ['mov', [R('ax'), R('cr0')]],
    ['ret', [R(acc)]], ['int', [I(0x100n)]], ['enter', [I(0x10000n), I(0n)]],
    ['movsxd', [R('eax'), R('ebx')]], ['movsxd', [R('rax'), R('bx')]],
    // addressing that does not exist
    ['mov', [R(acc), mem('eax', { index: reg('esp'), scale: 2 })]],
    ['mov', [R(acc), mem('esp', { index: reg('esp') })]],
    ['mov', [R(acc), mem('eax', { index: reg('rbx') })]],
    ['mov', [R(acc), mem('bx', { index: reg('ax') })]],
    ['mov', [R(acc), mem('si', { index: reg('di') })]],
    ['mov', [R(acc), mem('bx', { index: reg('bp') })]],
    ['mov', [R(acc), mem('bx', { index: reg('si'), scale: 2 })]],
    ['mov', [R(acc), mem('rax')]], ['mov', [R(acc), mem('r8d')]], ['mov', [R(acc), mem('bx')]],
    ['mov', [R(acc), mem(undefined, { index: reg('esp'), scale: 2 })]],
    // branches out of reach, or of sizes that do not exist
    ['jcxz', [{ kind: 'rel', target: here + 0x200n }]], ['jecxz', [{ kind: 'rel', target: here - 0x200n }]],
    ['jrcxz', [{ kind: 'rel', target: here + 0x200n }]], ['loop', [{ kind: 'rel', target: here + 0x1000n }]],
    ['jmp', [{ kind: 'rel', target: here + 0x1000n, dist: 'short' }]], ['jz', [{ kind: 'rel', target: here - 0x1000n, dist: 'short' }]],
    ['jz', [{ kind: 'rel', target: here + 0x100n, size: bits === 16 ? 4 : 2 }]],
    ['jmp', [{ kind: 'rel', target: here + 0x100n, size: bits === 16 ? 8 : 2 }]],
    ['call', [{ kind: 'rel', target: here + 0x100n, size: 8 }]],
    ['jmp', [{ kind: 'far', selector: 8, offset: 0x1000n }]], ['call', [{ kind: 'far', selector: 8, offset: 0x1000n, size: 4 }]],
    ['jmp', [R(acc)], { far: true }], ['call', [{ kind: 'rel', target: here }], { far: true }],
    // 64-bit registers and operands, REX with the high byte registers
    ['mov', [R('rax'), R('rbx')]], ['push', [R('r8')]], ['inc', [R('r9d')]], ['mov', [R('sil'), R('al')]],
    ['mov', [R('ah'), R('r8b')]], ['mov', [R('ah'), mem('r8', { size: 1 })]], ['add', [R('ah'), R('sil')]],
    ['movzx', [R('rax'), R('ah')]], ['movzx', [R('r8d'), R('bh')]], ['xchg', [R('ch'), R('dil')]],
    ['mov', [R('cr8'), R('eax')]], ['mov', [R('eax'), R('cr0')]], ['mov', [R('rax'), R('dr8')]], ['mov', [R('dr7'), R('eax')]],
    ['push', [R('eax')]], ['pop', [R('ebx')]], ['push', [R('es')]], ['pop', [R('ds')]], ['push', [R('cs')]],
    ['jmp', [R('eax')]], ['call', [R('ax')]], ['jmp', [R('rax')]],
    ['cmpxchg16b', [mem(a, { size: 16 })]], ['swapgs', []], ['sysret', [], { opsizeOverride: 8 }],
    ['mov', [R('rax'), mem(undefined, { disp: 0x1234n, dispSize: 8 })]],
    ['mov', [R('al'), mem(undefined, { disp: 0x1234n, dispSize: 8 })]],
    ['lea', [R('ax'), mem('si', { index: reg('bx') })]],
    // 32-bit forms gone from long mode
    ['inc', [R('eax')]], ['lds', [R('eax'), mem(a)]], ['les', [R('ax'), mem(a)]], ['bound', [R('eax'), mem(a)]],
    ['arpl', [R('ax'), R('bx')]], ['into', []], ['aam', [I(5n)]], ['salc', []], ['pushfd', []], ['popad', []],
    ['jcxz', [{ kind: 'rel', target: here + 4n }]], ['jecxz', [{ kind: 'rel', target: here + 4n }]],
    ['jmp', [{ kind: 'far', selector: 8, offset: 0x1000n, size: 4 }]], ['call', [mem(a, { size: 4 })], { far: true }],
    ['iretq', []], ['cdqe', []], ['cqo', []], ['movsq', []], ['pushfq', []], ['retfq', []],
    // prefixes
    ['mov', [R(acc), R(acc)], { lock: true }], ['add', [R(acc), R(acc)], { lock: true }],
    ['add', [R('rax'), I(0x1000n, { size: 4, strict: true })]], ['mov', [R('rax'), I(5n, { size: 4, strict: true })]],
    ['push', [I(0x10n, { size: 4 })]], ['push', [I(0x1000n, { size: 4, strict: true })]], ['push', [I(0x10n, { size: 2 })]],
    ['imul', [R('rax'), R('rbx'), I(0x1000n, { size: 4 })]], ['nop', [mem(a)]], ['bt', [mem(a), I(1n)]],
    ['add', [R(acc), mem(a)], { lock: true }], ['cmp', [mem(a, { size: 4 }), R('ecx')], { lock: true }],
    ['movsb', [], { addrsizeOverride: bits === 64 ? 2 : 8 }],
    // immediates out of range: NASM warns and cuts them; encode() should cut them the same way
    ['add', [R('al'), I(0x100n)]], ['mov', [R('ax'), I(0x12345n)]], ['add', [R('eax'), I(0x100000000n)]],
    ['add', [R('ax'), I(0x1ffffn)]], ['add', [R('rax'), I(0xffffffffn)]], ['push', [I(0xffffffffn)]],
    ['and', [R('rcx'), I(0x80000000n)]], ['imul', [R('rax'), R('rbx'), I(0xffffffffn)]], ['mov', [mem(a, { size: 1 }), I(-0x81n)]],
    ['cmp', [R('rax'), I(0xffffffff80000000n)]], ['int', [I(0x1ffn)]], ['ret', [I(0x10000n)]], ['shl', [R(acc), I(0x100n)]],
    // operand counts and kinds that no form has
    ['add', [R(acc), R(acc), R(acc)]], ['pop', [I(5n)]], ['push', [R(acc), R(acc)]], ['int3', [I(1n)]],
    ['xlatb', [R('al')]], ['xchg', [mem(a, { size: 4 }), I(5n)]], ['imul', [R(acc), mem(a), R(acc)]],
    ['cmovz', [R('ax'), R('bl')]], ['cmovz', [R('al'), R('bl')]], ['setz', [R('ax')]], ['bswap', [R('eax'), R('ebx')]],
    ['popcnt', [R('al'), R('bl')]], ['nop', [R('al')]], ['mov', [R('dr0'), R('cr0')]], ['mov', [R('cr0'), R('ax')]],
    ['movsxd', [R('rax'), mem(a, { size: 2 })]], ['movzx', [R('rax'), mem(a, { size: 4 })]], ['bt', [R('eax'), R('ax')]],
    ['shld', [R('eax'), R('bx'), I(1n)]], ['out', [I(0x60n), R('bl')]], ['bound', [R('eax'), R('ebx')]], ['les', [R('eax'), R('ebx')]],
    ['call', [R('rax')], { far: true }], ['lea', [R('al'), mem(a)]], ['lea', [mem(a), R(acc)]], ['test', [mem(a, { size: 4 }), R(acc), I(1n)]],
    ['mov', [R('al'), mem(a, { size: 2 })]], ['inc', [mem(a, { size: 6 })]], ['jmp', [mem(a, { size: 6 })]],
    ['cmpxchg16b', [mem(a, { size: 8 })]], ['lgdt', [I(0n)]], ['ltr', [R('eax')]], ['in', [R('eax'), I(0x60n), I(1n)]],
  ];
  return cases;
}

let cachedErrors: CorpusItem[] | undefined;

/**
 * Instructions that are mostly invalid: every form in the modes where it is not valid, and
 * hand-written cases (sizes missing or disagreeing, impossible addressing, branches out of
 * reach, REX with ah/bh, prefixes that do not apply). NASM decides which are errors.
 */
export function errorCorpus(): CorpusItem[] {
  if (cachedErrors) return cachedErrors;
  const b = new Builder();
  const g = new Gen(0xe770);
  for (const bits of MODES) {
    for (const form of FORMS) {
      if (form.decodeOnly || (form.modes & modeBit(bits))) continue;
      const ins = instance(g, form, bits, b.address(bits));
      if (ins) b.add(bits, ins, 'form', form);
    }
    for (const c of errorCases(bits, b.address(bits))) {
      const [mnemonic, operands, extra] = c;
      b.add(bits, { mnemonic, operands, ...extra }, 'case');
    }
  }
  cachedErrors = b.items;
  return cachedErrors;
}
