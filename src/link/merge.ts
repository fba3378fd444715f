// SHF_MERGE sections: split into pieces (NUL-terminated strings for SHF_STRINGS, else records
// of sh_entsize bytes), then the live pieces of all inputs that share flags, entry size and
// alignment are deduplicated into one block placed where the first of those inputs would be.
// Order: first appearance (input order). rust-lld orders pieces by a content hash instead
// (see README), so a block with several distinct strings can differ in order from its output.
import { SHF_STRINGS } from './elf/constants.ts';
import type { InputSection, MergePiece } from './types.ts';
import { alignUp } from './elf/bytes.ts';

export function splitPieces(input: InputSection): MergePiece[] {
  const { data, entsize, flags } = input.section;
  const pieces: MergePiece[] = [];
  if (flags & SHF_STRINGS) {
    let off = 0;
    while (off < data.length) {
      let end = off;
      // A string ends at an entry of entsize zero bytes.
      for (;;) {
        if (end + entsize > data.length) {
          end = data.length;
          break;
        }
        let zero = true;
        for (let k = 0; k < entsize; k++) if (data[end + k] !== 0) zero = false;
        end += entsize;
        if (zero) break;
      }
      pieces.push({ inputOffset: off, size: end - off, live: false, outputOffset: 0 });
      off = end;
    }
  } else {
    for (let off = 0; off < data.length; off += entsize) {
      pieces.push({ inputOffset: off, size: Math.min(entsize, data.length - off), live: false, outputOffset: 0 });
    }
  }
  return pieces;
}

/** The piece holding byte `offset` of the input section (binary search). */
export function pieceAt(pieces: readonly MergePiece[], offset: number): MergePiece | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    if (offset < p.inputOffset) hi = mid - 1;
    else if (offset >= p.inputOffset + p.size) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/** Key of the merged block an input joins inside its output section. */
export function mergeKey(input: InputSection): string {
  const s = input.section;
  const align = s.flags & SHF_STRINGS ? s.addralign : 0;
  return `${s.flags}:${s.entsize}:${align}`;
}

/** Deduplicates the live pieces of `inputs`; sets each piece's outputOffset; returns the block. */
export function buildMergedBlock(inputs: readonly InputSection[], align: number): Uint8Array {
  const offsets = new Map<string, number>();
  const parts: { off: number; bytes: Uint8Array }[] = [];
  let size = 0;
  for (const input of inputs) {
    for (const piece of input.pieces ?? []) {
      if (!piece.live) continue;
      const bytes = input.section.data.subarray(piece.inputOffset, piece.inputOffset + piece.size);
      const key = latin1(bytes);
      const known = offsets.get(key);
      if (known !== undefined) {
        piece.outputOffset = known;
        continue;
      }
      const off = alignUp(size, align);
      offsets.set(key, off);
      parts.push({ off, bytes });
      piece.outputOffset = off;
      size = off + bytes.length;
    }
  }
  const out = new Uint8Array(size);
  for (const p of parts) out.set(p.bytes, p.off);
  return out;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}
