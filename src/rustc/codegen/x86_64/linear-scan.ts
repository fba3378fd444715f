// Linear-scan register allocation (Poletto & Sarkar) for release builds. Each value of at most
// 64 bits gets one live interval over the linear order of instructions, widened over every
// block where it is live (from a block-level liveness fixed point, so loops are covered). The
// intervals are scanned by start; a free callee-saved register is given to each, and when none
// is free the interval ending last stays on the stack. Callee-saved registers survive calls and
// are never touched by instruction selection's scratch registers, so no spill code is needed.
import { defsOf, operandsOf, successors } from '../../ir/optimize.ts';
import { bitsOf, type Func, type Operand } from '../../ir/types.ts';

export const ALLOCATABLE = ['rbx', 'r12', 'r13', 'r14', 'r15'];

interface Interval { id: number; start: number; end: number }

export function allocateRegisters(f: Func): Map<number, string> {
  // Positions: each instruction and terminator gets one.
  const blockStart: number[] = [];
  const blockEnd: number[] = [];
  const uses: Set<number>[] = [];
  const defs: Set<number>[] = [];
  let pos = 0;
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const touch = (id: number, p: number) => {
    if (!first.has(id) || first.get(id)! > p) first.set(id, p);
    if (!last.has(id) || last.get(id)! < p) last.set(id, p);
  };
  f.params.forEach((_, id) => touch(id, 0));
  f.blocks.forEach((b, k) => {
    blockStart[k] = pos;
    const use = new Set<number>();
    const def = new Set<number>();
    const read = (o: Operand) => { if (o.kind === 'value') { if (!def.has(o.id)) use.add(o.id); touch(o.id, pos); } };
    for (const i of b.insts) {
      operandsOf(i).forEach(read);
      for (const d of defsOf(i)) { def.add(d); touch(d, pos); }
      pos++;
    }
    const t = b.terminator;
    (t.op === 'branch' ? [t.cond] : t.op === 'switch' ? [t.value] : t.op === 'return' && t.value ? [t.value] : []).forEach(read);
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
  const intervals: Interval[] = [...first.keys()]
    .filter((id) => { const b = bitsOf(f.values[id]!); return b > 0 && b <= 64; })
    .map((id) => ({ id, start: first.get(id)!, end: last.get(id)! }))
    .sort((a, b) => a.start - b.start || a.id - b.id);
  const result = new Map<number, string>();
  const active: (Interval & { reg: string })[] = [];
  const free = [...ALLOCATABLE];
  for (const iv of intervals) {
    for (let j = active.length - 1; j >= 0; j--) {
      if (active[j]!.end < iv.start) { free.push(active[j]!.reg); active.splice(j, 1); }
    }
    if (free.length) {
      const r = free.shift()!;
      active.push({ ...iv, reg: r });
      result.set(iv.id, r);
    } else {
      const longest = active.reduce((a, b) => (b.end > a.end ? b : a));
      if (longest.end > iv.end) {
        result.delete(longest.id);
        result.set(iv.id, longest.reg);
        active.splice(active.indexOf(longest), 1, { ...iv, reg: longest.reg });
      }
    }
  }
  return result;
}
