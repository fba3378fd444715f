// SHF_MERGE sections: split into pieces (NUL-terminated strings for SHF_STRINGS, else records
// of sh_entsize bytes), then the live pieces of all inputs that share flags, entry size and
// alignment are deduplicated into one block placed where the first of those inputs would be.
// The order inside the block is rust-lld's: each piece goes to one of 32 shards chosen by the
// XXH3 hash of its contents (for strings without the terminator), shards keep first-come
// order and are laid end to end, each starting aligned.
import { SHF_GROUP, SHF_STRINGS } from './elf/constants.ts';
import { xxh3_64 } from './xxh3.ts';
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
  return `${s.flags & ~SHF_GROUP}:${s.entsize}:${align}`;
}

/** Deduplicates the live pieces of `inputs`; sets each piece's outputOffset; returns the block. */
const SHARDS = 32;

interface Shard {
  offsets: Map<string, number>;
  parts: { off: number; bytes: Uint8Array }[];
  size: number;
}

export function buildMergedBlock(inputs: readonly InputSection[], align: number): Uint8Array {
  const shards: Shard[] = Array.from({ length: SHARDS }, () => ({ offsets: new Map(), parts: [], size: 0 }));
  const placed: { piece: MergePiece; shard: number; off: number }[] = [];
  for (const input of inputs) {
    const { flags, entsize } = input.section;
    for (const piece of input.pieces ?? []) {
      if (!piece.live) continue;
      const bytes = input.section.data.subarray(piece.inputOffset, piece.inputOffset + piece.size);
      const hashed = flags & SHF_STRINGS && bytes.length >= entsize ? bytes.subarray(0, bytes.length - entsize) : bytes;
      // The shard is the top five bits of the hash's low 32 bits.
      const shardIndex = Number((xxh3_64(hashed) & 0xffffffffn) >> 27n);
      const shard = shards[shardIndex]!;
      const key = latin1(bytes);
      let off = shard.offsets.get(key);
      if (off === undefined) {
        off = alignUp(shard.size, align);
        shard.offsets.set(key, off);
        shard.parts.push({ off, bytes });
        shard.size = off + bytes.length;
      }
      placed.push({ piece, shard: shardIndex, off });
    }
  }
  const shardStart: number[] = [];
  let size = 0;
  for (const shard of shards) {
    if (shard.size > 0) size = alignUp(size, align);
    shardStart.push(size);
    size += shard.size;
  }
  const out = new Uint8Array(size);
  shards.forEach((shard, i) => {
    for (const p of shard.parts) out.set(p.bytes, shardStart[i]! + p.off);
  });
  for (const p of placed) p.piece.outputOffset = shardStart[p.shard]! + p.off;
  return out;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}
