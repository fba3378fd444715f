// Prints an Instruction in NASM's Intel syntax, so that a disassembly can be assembled
// again: lower case, hex numbers, a size keyword on memory operands whose size the
// instruction fixes, branch targets as absolute addresses, [rel X] for RIP-relative.
//
// What NASM needs to pick the same encoding is printed too, and only when it differs from
// what NASM would pick anyway: `strict`, a size on an immediate or branch that is alone in
// its instruction (`push word 5`, `jmp word x`), a displacement size that is not the
// shortest (`[dword eax+4]`, `[qword 0x1000]` for the 64-bit moffs form), an address size
// that no register shows (`a32 mov al, [0x1000]`), o16/o32/o64. With `bits`, sizes that are
// the mode's default are left out; with `address`, RIP-relative operands print as
// `[rel $+N]` and branch targets as `$+N`, which NASM assembles at any address (an absolute
// number cannot be RIP-relative in a flat binary, and NASM does not shorten a jump to one).
import { FORMS } from './table/index.ts';
import type { Bits, DecodedInstruction, Instruction, MemOperand, Operand } from './types.ts';

const SIZE_NAMES: Record<number, string> = { 1: 'byte', 2: 'word', 4: 'dword', 6: 'fword', 8: 'qword', 10: 'tword', 16: 'oword' };

export interface FormatOptions {
  /** Mode the text is for: sizes that are its default are not printed. */
  readonly bits?: Bits;
  /** Address of the instruction: RIP-relative operands print relative to `$`. */
  readonly address?: bigint;
}

export function hex(v: bigint): string {
  return v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`;
}

/**
 * Mnemonics whose operand size an immediate alone can carry (push word 5): the immediate's
 * width follows the operand size (ret's i16 does not).
 */
export const IMMEDIATE_SIZED: ReadonlySet<string> = (() => {
  const kinds = new Map<string, Set<string>>();
  for (const f of FORMS) {
    if (f.osize === 0 || f.ops.length !== 1 || !/^(i8|i16|i32|i64|s8|s32|u32)$/.test(f.ops[0])) continue;
    const key = `${f.mnemonic} ${f.map} ${f.opcode}`;
    if (!kinds.has(key)) kinds.set(key, new Set());
    kinds.get(key)!.add(f.ops[0]);
  }
  return new Set([...kinds].filter(([, k]) => k.size > 1).map(([key]) => key.split(' ')[0]));
})();

/** Mnemonics with a count in cl (shl x, cl): that cl says nothing about the operand size. */
const CL_COUNT = new Set(FORMS.filter((f) => f.ops[f.ops.length - 1] === 'cl').map((f) => f.mnemonic));

function defaultOsize(bits: Bits, mnemonic: string): number {
  if (bits === 16) return 2;
  if (bits === 32) return 4;
  return mnemonic === 'push' || mnemonic === 'pop' || mnemonic === 'jmp' || mnemonic === 'call' ? 8 : 4;
}

/** `$+N`: a target relative to the instruction's own address. */
function relative(target: bigint, address: bigint): string {
  const d = target - address;
  return d < 0n ? `$-${hex(-d)}` : `$+${hex(d)}`;
}

/** The displacement size NASM picks when none is written. */
function naturalDispSize(m: MemOperand): number {
  const asize = m.addrSize ?? (m.base?.size ?? m.index?.size ?? 0);
  if (!m.base) return asize === 2 ? 2 : 4;
  if (m.base.cls === 'ip') return 4;
  const d = m.disp;
  const bpLike = asize === 2 ? m.base.name === 'bp' && !m.index : (m.base.num & 7) === 5;
  if (d === 0n && !bpLike) return 0;
  return d >= -0x80n && d < 0x80n ? 1 : asize === 2 ? 2 : 4;
}

function formatMemory(m: MemOperand, sizeName: string | undefined, opts: FormatOptions): string {
  const parts: string[] = [];
  if (m.base) parts.push(m.base.name);
  if (m.index) parts.push(m.scale === 1 ? m.index.name : `${m.index.name}*${m.scale}`);
  let inner = parts.join('+');
  if (m.rel) {
    if (opts.address !== undefined) {
      inner = `rel ${relative(m.disp, opts.address)}`;
    } else {
      inner = `rel ${hex(m.disp)}`;
    }
  } else if (!inner) inner = hex(m.disp);
  else if (m.disp !== 0n) inner += m.disp < 0n ? `-${hex(-m.disp)}` : `+${hex(m.disp)}`;
  if (m.dispSize !== undefined && !m.rel && (m.dispSize === 8 || m.dispSize !== naturalDispSize(m))) {
    inner = `${SIZE_NAMES[m.dispSize]} ${inner}`;
  }
  if (m.seg) inner = `${m.seg.name}:${inner}`;
  return `${sizeName ? `${sizeName} ` : ''}[${inner}]`;
}

function memorySizeName(m: MemOperand, ins: Instruction): string | undefined {
  if (!m.size) return undefined;
  // Far pointers are sized by their offset: `jmp far dword [x]` is m16:32.
  if (ins.far) return SIZE_NAMES[m.size - 2];
  return SIZE_NAMES[m.size];
}

export function formatOperand(op: Operand, ins: Instruction, opts: FormatOptions = {}): string {
  switch (op.kind) {
    case 'reg': return op.reg.name;
    case 'imm': {
      const alone = ins.operands.every((o) => o.kind === 'imm');
      let size = '';
      // `add [ebx], byte 5`: the immediate's size is the size of an unsized memory operand.
      const sizesMemory = ins.operands.some((o) => o.kind === 'mem' && o.size === undefined);
      if (op.size !== undefined && (op.strict || sizesMemory || (alone && IMMEDIATE_SIZED.has(ins.mnemonic)
        && (opts.bits === undefined || op.size !== defaultOsize(opts.bits, ins.mnemonic))))) {
        size = `${SIZE_NAMES[op.size]} `;
      }
      return `${op.strict ? 'strict ' : ''}${size}${hex(op.value)}`;
    }
    case 'mem': {
      // NASM takes no size on the memory operand of SSE's cmpsd (the name is the string compare's too).
      if (ins.mnemonic === 'cmpsd') return formatMemory(op, undefined, opts);
      const show = !ins.operands.some((o, i) => o.kind === 'reg' && !(i === ins.operands.length - 1 && o.reg.name === 'cl' && CL_COUNT.has(ins.mnemonic)))
        || needsSizeBeside(ins);
      return formatMemory(op, show ? memorySizeName(op, ins) : undefined, opts);
    }
    case 'rel': {
      const words: string[] = [];
      if (op.strict) words.push('strict');
      if (op.dist) words.push(op.dist);
      if (op.size !== undefined && (opts.bits === undefined || op.size !== defaultOsize(opts.bits, ins.mnemonic))) words.push(SIZE_NAMES[op.size]);
      words.push(opts.address !== undefined ? relative(op.target, opts.address) : hex(op.target));
      return words.join(' ');
    }
    case 'far': {
      const size = op.size !== undefined && (opts.bits === undefined || op.size !== (opts.bits === 16 ? 2 : 4)) ? `${SIZE_NAMES[op.size]} ` : '';
      return `${size}${hex(BigInt(op.selector))}:${hex(op.offset)}`;
    }
  }
}

/** movzx/movsx and the like read a smaller memory operand than their register: say its size. */
function needsSizeBeside(ins: Instruction): boolean {
  const regs = ins.operands.filter((o) => o.kind === 'reg');
  const mem = ins.operands.find((o) => o.kind === 'mem') as MemOperand | undefined;
  // (A far pointer m16:16/m16:32 is two bytes more than its register: its size goes unsaid.)
  return !!mem?.size && regs.some((r) => r.kind === 'reg' && r.reg.size !== mem.size && r.reg.size + 2 !== mem.size && r.reg.cls !== 'seg');
}

/** An address size no register shows: a register-free memory operand of the other size. */
function hiddenAddressSize(ins: Instruction): number | undefined {
  for (const o of ins.operands) {
    if (o.kind === 'mem' && !o.base && !o.index && !o.rel && o.addrSize !== undefined && o.dispSize !== 8) return o.addrSize;
  }
  return undefined;
}

export function formatInstruction(ins: Instruction | DecodedInstruction, opts: FormatOptions = {}): string {
  const prefix: string[] = [];
  if (ins.lock) prefix.push('lock');
  if (ins.rep) prefix.push(ins.rep);
  const asize = ins.addrsizeOverride ?? hiddenAddressSize(ins);
  if (asize) prefix.push(`a${asize * 8}`);
  if (ins.opsizeOverride) prefix.push(`o${ins.opsizeOverride * 8}`);
  if (ins.segmentPrefix) prefix.push(ins.segmentPrefix.name);
  const far = ins.far ? 'far ' : '';
  const ops = ins.operands.map((o) => formatOperand(o, ins, opts)).join(', ');
  const head = [...prefix, ins.mnemonic].join(' ');
  return ops ? `${head} ${far}${ops}` : head;
}
