// The encoder: picks a form from the instruction table for an Instruction and writes its
// bytes. Among the forms that accept the operands it takes the shortest encoding, ties going
// to the earlier row, which is how NASM's optimiser behaves (83 /0 ib before 05 id before
// 81 /0 id; mov r64,imm32 as mov r32,imm32; jmp rel8 when the target is in reach).
//
// NASM 2.16 is the reference: encode.oracle.test.ts assembles the corpus of corpus.ts with
// `nasm -f bin` and compares every instruction's bytes; the few deliberate differences are
// listed with their reasons in encode-differences.ts. Where the operands leave the operand
// size open, the mode's default is meant for instructions that have one (jmp/call [x],
// push imm, ret), and an unsized memory operand is an error elsewhere (push [x], inc [x]).
import { FORMS_BY_MNEMONIC } from './table/index.ts';
import { kindSize, modeBit, type Form, type OpKind } from './spec.ts';
import { addressSizeOf, encodeMemory, toSigned, defaultAddressSize, type MemEncoding } from './modrm.ts';
import { type Register } from './registers.ts';
import {
  EncodeError, type Bits, type EncodeContext, type Instruction, type MemOperand, type Operand,
} from './types.ts';

const SEGMENT_PREFIX: Record<string, number> = { es: 0x26, cs: 0x2e, ss: 0x36, ds: 0x3e, fs: 0x64, gs: 0x65 };
const REP_PREFIX = { rep: 0xf3, repe: 0xf3, repne: 0xf2 } as const;
const MAP_ESCAPE: readonly (readonly number[])[] = [[], [0x0f], [0x0f, 0x38], [0x0f, 0x3a]];

/** How well an operand fits a kind: exactly, only by truncating a value (NASM warns), or not. */
const enum Fit { No, Lossy, Exact }

const BRANCHES_WITH_DEFAULT_SIZE = new Set(['call', 'jmp']);
/** Instructions whose sign-extended 32-bit immediate NASM also accepts as `dword`. */
const S32_DWORD = new Set(['push', 'imul']);

/** Mnemonics with forms of one operand size only (cbw, movsq, retfq ...): the name says it. */
const SINGLE_SIZE: ReadonlySet<string> = (() => {
  const sizes = new Map<string, Set<number>>();
  // (SSE forms do not count: movsd the string move is o32 whatever the SSE movsd is.)
  for (const [name, forms] of FORMS_BY_MNEMONIC) sizes.set(name, new Set(forms.filter((f) => !isSse(f)).map((f) => f.osize)));
  return new Set([...sizes].filter(([, s]) => s.size === 1).map(([name]) => name));
})();

const SSE_PREDICATES = ['eq', 'lt', 'le', 'unord', 'neq', 'nlt', 'nle', 'ord'];
const SSE_COMPARE = /^cmp(eq|lt|le|unord|neq|nlt|nle|ord)(ps|pd|ss|sd)$/;

/** A form with an XMM operand. */
function isSse(form: Form): boolean {
  return form.ops.some((k) => k === 'x' || k === 'Rx' || k.startsWith('rmx'));
}

function defaultOsize(form: Form, bits: Bits): number {
  // (NASM's `jmp far [x]` in 64-bit code is the m16:64 form.)
  if (bits === 64) return form.default64 || isFarMemory(form) ? 8 : 4;
  return bits === 16 ? 2 : 4;
}

/** jmp far [x] / call far [x]. */
function isFarMemory(form: Form): boolean {
  return form.opcode === 0xff && form.map === 0 && form.ops.some((k) => k === 'm32' || k === 'm48' || k === 'm80');
}

function fitsSigned(v: bigint, bytes: number): boolean {
  const lim = 1n << BigInt(bytes * 8 - 1);
  return v >= -lim && v < lim;
}
function fitsEither(v: bigint, bytes: number): boolean {
  return v >= -(1n << BigInt(bytes * 8 - 1)) && v < (1n << BigInt(bytes * 8));
}

const REG_KIND_CLASS: Partial<Record<OpKind, string>> = {
  r8: 'gpr8', r16: 'gpr16', r32: 'gpr32', r64: 'gpr64',
  o8: 'gpr8', o16: 'gpr16', o32: 'gpr32', o64: 'gpr64',
  R8: 'gpr8', R16: 'gpr16', R32: 'gpr32', R64: 'gpr64',
  rm8: 'gpr8', rm16: 'gpr16', rm32: 'gpr32', rm64: 'gpr64',
  sreg: 'seg', cr: 'cr', dr: 'dr',
  x: 'xmm', Rx: 'xmm', rmx128: 'xmm', rmx64: 'xmm', rmx32: 'xmm',
};
const FIXED_REG: Partial<Record<OpKind, string>> = {
  al: 'al', ax: 'ax', eax: 'eax', rax: 'rax', cl: 'cl', dx: 'dx',
  es: 'es', cs: 'cs', ss: 'ss', ds: 'ds', fs: 'fs', gs: 'gs',
};

function regFits(r: Register, kind: OpKind): boolean {
  const fixed = FIXED_REG[kind];
  if (fixed) return r.name === fixed;
  const cls = REG_KIND_CLASS[kind];
  if (!cls) return false;
  return r.cls === cls || (cls === 'gpr8' && r.cls === 'gpr8hi');
}

function isMemKind(k: OpKind): boolean {
  return k.startsWith('rm') || (k.startsWith('m') && !k.startsWith('moffs'));
}

interface Match {
  form: Form;
  fit: Fit;
  /** True when an operand fixes the operand size (register, sized memory or immediate). */
  sizePinned: boolean;
  /** Size the unsized memory operand took from this form (0 = none involved). */
  unsizedMemSize: number;
}

function matchOperand(op: Operand, kind: OpKind, form: Form, m: Match): Fit {
  switch (op.kind) {
    case 'reg': {
      if (!regFits(op.reg, kind)) return Fit.No;
      if (REG_KIND_CLASS[kind]?.startsWith('gpr') || kind in FIXED_REG) m.sizePinned = true;
      return Fit.Exact;
    }
    case 'mem': {
      if (!isMemKind(kind)) return moffsFit(op, kind, m);
      // [qword 0x1000]: a 64-bit absolute address exists only in the moffs forms.
      if (op.dispSize === 8 && !op.base && !op.index) return Fit.No;
      const size = kindSize(kind);
      if (kind === 'm' || kind === 'mdesc') return Fit.Exact;
      if (op.size !== undefined) {
        if (op.size !== size) return Fit.No;
        m.sizePinned = true;
        return Fit.Exact;
      }
      m.unsizedMemSize = size;
      return Fit.Exact;
    }
    case 'imm': return immFit(op.value, op.known !== false, op.size, op.strict === true, kind, form, m);
    case 'rel': {
      if (kind !== 'rel8' && kind !== 'rel16' && kind !== 'rel32') return Fit.No;
      // `jmp word x`: the size is the operand size, which only jmp and call let one choose.
      // A size written on the target asks for the near form (`jmp word x` is E9 even in reach
      // of EB), and only jmp and call take one (`jz word x`: mismatch in operand sizes).
      if (op.size !== undefined) {
        if (kind === 'rel8' || !BRANCHES_WITH_DEFAULT_SIZE.has(form.mnemonic)) return Fit.No;
        if (form.osize !== op.size) return Fit.No;
        m.sizePinned = true;
      }
      if (kind === 'rel8') {
        if (op.dist === 'near') return Fit.No;
        return Fit.Exact; // reach is checked once the length is known
      }
      if (op.dist === 'short') return Fit.No;
      return Fit.Exact;
    }
    case 'far': {
      if (kind !== 'ptr16' && kind !== 'ptr32') return Fit.No;
      if (op.size !== undefined) {
        if ((kind === 'ptr16' ? 2 : 4) !== op.size) return Fit.No;
        m.sizePinned = true;
      }
      return Fit.Exact;
    }
  }
}

function moffsFit(op: MemOperand, kind: OpKind, m: Match): Fit {
  if (!kind.startsWith('moffs')) return Fit.No;
  if (op.base || op.index || op.rel) return Fit.No;
  const size = kindSize(kind);
  if (op.size !== undefined) {
    if (op.size !== size) return Fit.No;
    m.sizePinned = true;
  }
  return Fit.Exact;
}

function immFit(v: bigint, known: boolean, size: number | undefined, strict: boolean, kind: OpKind, form: Form, m: Match): Fit {
  const osize = form.osize || 0;
  const width = kind === 'i8' || kind === 's8' ? 1 : kind === 'i16' ? 2 : kind === 'i64' ? 8 : kind === 'one' ? 0 : 4;
  if (kind === 'one') return known && v === 1n && size === undefined ? Fit.Exact : Fit.No;
  if (!['i8', 'i16', 'i32', 'i64', 's8', 's32', 'u32'].includes(kind)) return Fit.No;
  if (size !== undefined) {
    // `byte 5` asks for the byte form; `dword 5` names the operand size (NASM still shrinks unless strict).
    // In 64-bit code `push dword 5` is the same as `push qword 5`.
    if (form.mnemonic === 'push' && osize === 8 && size === 4) size = 8;
    // A sign-extended dword is named by the operand size (`add rax, strict qword 5`); imul and
    // push take `dword` as well, mov only `dword` (its `qword` is the 64-bit immediate).
    const named = kind !== 's32' ? [width] : form.mnemonic === 'mov' ? [4] : S32_DWORD.has(form.mnemonic) ? [4, 8] : [8];
    if (!named.includes(size) && (strict || size !== osize)) return Fit.No;
    m.sizePinned = true;
  }
  if (kind === 's8') {
    if (size === 1) return known && !fitsSigned(toSigned(v, osize || 1), 1) ? Fit.Lossy : Fit.Exact;
    if (!known) return Fit.No;
    if (fitsSigned(toSigned(v, osize || 8), 1)) return Fit.Exact;
    // A 64-bit operation takes a sign-extended dword: NASM cuts 0xffffffff to that dword (-1,
    // with a warning) and then finds that it fits the byte form too.
    if (osize === 8 && v >= 0n && v <= 0xffffffffn && fitsSigned(toSigned(v, 4), 1)) return Fit.Lossy;
    return Fit.No;
  }
  if (kind === 'u32') {
    if (strict || !known) return Fit.No;
    return v >= 0n && v <= 0xffffffffn ? Fit.Exact : Fit.No;
  }
  if (kind === 's32') {
    if (!known) return Fit.Exact;
    return fitsSigned(toSigned(v, 8), 4) ? Fit.Exact : Fit.Lossy;
  }
  if (!known) return Fit.Exact;
  return fitsEither(v, width) ? Fit.Exact : Fit.Lossy;
}

function matchForm(ins: Instruction, form: Form, bits: Bits, anyMode = false): Match | undefined {
  if (!anyMode && !(form.modes & modeBit(bits))) return undefined;
  const ops = ins.operands;
  if (ops.length !== form.ops.length) return undefined;
  const m: Match = { form, fit: Fit.Exact, sizePinned: false, unsizedMemSize: 0 };
  for (let i = 0; i < ops.length; i++) {
    const fit = matchOperand(ops[i], form.ops[i], form, m);
    if (fit === Fit.No) return undefined;
    if (fit < m.fit) m.fit = fit;
  }
  // Far memory operands need `far`; near ones must not have it.
  if (BRANCHES_WITH_DEFAULT_SIZE.has(form.mnemonic) && isFarMemory(form) !== !!ins.far) return undefined;
  if (ins.opsizeOverride && form.osize && ins.opsizeOverride !== form.osize) return undefined;
  // With nothing to say which operand size is meant, the mode's default size is meant: for
  // jmp/call [mem] too, but other unsized memory operands stay ambiguous (push [x] is an error).
  if (form.osize && !m.sizePinned && !ins.opsizeOverride && !isMnemonicSized(form) && form.osize !== defaultOsize(form, bits)
    && !(m.unsizedMemSize && !BRANCHES_WITH_DEFAULT_SIZE.has(form.mnemonic))) return undefined;
  return m;
}

/**
 * Why no form takes the operands, in NASM's words and by NASM's ranking: a form that fits
 * in another mode ("instruction not supported in 64-bit mode": push es, jmp 0x08:x in
 * 64-bit code), then a form that fits but for a size written on a memory operand, an
 * immediate or a far pointer that disagrees with the form's operand size ("mismatch in
 * operand sizes": mov eax, word [ebx]; add byte [ebx], ax; mov al, word 5), else "invalid
 * combination of opcode and operands" (mov ax, bl; push byte [ebx]; movzx eax, dword [ebx]).
 */
function noMatchError(ins: Instruction, forms: readonly Form[], bits: Bits): EncodeError {
  const usesLongModeRegister = ins.operands.some((o) => o.kind === 'reg' && (o.reg.needsRex || o.reg.cls === 'gpr64'));
  if (forms.every((f) => !(f.modes & modeBit(bits))) || (bits !== 64 && usesLongModeRegister)
    || forms.some((f) => matchForm(ins, f, bits, true))) {
    return new EncodeError(`instruction not supported in ${bits}-bit mode`);
  }
  const sized = ins.operands.map((o) => o.kind !== 'reg' && o.size !== undefined);
  if (sized.some((x) => x)) {
    const relaxed: Instruction = {
      ...ins,
      operands: ins.operands.map((o) => {
        if (o.kind === 'reg' || o.size === undefined) return o;
        const { size: _size, ...rest } = o as typeof o & { size?: unknown };
        void _size;
        return rest as Operand;
      }),
    };
    for (const f of forms) {
      if (!matchForm(relaxed, f, bits, true)) continue;
      // NASM's templates name the size of a lone memory operand (push rm16, push rm32) and of
      // a widening source (movzx r32, rm8): another size there is simply no match.
      const counts = ins.operands.some((o, i) => sized[i] && (o.kind !== 'mem' || sizeTiedMemory(f, i)));
      if (counts) return new EncodeError('mismatch in operand sizes');
    }
  }
  return new EncodeError('invalid combination of opcode and operands');
}

/** The memory operand `i` of `form` has the size of the form's other register/memory operands. */
function sizeTiedMemory(form: Form, i: number): boolean {
  if (form.ops.length < 2) return false;
  const own = kindSize(form.ops[i]);
  return form.ops.every((k, j) => j === i || IMMEDIATE_KIND_BYTES[k] !== undefined || kindSize(k) === 0 || kindSize(k) === own);
}

/** Forms whose operand size is spelled in the mnemonic (cbw, movsq, iretd, pushfw ...). */
function isMnemonicSized(form: Form): boolean {
  return SINGLE_SIZE.has(form.mnemonic);
}

/** Bytes of immediate data a form carries (its branch displacement not counted). */
function immediateWidth(form: Form): number {
  let n = 0;
  for (const k of form.ops) n += IMMEDIATE_KIND_BYTES[k] ?? 0;
  return n;
}
const IMMEDIATE_KIND_BYTES: Partial<Record<OpKind, number>> = { i8: 1, s8: 1, i16: 2, i32: 4, s32: 4, u32: 4, i64: 8 };

/** Encodes one instruction. Throws EncodeError with NASM's style of message. */
export function encode(ins: Instruction, ctx: EncodeContext): Uint8Array {
  return encodeWithForm(ins, ctx).bytes;
}

/** As encode(), and says which table form was used (for coverage reports and tests). */
export function encodeWithForm(ins: Instruction, ctx: EncodeContext): { bytes: Uint8Array; form: Form } {
  const mnemonic = ins.mnemonic.toLowerCase();
  // NASM's shorthand `imul r, imm` is `imul r, r, imm`.
  if (mnemonic === 'imul' && ins.operands.length === 2 && ins.operands[0].kind === 'reg' && ins.operands[1].kind === 'imm') {
    ins = { ...ins, operands: [ins.operands[0], ins.operands[0], ins.operands[1]] };
  }
  // NASM's SSE compare pseudo-ops: cmpltps x, y is cmpps x, y, 1.
  const pseudo = SSE_COMPARE.exec(mnemonic);
  if (pseudo && ins.operands.length === 2) {
    ins = { ...ins, mnemonic: `cmp${pseudo[2]}`, operands: [...ins.operands, { kind: 'imm', value: BigInt(SSE_PREDICATES.indexOf(pseudo[1])) }] };
    return encodeWithForm(ins, ctx);
  }
  const forms = FORMS_BY_MNEMONIC.get(mnemonic);
  if (!forms) throw new EncodeError(`unknown instruction \`${ins.mnemonic}'`);
  // sil, r8b, r9w, r10d... outside 64-bit code (NASM's parser rejects them; rax, r8 in 32-bit
  // code are "instruction not supported" below).
  if (ctx.bits !== 64 && ins.operands.some((o) => o.kind === 'reg' && o.reg.needsRex && /^gpr(8|16|32)$/.test(o.reg.cls))) {
    throw new EncodeError('invalid operands in non-64-bit mode', true);
  }
  const matches: Match[] = [];
  for (const f of forms) {
    const m = matchForm(ins, f, ctx.bits);
    if (m) matches.push(m);
  }
  if (matches.length === 0) throw noMatchError(ins, forms, ctx.bits);
  // An unsized memory operand is fine only when every candidate agrees on its size.
  let memSizes = new Set(matches.map((m) => m.unsizedMemSize).filter((s) => s !== 0));
  let candidates = matches;
  // A sized immediate gives an unsized memory operand its size: `add [ebx], byte 5` is a byte
  // operation (not the sign-extended imm8 form of a word or dword one).
  const sizedImm = ins.operands.find((o) => o.kind === 'imm' && o.size !== undefined);
  const immSize = sizedImm?.kind === 'imm' ? sizedImm.size : undefined;
  if (memSizes.size > 1 && immSize !== undefined && memSizes.has(immSize)) {
    candidates = matches.filter((m) => m.unsizedMemSize === immSize);
    memSizes = new Set([immSize]);
  }
  if (memSizes.size > 1) {
    if (!BRANCHES_WITH_DEFAULT_SIZE.has(mnemonic)) throw new EncodeError('operation size not specified');
  }
  const exact = candidates.filter((m) => m.fit === Fit.Exact);
  if (exact.length > 0) candidates = exact;
  // A value not known yet (a label's address, a forward reference) may be anything: like
  // NASM, keep only the forms with the widest immediate for it (mov r64, label is B8+r imm64).
  if (ins.operands.some((o) => o.kind === 'imm' && o.known === false)) {
    const widest = Math.max(...candidates.map((m) => immediateWidth(m.form)));
    candidates = candidates.filter((m) => immediateWidth(m.form) === widest);
  }

  // The shortest encoding wins, ties going to the earlier form. An instruction that comes
  // from decode() carries its length: an encoding of that length wins then, so that
  // encode(decode(bytes)) gives back bytes that are not NASM's first choice too (the long
  // form of a jump that would reach short, a `strict` immediate, ...). Every candidate
  // encodes the same operation; only the length differs.
  const hint = (ins as { length?: unknown }).length;
  let best: Uint8Array | undefined;
  let bestForm: Form | undefined;
  let firstError: EncodeError | undefined;
  for (const m of candidates) {
    let bytes: Uint8Array;
    try {
      bytes = emit(ins, m.form, ctx);
    } catch (e) {
      if (e instanceof EncodeError) { firstError ??= e; continue; }
      throw e;
    }
    const better = !best || (best.length !== hint && (bytes.length === hint || bytes.length < best.length));
    if (better) { best = bytes; bestForm = m.form; }
  }
  if (!best || !bestForm) throw firstError ?? new EncodeError('invalid combination of opcode and operands');
  // NASM only warns about lock on an instruction that cannot take it, and writes the prefix.
  return { bytes: best, form: bestForm };
}

/** A small growable byte buffer; one per encode call. */
class Bytes {
  buf = new Uint8Array(16);
  n = 0;
  push(b: number): void { this.buf[this.n++] = b & 0xff; }
  int(v: bigint, bytes: number): void {
    let x = BigInt.asUintN(bytes * 8, v);
    for (let i = 0; i < bytes; i++) { this.push(Number(x & 0xffn)); x >>= 8n; }
  }
  result(): Uint8Array { return this.buf.slice(0, this.n); }
}

function immBytes(kind: OpKind): number {
  switch (kind) {
    case 'i8': case 's8': case 'rel8': return 1;
    case 'i16': case 'rel16': return 2;
    case 'i32': case 's32': case 'u32': case 'rel32': return 4;
    case 'i64': return 8;
    case 'ptr16': return 4;
    case 'ptr32': return 6;
    default: return 0;
  }
}

function emit(ins: Instruction, form: Form, ctx: EncodeContext): Uint8Array {
  const { bits } = ctx;
  const out = new Bytes();
  let regField = typeof form.modrm === 'number' ? form.modrm : 0;
  let rmReg: Register | undefined;
  let memOp: MemOperand | undefined;
  let memEnc: MemEncoding | undefined;
  let plusReg: Register | undefined;
  let rexR = 0;
  let rexB = 0;
  let needsRex = false;
  let forbidsRex = false;

  const note = (r: Register) => {
    if (r.needsRex && !(bits !== 64 && r.cls === 'cr')) needsRex = true;
    if (r.cls === 'gpr8hi') forbidsRex = true;
  };

  ins.operands.forEach((op, i) => {
    const kind = form.ops[i];
    if (op.kind === 'reg') {
      if (kind === 'r8' || kind === 'r16' || kind === 'r32' || kind === 'r64' || kind === 'x' || kind === 'sreg' || kind === 'cr' || kind === 'dr') {
        regField = op.reg.num & 7;
        rexR = op.reg.num >> 3;
        if (kind !== 'sreg') note(op.reg);
      } else if (kind.startsWith('rm') || kind.startsWith('R')) {
        rmReg = op.reg;
        rexB = op.reg.num >> 3;
        note(op.reg);
      } else if (kind.startsWith('o')) {
        plusReg = op.reg;
        rexB = op.reg.num >> 3;
        note(op.reg);
      }
    } else if (op.kind === 'mem' && !kind.startsWith('moffs')) {
      memOp = op;
      memEnc = encodeMemory(op, bits, ctx.defaultRel === true);
      if (memEnc.needsRex) needsRex = true;
    }
  });
  // Outside 64-bit mode cr8 is reached with a lock prefix instead of REX.R (AMD's
  // alternative encoding, which NASM uses); dr8-dr15 do not exist there.
  let lockForCr8 = false;
  if ((form.ops.includes('cr') || form.ops.includes('dr')) && rexR && bits !== 64) {
    if (form.ops.includes('dr') || ins.lock) throw new EncodeError('invalid combination of opcode and operands');
    lockForCr8 = true;
    rexR = 0;
  }

  // Operand size prefix / REX.W.
  let opsizePrefix = false;
  let rexW = 0;
  if (form.osize) {
    const natural = bits === 16 ? 2 : 4;
    if (form.osize === 8) {
      if (!form.default64) rexW = 1;
    } else if (form.osize !== natural) {
      opsizePrefix = true;
    }
  }
  if (ins.opsizeOverride && !form.osize) {
    const natural = bits === 16 ? 2 : 4;
    if (ins.opsizeOverride === 8) rexW = 1;
    else if (ins.opsizeOverride !== natural) opsizePrefix = true;
  }

  // Address size: from the memory operand, a jcxz-style form, or an explicit a16/a32/a64.
  let asize: number = defaultAddressSize(bits);
  const moffs = ins.operands.find((o, i) => o.kind === 'mem' && form.ops[i].startsWith('moffs')) as MemOperand | undefined;
  if (memEnc) asize = memEnc.asize;
  else if (moffs) asize = addressSizeOf(moffs, bits);
  else if (form.asize) asize = form.asize;
  if (ins.addrsizeOverride) {
    if ((memEnc || moffs) && ins.addrsizeOverride !== asize) throw new EncodeError('impossible combination of address sizes');
    asize = ins.addrsizeOverride;
  }
  if (bits === 64 && asize === 2) throw new EncodeError('invalid address size in 64-bit mode');
  if (bits !== 64 && asize === 8) throw new EncodeError('invalid address size');
  const addrPrefix = asize !== defaultAddressSize(bits);

  const rexX = memEnc?.rexX ?? 0;
  if (memEnc) rexB = memEnc.rexB;
  const rex = (rexW << 3) | (rexR << 2) | (rexX << 1) | rexB;
  const useRex = bits === 64 && (rex !== 0 || needsRex);
  if ((rex !== 0 || needsRex) && bits !== 64) throw new EncodeError('instruction not supported in ' + bits + '-bit mode');
  if (useRex && forbidsRex) throw new EncodeError('cannot use high register in rex instruction');

  // Prefixes, in the order NASM writes them.
  if (ins.lock || lockForCr8) out.push(0xf0);
  if (ins.rep) out.push(REP_PREFIX[ins.rep]);
  const explicitSeg = memOp?.seg ?? moffs?.seg;
  if (explicitSeg && ins.segmentPrefix && explicitSeg !== ins.segmentPrefix) throw new EncodeError('conflicting segment overrides');
  const seg = explicitSeg ?? ins.segmentPrefix;
  if (seg) out.push(SEGMENT_PREFIX[seg.name]);
  if (opsizePrefix) out.push(0x66);
  if (addrPrefix) out.push(0x67);
  if (form.mandatory) out.push(form.mandatory);
  if (useRex) out.push(0x40 | rex);

  // In 64-bit mode 90 is a true no-op: xchg eax,eax must clear the upper halves, so it takes 87 C0.
  if (form.opcode === 0x90 && form.map === 0 && plusReg?.num === 0 && form.osize === 4 && bits === 64) {
    throw new EncodeError('xchg eax,eax has no short form in 64-bit mode');
  }
  for (const b of MAP_ESCAPE[form.map]) out.push(b);
  out.push(form.opcode + (plusReg ? plusReg.num & 7 : 0));

  let dispAt = -1;
  if (form.modrmByte !== undefined) {
    out.push(form.modrmByte);
  } else if (form.modrm !== undefined) {
    if (memEnc) {
      out.push((memEnc.mod << 6) | (regField << 3) | memEnc.rm);
      if (memEnc.sib >= 0) out.push(memEnc.sib);
      dispAt = out.n;
      out.int(memEnc.ripRelative ? 0n : memEnc.disp, memEnc.dispBytes);
    } else if (rmReg) {
      out.push(0xc0 | (regField << 3) | (rmReg.num & 7));
    } else {
      throw new EncodeError('invalid combination of opcode and operands');
    }
  }

  // Immediates, branch displacements, far pointers and direct memory offsets.
  let relAt = -1;
  let relBytes = 0;
  let relTarget = 0n;
  let relKnown = true;
  ins.operands.forEach((op, i) => {
    const kind = form.ops[i];
    if (op.kind === 'imm' && kind !== 'one') {
      out.int(op.value, immBytes(kind));
    } else if (op.kind === 'rel') {
      relAt = out.n;
      relBytes = immBytes(kind);
      relTarget = op.target;
      relKnown = op.known !== false;
      out.int(0n, relBytes);
    } else if (op.kind === 'far') {
      out.int(op.offset, kind === 'ptr16' ? 2 : 4);
      out.int(BigInt(op.selector), 2);
    } else if (op.kind === 'mem' && kind.startsWith('moffs')) {
      out.int(op.disp, asize);
    }
  });

  const end = ctx.address + BigInt(out.n);
  if (relAt >= 0) {
    let d = relTarget - end;
    if (relBytes === 2) d = toSigned(d, 2);
    // Out of reach: this candidate fails, and a longer form (if the instruction has one) wins.
    if (relBytes === 1 && relKnown && !fitsSigned(d, 1)) throw new EncodeError('short jump is out of range');
    if (relKnown) writeAt(out, relAt, d, relBytes);
  }
  if (memEnc?.ripRelative && dispAt >= 0) {
    const d = memEnc.disp - end;
    if (memOp?.dispKnown !== false) writeAt(out, dispAt, d, 4);
  }
  return out.result();
}

function writeAt(out: Bytes, at: number, v: bigint, bytes: number): void {
  let x = BigInt.asUintN(bytes * 8, v);
  for (let i = 0; i < bytes; i++) { out.buf[at + i] = Number(x & 0xffn); x >>= 8n; }
}
