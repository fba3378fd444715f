// Where encode() deliberately differs from NASM 2.16, with the reason for each. The oracle
// test (encode.oracle.test.ts) accepts these and nothing else. Keep it tiny: a difference
// belongs here only when NASM's output is wrong or when matching it would make encode()
// worse for its users.
import type { CorpusItem } from './corpus.ts';
import type { EncodeError } from './types.ts';

export interface KnownDifference {
  /** What differs, and why encode() does not follow NASM. */
  readonly reason: string;
  readonly matches: (item: CorpusItem, nasm: Uint8Array, ours: Uint8Array | EncodeError) => boolean;
}

export const ENCODE_DIFFERENCES: readonly KnownDifference[] = [
  {
    reason: 'salc (D6) is invalid in 64-bit mode (#UD), so the table marks it i64; NASM 2.16 still assembles it there',
    matches: (item, _nasm, ours) => item.bits === 64 && item.ins.mnemonic === 'salc' && !(ours instanceof Uint8Array),
  },
  {
    reason: 'in 64-bit mode a near return has no 16- or 32-bit form (Intel ignores 66 on it: f64) and leave/enter no 32-bit '
      + 'one (d64); NASM emits `o16 ret` as 66 C3 and drops `o32` silently, encode() refuses an operand size the '
      + 'instruction does not have there',
    matches: (item, _nasm, ours) => item.bits === 64 && !(ours instanceof Uint8Array) && item.ins.opsizeOverride !== undefined
      && (/^retn?$/.test(item.ins.mnemonic) || (item.ins.opsizeOverride === 4 && /^(leave|enter)$/.test(item.ins.mnemonic))),
  },
];

export function knownDifference(item: CorpusItem, nasm: Uint8Array, ours: Uint8Array | EncodeError): KnownDifference | undefined {
  return ENCODE_DIFFERENCES.find((d) => d.matches(item, nasm, ours));
}
