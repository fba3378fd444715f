// Prints an Instruction in NASM's Intel syntax, so that a disassembly can be assembled
// again: lower case, hex numbers, a size keyword on memory operands whose size the
// instruction fixes, branch targets as absolute addresses, [rel X] for RIP-relative.
import type { DecodedInstruction, Instruction, MemOperand, Operand } from './types.ts';

const SIZE_NAMES: Record<number, string> = { 1: 'byte', 2: 'word', 4: 'dword', 6: 'fword', 8: 'qword', 10: 'tword', 16: 'oword' };

export function hex(v: bigint): string {
  return v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`;
}

function formatMemory(m: MemOperand, withSize: boolean): string {
  const parts: string[] = [];
  if (m.base) parts.push(m.base.name);
  if (m.index) parts.push(m.scale === 1 ? m.index.name : `${m.index.name}*${m.scale}`);
  let inner = parts.join('+');
  if (m.rel) inner = `rel ${hex(m.disp)}`;
  else if (!inner) inner = hex(m.disp);
  else if (m.disp !== 0n) inner += m.disp < 0n ? `-${hex(-m.disp)}` : `+${hex(m.disp)}`;
  if (m.seg) inner = `${m.seg.name}:${inner}`;
  const size = withSize && m.size ? `${SIZE_NAMES[m.size]} ` : '';
  return `${size}[${inner}]`;
}

export function formatOperand(op: Operand, ins: Instruction): string {
  switch (op.kind) {
    case 'reg': return op.reg.name;
    case 'imm': return hex(op.value);
    case 'mem': return formatMemory(op, ins.operands.every((o) => o.kind !== 'reg') || needsSizeBeside(ins));
    case 'rel': return hex(op.target);
    case 'far': return `${hex(BigInt(op.selector))}:${hex(op.offset)}`;
  }
}

/** movzx/movsx and the like read a smaller memory operand than their register: say its size. */
function needsSizeBeside(ins: Instruction): boolean {
  const regs = ins.operands.filter((o) => o.kind === 'reg');
  const mem = ins.operands.find((o) => o.kind === 'mem') as MemOperand | undefined;
  return !!mem?.size && regs.some((r) => r.kind === 'reg' && r.reg.size !== mem.size && r.reg.cls !== 'seg');
}

export function formatInstruction(ins: Instruction | DecodedInstruction): string {
  const prefix: string[] = [];
  if (ins.lock) prefix.push('lock');
  if (ins.rep) prefix.push(ins.rep);
  if (ins.addrsizeOverride) prefix.push(`a${ins.addrsizeOverride * 8}`);
  if ('segmentPrefix' in ins && ins.segmentPrefix) prefix.push(ins.segmentPrefix.name);
  const far = ins.far ? 'far ' : '';
  const ops = ins.operands.map((o) => formatOperand(o, ins)).join(', ');
  const head = [...prefix, ins.mnemonic].join(' ');
  return ops ? `${head} ${far}${ops}` : head;
}
