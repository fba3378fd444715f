// Where each IR value lives during a function: a stack slot below rbp (every value in a debug
// build) or one of the callee-saved registers (values the release build's allocator placed).
// Registers hold values canonically: sign- or zero-extended to 64 bits by their IR type, so
// comparisons, division and widening need no extra extension. 128-bit values are always in
// a 16-byte stack slot (low quadword first).
import { bitsOf, type Func } from '../../ir/types.ts';

export type Location = { kind: 'stack'; offset: number } | { kind: 'reg'; name: string };

export interface Frame {
  readonly locations: (Location | undefined)[];
  /** rbp-relative offsets of the IR's stack slots. */
  readonly slotOffsets: number[];
  /** Callee-saved registers pushed after rbp, in push order. */
  readonly saved: string[];
  /** rbp-relative offset of 16 bytes of scratch memory (e.g. __muloti4's overflow flag). */
  readonly scratch: number;
  /** Bytes subtracted from rsp after the pushes (keeps rsp 16-aligned at calls). */
  readonly size: number;
}

const CALLEE_SAVED = new Set(['rbx', 'r12', 'r13', 'r14', 'r15']);

const alignUp = (n: number, a: number) => Math.ceil(n / a) * a;

/** Lays out the frame; `registers` maps values to registers (release) or is empty (debug). */
export function layoutFrame(f: Func, registers: Map<number, string>): Frame {
  // Only callee-saved registers need saving; the caller-saved ones the allocator hands out hold
  // nothing across calls.
  const saved = [...new Set(registers.values())].filter((r) => CALLEE_SAVED.has(r)).sort();
  let depth = saved.length * 8; // bytes below rbp used so far
  const locations: (Location | undefined)[] = f.values.map((t, id) => {
    const r = registers.get(id);
    if (r) return { kind: 'reg', name: r };
    const bits = bitsOf(t);
    if (bits === 0) return undefined;
    const size = bits === 128 ? 16 : 8;
    depth = alignUp(depth + size, size);
    return { kind: 'stack', offset: -depth };
  });
  const slotOffsets = f.slots.map((s) => {
    depth = alignUp(depth + s.size, Math.min(Math.max(s.align, 1), 16));
    return -depth;
  });
  depth = alignUp(depth + 16, 16);
  const scratch = -depth;
  // After `push rbp`, rsp is 16-aligned; pushes and the frame together must keep it so.
  const size = alignUp(depth, 16) - saved.length * 8;
  return { locations, slotOffsets, saved, scratch, size };
}
