// The differential comparison of our decoder with objdump (Node only; see decode.oracle.test.ts).
import { decode } from '../decode.ts';
import { formatInstruction } from '../format.ts';
import { canonical, normalizeObjdump } from '../objdump-normalize.ts';
import type { Bits } from '../types.ts';
import { objdumpListing, type ObjdumpLine } from './objdump.ts';
import { prng } from '../prng.ts';


export interface Mismatch {
  readonly bits: Bits;
  readonly bytes: string;
  readonly kind: 'length' | 'text' | 'validity';
  readonly ours: string;
  readonly objdump: string;
  readonly oursLength: number;
  readonly objdumpLength: number;
}

export interface CompareResult {
  /** Instructions compared (length, and text where both sides model the instruction). */
  compared: number;
  textCompared: number;
  unsupported: number;
  invalid: number;
  mismatches: Mismatch[];
  /** Length differences in VEX/EVEX/XOP space where objdump rejects the encoding (documented). */
  vexBadDivergences: number;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

/** Bytes after the prefixes start a VEX/EVEX/XOP encoding (in this mode). */
function isVexSpace(bytes: Uint8Array, bits: Bits): boolean {
  let i = 0;
  while (i < bytes.length && ([0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3, 0x9b].includes(bytes[i]) || (bits === 64 && (bytes[i] & 0xf0) === 0x40))) i++;
  const b = bytes[i];
  const n = bytes[i + 1] ?? 0;
  if (b === 0xc4 || b === 0xc5 || b === 0x62) return bits === 64 || n >= 0xc0;
  return b === 0x8f && (n & 0x1f) >= 8;
}

/**
 * Compares the decoder with objdump over `buffer`, instruction by instruction from each of
 * `starts` (sequence starts; objdump's stream is in step at each of them) up to `ends`.
 */
export function compareStreams(buffer: Uint8Array, bits: Bits, starts: readonly number[], ends: readonly number[], listing?: ObjdumpLine[]): CompareResult {
  const lines = listing ?? objdumpListing(buffer, bits);
  const byOffset = new Map<number, ObjdumpLine>();
  for (const l of lines) byOffset.set(l.offset, l);
  const r: CompareResult = { compared: 0, textCompared: 0, unsupported: 0, invalid: 0, mismatches: [], vexBadDivergences: 0 };
  for (let k = 0; k < starts.length; k++) {
    let off = starts[k];
    while (off < ends[k]) {
      const od = byOffset.get(off);
      const ins = decode(buffer, off, { bits, address: BigInt(off) });
      if (!od) break; // objdump is out of step (cannot happen when lengths agreed so far)
      const bytes = buffer.subarray(off, off + Math.max(od.length, ins.length));
      const theirs = normalizeObjdump(od.text, { bits, bytes });
      const ours = ins.invalid ? '(bad)' : ins.unsupported ? '(unsupported)' : formatInstruction(ins, { bits });
      r.compared++;
      if (ins.unsupported) r.unsupported++;
      if (ins.invalid) r.invalid++;
      const mk = (kind: Mismatch['kind']): Mismatch => ({
        bits, bytes: hex(bytes), kind, ours, objdump: od.text, oursLength: ins.length, objdumpLength: od.length,
      });
      if (od.length !== ins.length) {
        if (theirs === '(bad)' && isVexSpace(bytes, bits)) r.vexBadDivergences++;
        else r.mismatches.push(mk('length'));
        break; // out of step for the rest of this sequence
      }
      if (ins.unsupported) {
        if (theirs === '(bad)' && !isVexSpace(bytes, bits)) r.mismatches.push(mk('validity'));
      } else if (!!ins.invalid !== (theirs === "(bad)")) {
        r.mismatches.push(mk('validity'));
      } else if (!ins.invalid) {
        r.textCompared++;
        if (canonical(ours) !== canonical(theirs)) r.mismatches.push(mk('text'));
      }
      off += ins.length;
    }
  }
  return r;
}

/** `count` random sequences of `size` bytes, each followed by 15 NOPs (objdump is in step again after them). */
export function randomSequences(seed: number, count: number, size = 16): { buffer: Uint8Array; starts: number[]; ends: number[] } {
  const rnd = prng(seed);
  const PAD = 15;
  const buffer = new Uint8Array(count * (size + PAD));
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = i * (size + PAD);
    for (let j = 0; j < size; j++) buffer[at + j] = (rnd() * 256) | 0;
    buffer.fill(0x90, at + size, at + size + PAD);
    starts.push(at);
    ends.push(at + size);
  }
  return { buffer, starts, ends };
}
