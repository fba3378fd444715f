// Linear-scan register allocation (Poletto & Sarkar) for release builds. Each value of at most
// 64 bits gets one live interval over the linear order of instructions, widened over every
// block where it is live (from a block-level liveness fixed point, so loops are covered). The
// intervals are scanned by start and given a free register; when none is free the interval
// ending last stays on the stack.
//
// Two pools. Callee-saved registers (rbx, r12–r15) survive calls and are never touched by
// instruction selection's scratch code, so any interval may have one. Caller-saved registers
// (r10, r11, r9, r8, rdi, rsi) are clobbered by calls (arguments, the callee) and by the
// sequences for 128-bit operations, which use them as scratch; an interval may have one only
// when no such instruction lies inside it. They cost no push/pop, so such intervals take them
// first and leave the callee-saved ones for values that live across calls.
// Parameters arrive in rdi, rsi, rdx, rcx, r8, r9 and the prologue moves them to their places
// one after the other, so a parameter may take its own incoming register but never another
// parameter's.
import { defsOf, operandsOf, successors } from '../../ir/optimize.ts';
import { bitsOf, type Func, type Inst, type Operand } from '../../ir/types.ts';
import { classify } from './select.ts';

export const CALLEE_SAVED = ['rbx', 'r12', 'r13', 'r14', 'r15'];
export const CALLER_SAVED = ['r10', 'r11', 'r9', 'r8', 'rdi', 'rsi'];
/** Kept for callers that ask which registers the allocator hands out. */
export const ALLOCATABLE = [...CALLEE_SAVED, ...CALLER_SAVED];

interface Interval { id: number; start: number; end: number; crosses: boolean; weight: number }

/** Does the selection of `i` use the caller-saved registers (a call, or any 128-bit value)? */
function clobbersCallerSaved(f: Func, i: Inst): boolean {
  if (i.op === 'call' || i.op === 'callIndirect') return true;
  const wide = (o: Operand) => bitsOf(o.kind === 'const' ? o.type : f.values[o.id]!) === 128;
  return operandsOf(i).some(wide) || defsOf(i).some((d) => bitsOf(f.values[d]!) === 128);
}

/**
 * `skip`: values that need no register (addresses the selector re-computes); `aliases`: such
 * a value → the base it is re-computed from, which is therefore read wherever it is.
 */
export function allocateRegisters(f: Func, skip: ReadonlySet<number> = new Set(), aliases: ReadonlyMap<number, number> = new Map()): Map<number, string> {
  // Positions: each block's entry, each instruction and each terminator gets one, so a value
  // live into a block whose first instruction is a call starts before that call.
  const blockStart: number[] = [];
  const blockEnd: number[] = [];
  const uses: Set<number>[] = [];
  const defs: Set<number>[] = [];
  const clobbers: number[] = [];
  let pos = 0;
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const touch = (id: number, p: number) => {
    if (!first.has(id) || first.get(id)! > p) first.set(id, p);
    if (!last.has(id) || last.get(id)! < p) last.set(id, p);
  };
  f.params.forEach((_, id) => touch(id, 0));
  // Loop depth of each block from the back edges of the block order (a jump to a block at or
  // before it closes a loop over the blocks between): a value used in an inner loop is worth
  // ten times one used outside it when registers run out.
  const order = new Map(f.blocks.map((b, k) => [b.label, k]));
  const depth = new Array<number>(f.blocks.length).fill(0);
  f.blocks.forEach((b, j) => {
    for (const s of successors(b.terminator)) {
      const i = order.get(s)!;
      if (i <= j) for (let k = i; k <= j; k++) depth[k]!++;
    }
  });
  const weight = new Map<number, number>();
  const weigh = (id: number, k: number) => weight.set(id, (weight.get(id) ?? 0) + 10 ** Math.min(depth[k]!, 4));
  f.blocks.forEach((b, k) => {
    blockStart[k] = pos++;
    const use = new Set<number>();
    const def = new Set<number>();
    const read = (o: Operand) => {
      if (o.kind !== 'value') return;
      if (!def.has(o.id)) use.add(o.id);
      touch(o.id, pos);
      weigh(o.id, k);
      const base = aliases.get(o.id);
      if (base !== undefined) read({ kind: 'value', id: base });
    };
    for (const i of b.insts) {
      operandsOf(i).forEach(read);
      for (const d of defsOf(i)) { def.add(d); touch(d, pos); weigh(d, k); }
      if (clobbersCallerSaved(f, i)) clobbers.push(pos);
      pos++;
    }
    const t = b.terminator;
    (t.op === 'branch' ? [t.cond] : t.op === 'switch' ? [t.value] : t.op === 'return' && t.value ? [t.value] : []).forEach(read);
    if (t.op === 'switch' && bitsOf(t.value.kind === 'const' ? t.value.type : f.values[t.value.id]!) === 128) clobbers.push(pos);
    blockEnd[k] = pos++;
    uses[k] = use;
    defs[k] = def;
  });
  // Block liveness to a fixed point.
  const index = new Map(f.blocks.map((b, k) => [b.label, k]));
  const liveIn: Set<number>[] = f.blocks.map(() => new Set());
  const liveOut: Set<number>[] = f.blocks.map(() => new Set());
  for (let changed = true; changed;) {
    changed = false;
    for (let k = f.blocks.length - 1; k >= 0; k--) {
      const out = new Set<number>();
      for (const s of successors(f.blocks[k]!.terminator)) for (const x of liveIn[index.get(s)!]!) out.add(x);
      const inn = new Set(uses[k]);
      for (const x of out) if (!defs[k]!.has(x)) inn.add(x);
      if (inn.size !== liveIn[k]!.size || out.size !== liveOut[k]!.size) changed = true;
      liveIn[k] = inn;
      liveOut[k] = out;
    }
  }
  f.blocks.forEach((_, k) => {
    for (const x of liveIn[k]!) touch(x, blockStart[k]!);
    for (const x of liveOut[k]!) touch(x, blockEnd[k]!);
  });
  // An instruction at the interval's start defines it (after its scratch work); one anywhere
  // after that, up to and including its last use, would clobber it.
  const crosses = (start: number, end: number) => clobbers.some((p) => p > start && p <= end);
  const intervals: Interval[] = [...first.keys()]
    .filter((id) => { const b = bitsOf(f.values[id]!); return b > 0 && b <= 64 && !skip.has(id); })
    .map((id) => ({ id, start: first.get(id)!, end: last.get(id)!, crosses: crosses(first.get(id)!, last.get(id)!), weight: weight.get(id) ?? 0 }))
    .sort((a, b) => a.start - b.start || a.id - b.id);

  const incoming = new Map<number, string[]>();
  for (const { index: id, reg, hi } of classify(f.params).registers) incoming.set(id, hi ? [reg, hi] : [reg]);
  const allIncoming = new Set([...incoming.values()].flat());
  const callerSavedFor = (iv: Interval): string[] => {
    if (iv.crosses) return [];
    if (iv.id >= f.params.length) return CALLER_SAVED;
    const own = incoming.get(iv.id) ?? [];
    return CALLER_SAVED.filter((r) => !allIncoming.has(r) || own.includes(r));
  };

  const result = new Map<number, string>();
  const active: (Interval & { reg: string })[] = [];
  const free = new Set(ALLOCATABLE);
  for (const iv of intervals) {
    for (let j = active.length - 1; j >= 0; j--) {
      if (active[j]!.end < iv.start) { free.add(active[j]!.reg); active.splice(j, 1); }
    }
    const usable = [...callerSavedFor(iv), ...CALLEE_SAVED];
    // A parameter prefers the register it arrives in (no move in the prologue).
    const own = incoming.get(iv.id)?.[0];
    const pick = own && usable.includes(own) && free.has(own) ? own : usable.find((r) => free.has(r));
    if (pick) {
      free.delete(pick);
      active.push({ ...iv, reg: pick });
      result.set(iv.id, pick);
      continue;
    }
    // No register free: the interval used least (weighted by loop depth, per instruction it
    // spans) stays on the stack, this one or one that has a register it could take.
    const candidates = active.filter((a) => usable.includes(a.reg));
    if (!candidates.length) continue;
    const density = (x: Interval) => x.weight;
    const cheapest = candidates.reduce((a, b) => (density(b) < density(a) ? b : a));
    if (density(cheapest) < density(iv)) {
      result.delete(cheapest.id);
      result.set(iv.id, cheapest.reg);
      active.splice(active.indexOf(cheapest), 1, { ...iv, reg: cheapest.reg });
    }
  }
  return result;
}
