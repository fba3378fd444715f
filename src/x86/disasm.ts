// A listing of a flat binary: one instruction a line with its address, its bytes and its
// text, the way `bootlab disasm` prints it.
import { decode } from './decode.ts';
import { formatInstruction } from './format.ts';
import type { Bits } from './types.ts';

export function disassemble(bytes: Uint8Array, opts: { bits: Bits; org?: bigint }): string {
  const org = opts.org ?? 0n;
  const lines: string[] = [];
  const addrWidth = opts.bits === 64 ? 16 : 8;
  for (let off = 0; off < bytes.length;) {
    const address = org + BigInt(off);
    const ins = decode(bytes, off, { bits: opts.bits, address });
    const raw = Array.from(bytes.subarray(off, off + ins.length), (b) => b.toString(16).padStart(2, '0')).join(' ');
    const text = ins.invalid || ins.unsupported ? `db ${Array.from(bytes.subarray(off, off + ins.length), (b) => '0x' + b.toString(16).padStart(2, '0')).join(', ')}` : formatInstruction(ins, { bits: opts.bits });
    lines.push(`${address.toString(16).padStart(addrWidth, '0')}  ${raw.padEnd(30)}  ${text}`);
    off += ins.length;
  }
  return lines.join('\n');
}
