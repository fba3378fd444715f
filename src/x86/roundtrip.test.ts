// The decoder reads back what the encoder writes, for every instruction of the corpus
// (corpus.ts): decode(encode(x)) has the same length and, after the canonicalisation below,
// prints the same as x; and encode(decode(bytes)) gives the same bytes again.
//
// Canonicalisation: a corpus instruction is written the way a programmer writes it, the
// decoder's output the way the bytes say it. Both are brought to one spelling first:
//   - aliases take the table's first name: jz -> je, setnae -> setb, cmovpe -> cmovp,
//     loopz -> loope, xlat -> xlatb, retn -> ret, icebp -> int1, sal -> shl;
//     `aam`/`aad` -> `aam 0xa`/`aad 0xa`; `imul r, imm` -> `imul r, r, imm`;
//     `xchg ax, ax` (16-bit) / `xchg eax, eax` (32-bit) -> `nop`, which are the same byte;
//   - operand order of the commutative or reversible forms: `test r, x` -> `test x, r`;
//     `xchg r, [m]` -> `xchg [m], r`; `xchg acc, r` -> `xchg r, acc`;
//   - registers NASM writes but the bytes do not show: `mov r64, imm32` (zero-extended) ->
//     `mov r32, imm32`; `mov r64, sreg` -> `mov r32, sreg`; `mov sreg, r` -> the register of
//     the mode's size; `sldt r64` -> `sldt r32`; the selector register of lar/lsl -> 16-bit;
//   - sizes: every memory operand gets the size of the form the encoder chose; an immediate
//     or branch target alone in its instruction moves its size to o16/o32/o64 (`push word 5`
//     == `o16 push 5`; `push dword 5` in 64-bit code is `push 5`); far pointers get their
//     size spelled out; `strict`, `short`, `near`, immediate sizes and displacement sizes are
//     dropped (the bytes check covers them);
//   - operand sizes a sized mnemonic spells become o16/o32/o64 (`pushfw` -> `o16 pushf`,
//     `retfq` -> `o64 retf`), and o16/o32/o64 go where an operand already shows the size;
//   - numbers: immediates modulo the operand size, branch targets modulo the IP size,
//     displacements signed at the address size (absolute addresses unsigned);
//   - memory: [r*1] -> [r], [r*2] -> [r+r], [si+bx] -> [bx+si], esp as index swapped into
//     the base, the address size dropped where a register shows it.
// Left out: forms the decoder deliberately does not read (salc, which objdump calls (bad)).
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, type CorpusItem } from './corpus.ts';
import { decode } from './decode.ts';
import { encode, encodeWithForm } from './encode.ts';
import { formatInstruction } from './format.ts';
import { kindSize, modeBit, type Form } from './spec.ts';
import { regsByClass, type Register } from './registers.ts';
import { CONDITIONS } from './table/conditions.ts';
import { FORMS } from './table/index.ts';
import type { Bits, Instruction, MemOperand, Operand, OpSize } from './types.ts';

const ALIASES = new Map<string, string>([
  ['loopz', 'loope'], ['loopnz', 'loopne'], ['xlat', 'xlatb'], ['retn', 'ret'], ['icebp', 'int1'], ['sal', 'shl'],
]);
for (const names of CONDITIONS) {
  for (const n of names.slice(1)) {
    ALIASES.set(`j${n}`, `j${names[0]}`);
    ALIASES.set(`set${n}`, `set${names[0]}`);
    ALIASES.set(`cmov${n}`, `cmov${names[0]}`);
  }
}

function defaultOsize(bits: Bits, mnemonic: string): number {
  if (bits === 16) return 2;
  if (bits === 32) return 4;
  return /^(push|pop|jmp|call|ret|retn|pushf|popf)$/.test(mnemonic) ? 8 : 4;
}

/** pushfw/pushfd/pushfq... of the mode's default size are plain pushf... */
const SIZED_NAMES: ReadonlyMap<string, readonly [string, number]> = new Map([
  ['pushaw', ['pusha', 2]], ['pushad', ['pusha', 4]], ['popaw', ['popa', 2]], ['popad', ['popa', 4]],
  ['pushfw', ['pushf', 2]], ['pushfd', ['pushf', 4]], ['pushfq', ['pushf', 8]],
  ['popfw', ['popf', 2]], ['popfd', ['popf', 4]], ['popfq', ['popf', 8]],
  ['iretw', ['iret', 2]], ['iretd', ['iret', 4]], ['iretq', ['iret', 8]], ['retfq', ['retf', 8]],
] as const);

/** The immediate at `i` changes width with the operand size (iz/iv rows: add r, imm; mov r, imm). */
function immediateFollowsOsize(form: Form, i: number): boolean {
  return FORMS.some((f) => f.mnemonic === form.mnemonic && f.map === form.map && f.opcode === form.opcode
    && f.ops.length === form.ops.length && f.osize !== form.osize && f.ops[i] !== form.ops[i]);
}

/** Mnemonics of one operand size only: an o16/o32/o64 on them says nothing. */
const SINGLE_SIZE: ReadonlySet<string> = (() => {
  const sizes = new Map<string, Set<number>>();
  for (const f of FORMS) {
    if (!sizes.has(f.mnemonic)) sizes.set(f.mnemonic, new Set());
    sizes.get(f.mnemonic)!.add(f.osize);
  }
  return new Set([...sizes].filter(([, s]) => s.size === 1).map(([m]) => m));
})();

function gprOf(size: number, num: number): Register {
  return regsByClass[size === 1 ? 'gpr8' : size === 2 ? 'gpr16' : size === 4 ? 'gpr32' : 'gpr64'][num];
}

function canonicalMemory(m: MemOperand, bits: Bits, size: number | undefined): MemOperand {
  let base = m.base;
  let index = m.index;
  let scale = m.scale;
  const asize = m.addrSize ?? (base && base.cls !== 'ip' ? base.size : index?.size) ?? (bits === 16 ? 2 : bits === 32 ? 4 : 8);
  if (asize === 2) {
    if (base && index && (base.name === 'si' || base.name === 'di')) [base, index] = [index, base];
  } else if (!m.rel) {
    if (!base && index && scale === 1) { base = index; index = undefined; }
    if (!base && index && scale === 2 && index.num !== 4) { base = index; scale = 1; }
    if (index && index.num === 4 && scale === 1) [base, index] = [index, base];
  }
  const noRegs = !base && !index;
  const disp = noRegs ? BigInt.asUintN(asize * 8, m.disp) : BigInt.asIntN(asize * 8, m.disp);
  const out: { -readonly [K in keyof MemOperand]: MemOperand[K] } = { kind: 'mem', scale: index ? scale : 1, disp };
  if (base) out.base = base;
  if (index) out.index = index;
  if (m.seg) out.seg = m.seg;
  if (m.rel) out.rel = true;
  if (size) out.size = size as OpSize;
  if (noRegs && !m.rel && m.addrSize !== undefined && m.addrSize !== (bits === 16 ? 2 : bits === 32 ? 4 : 8)) out.addrSize = m.addrSize;
  if (m.dispSize === 8) out.dispSize = 8;
  return out;
}

/** The canonical spelling of `ins` (see the comment at the top); `form` gives the memory sizes. */
function canonical(ins: Instruction, bits: Bits, form: Form | undefined): Instruction {
  let mnemonic = ALIASES.get(ins.mnemonic) ?? ins.mnemonic;
  let ops = [...ins.operands];
  let opsize = ins.opsizeOverride;
  const generic = SIZED_NAMES.get(mnemonic);
  const fromName = generic !== undefined;
  if (generic) {
    mnemonic = generic[0];
    opsize = generic[1] as 2 | 4 | 8;
  }
  if (mnemonic === 'imul' && ops.length === 2 && ops[1].kind === 'imm') ops = [ops[0], ops[0], ops[1]];
  if ((mnemonic === 'aam' || mnemonic === 'aad') && ops.length === 0) ops = [{ kind: 'imm', value: 10n }];

  // Sizes from the form, before operands move.
  ops = ops.map((o, i) => (o.kind === 'mem' && form && form.ops[i] && !form.ops[i].startsWith('moffs') && kindSize(form.ops[i])
    ? { ...o, size: kindSize(form.ops[i]) as OpSize } : o));

  const isReg = (o: Operand | undefined): o is Extract<Operand, { kind: 'reg' }> => o?.kind === 'reg';
  if (mnemonic === 'test' && ops.length === 2 && isReg(ops[0]) && ops[1].kind === 'mem') ops = [ops[1], ops[0]];
  if (mnemonic === 'xchg' && ops.length === 2) {
    if (isReg(ops[0]) && ops[1].kind === 'mem') ops = [ops[1], ops[0]];
    else if (isReg(ops[0]) && isReg(ops[1]) && ops[0].reg.num === 0 && ops[0].reg.size > 1 && ops[1].reg.num !== 0) ops = [ops[1], ops[0]];
    if (isReg(ops[0]) && isReg(ops[1]) && ops[0].reg.num === 0 && ops[1].reg.num === 0 && ops[0].reg.size === defaultOsize(bits, 'xchg') && bits !== 64) {
      mnemonic = 'nop';
      ops = [];
    }
  }
  if (mnemonic === 'mov' && ops.length === 2 && isReg(ops[0])) {
    const [d, src] = ops;
    if (d.reg.cls === 'gpr64' && src.kind === 'imm' && !src.strict && src.value >= 0n && src.value <= 0xffffffffn) {
      ops = [{ kind: 'reg', reg: gprOf(4, d.reg.num) }, src];
    }
    if (d.reg.cls === 'gpr64' && isReg(src) && src.reg.cls === 'seg') ops = [{ kind: 'reg', reg: gprOf(4, d.reg.num) }, src];
    if (d.reg.cls === 'seg' && isReg(src) && src.reg.cls !== 'seg') ops = [d, { kind: 'reg', reg: gprOf(bits === 16 ? 2 : 4, src.reg.num) }];
  }
  if (mnemonic === 'sldt' && isReg(ops[0]) && ops[0].reg.cls === 'gpr64') ops = [{ kind: 'reg', reg: gprOf(4, ops[0].reg.num) }];
  // lar/lsl read a selector: any register names the same 16 bits.
  if ((mnemonic === 'lar' || mnemonic === 'lsl') && isReg(ops[1])) ops = [ops[0], { kind: 'reg', reg: gprOf(2, ops[1].reg.num) }];

  // The operand size as far as the operands show it.
  const sized = ops.find((o) => (o.kind === 'reg' && o.reg.cls.startsWith('gpr')) || (o.kind === 'mem' && o.size));
  const width = sized ? (sized.kind === 'reg' ? sized.reg.size : (sized as MemOperand).size!) : undefined;
  const alone = ops.length > 0 && ops.every((o) => o.kind === 'imm' || o.kind === 'rel');
  ops = ops.map((o, i): Operand => {
    switch (o.kind) {
      case 'imm': {
        // (`push dword x` in 64-bit code is `push qword x`.)
        const size = mnemonic === 'push' && bits === 64 && o.size === 4 ? 8 : o.size;
        if (alone && size && size !== 1 && ops.length === 1 && size !== defaultOsize(bits, mnemonic)) opsize ??= size as 2 | 4 | 8;
        // Fixed-width immediates (ret i16, enter, int) wrap at their width, the others at the operand size.
        const kind = form?.ops[i];
        const fixed = form && kind && /^(i8|i16|i32|i64|u32)$/.test(kind) && !immediateFollowsOsize(form, i) ? kindSize(kind) : 0;
        const w = fixed || (width ?? (alone && ops.length === 1 ? (opsize ?? defaultOsize(bits, mnemonic)) : 8));
        return { kind: 'imm', value: BigInt.asUintN(Math.min(w, 8) * 8, o.value) };
      }
      case 'rel': {
        if (o.size && o.size !== defaultOsize(bits, mnemonic)) opsize ??= o.size;
        const ip = (opsize ?? defaultOsize(bits, mnemonic)) === 2 ? 16 : bits === 64 ? 64 : 32;
        return { kind: 'rel', target: BigInt.asUintN(ip, o.target) };
      }
      case 'far': return { kind: 'far', selector: o.selector, offset: o.offset, size: o.size ?? (opsize ?? (bits === 16 ? 2 : 4)) as OpSize };
      case 'mem': return canonicalMemory(o, bits, o.size);
      case 'reg': return o;
    }
  });
  const out: { -readonly [K in keyof Instruction]: Instruction[K] } = { mnemonic, operands: ops };
  if (ins.lock) out.lock = true;
  if (ins.rep) out.rep = ins.rep;
  if (ins.far) out.far = true;
  if (ins.segmentPrefix) out.segmentPrefix = ins.segmentPrefix;
  // o16/o32/o64 only where nothing else says the size (push imm, jmp rel, push fs, sysret).
  const shown = ops.some((o) => (o.kind === 'reg' && o.reg.cls.startsWith('gpr')) || o.kind === 'mem' || o.kind === 'far');
  if (opsize !== undefined && opsize !== defaultOsize(bits, mnemonic) && !shown && (fromName || !SINGLE_SIZE.has(mnemonic))) out.opsizeOverride = opsize;
  if (ins.addrsizeOverride !== undefined && ins.addrsizeOverride !== (bits === 16 ? 2 : bits === 32 ? 4 : 8)) out.addrsizeOverride = ins.addrsizeOverride;
  return out;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

interface Failure { item: CorpusItem; what: string }

/**
 * Forms the decoder deliberately does not read (salc: objdump calls D6 (bad), and so does
 * our decoder): encode-only, and no decodable form shares their opcode.
 */
function undecodable(form: Form): boolean {
  return form.encodeOnly && !FORMS.some((f) => !f.encodeOnly && f.map === form.map && f.opcode === form.opcode && f.mandatory === form.mandatory);
}

function check(item: CorpusItem): Failure[] {
  const ctx = { bits: item.bits, address: item.address };
  const { bytes, form } = encodeWithForm(item.ins, ctx);
  if (undecodable(form)) return [];
  const back = decode(bytes, 0, { bits: item.bits, address: item.address });
  const failures: Failure[] = [];
  if (back.invalid || back.unsupported || back.length !== bytes.length) {
    failures.push({ item, what: `${hex(bytes)} decodes as ${back.invalid ? '(bad)' : formatInstruction(back)} of length ${back.length}` });
    return failures;
  }
  const want = formatInstruction(canonical(item.ins, item.bits, form), { bits: item.bits, address: item.address });
  let backForm: Form | undefined;
  let again: Uint8Array | undefined;
  try {
    const r = encodeWithForm(back, ctx);
    backForm = r.form;
    again = r.bytes;
  } catch (e) {
    failures.push({ item, what: `encode(decode(${hex(bytes)})) = ${formatInstruction(back)}: ${(e as Error).message}` });
  }
  const got = formatInstruction(canonical(back, item.bits, backForm), { bits: item.bits, address: item.address });
  if (got !== want) failures.push({ item, what: `${hex(bytes)} decodes as "${got}", want "${want}"` });
  if (again && hex(again) !== hex(bytes)) failures.push({ item, what: `encode(decode(${hex(bytes)})) = ${hex(again)} (${formatInstruction(back)})` });
  return failures;
}

describe('decode(encode(x)) round trip over the corpus', () => {
  const items = corpus();
  it('has at least 5,000 instructions, in every mode', () => {
    expect(items.length).toBeGreaterThanOrEqual(5000);
    for (const bits of [16, 32, 64] as const) expect(items.filter((i) => i.bits === bits).length).toBeGreaterThan(1000);
  });
  it('covers every form the encoder may pick, in every mode where it is valid', () => {
    const used = new Set<string>();
    for (const item of items) used.add(`${encodeWithForm(item.ins, { bits: item.bits, address: item.address }).form.index}/${item.bits}`);
    const missing: string[] = [];
    for (const f of FORMS) {
      for (const bits of [16, 32, 64] as const) {
        if (f.decodeOnly || !(f.modes & modeBit(bits)) || used.has(`${f.index}/${bits}`)) continue;
        // NASM has no way to write a conditional branch (or xbegin) of the other operand size:
        // `jz word x` in 32-bit code is an error, `o16 jz` keeps the 32-bit displacement.
        const def = bits === 16 ? 2 : bits === 32 ? 4 : f.default64 ? 8 : 4;
        if (f.ops.some((k) => k === 'rel16' || k === 'rel32') && !/^(jmp|call)$/.test(f.mnemonic) && f.osize !== def) continue;
        missing.push(`${bits}-bit ${f.mnemonic} ${f.ops.join(',')} (osize ${f.osize})`);
      }
    }
    expect(missing).toEqual([]);
  });
  it('encodes every item', () => {
    const bad: string[] = [];
    for (const item of items) {
      try { encode(item.ins, { bits: item.bits, address: item.address }); } catch (e) { bad.push(`${item.bits}-bit ${item.text}: ${(e as Error).message}`); }
    }
    expect(bad).toEqual([]);
  });
  it('decodes every item back to the same instruction and the same bytes', () => {
    const failures = items.flatMap((item) => {
      try {
        return check(item);
      } catch (e) {
        return [{ item, what: `threw ${(e as Error).stack ?? e}` }];
      }
    });
    const lines = failures.map((f) => `${f.item.bits}-bit ${f.item.text}: ${f.what}`);
    if (process.env.BOOTLAB_ROUNDTRIP_REPORT) writeFileSync(process.env.BOOTLAB_ROUNDTRIP_REPORT, lines.join("\n") + "\n");
    expect(lines.slice(0, 60), `${lines.length} failures`).toEqual([]);
  });
});
