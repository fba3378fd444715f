// The last release passes, which shape control flow for the machine rather than simplify it:
//
// Loop rotation by tail duplication: a `goto H`, where H is a few instructions ending in a
// branch (a loop's header: `i < n`), becomes a copy of H. The loop's entry then tests once
// before the first round and the latch tests at the bottom, so each round takes one
// conditional jump instead of a jump to the top and a test there. H's own values are given
// fresh ids in each copy; only headers whose values are used nowhere else are copied.
//
// Block order: each block is followed by one of its successors where possible (so the branch
// to it disappears), hot successors first; blocks that can only end in a panic or
// `unreachable` (failed bounds and overflow checks) go to the end, out of the loops' way.
import { defsOf, operandsOf, successors } from './optimize.ts';
import type { Block, Func, Inst, Operand, ScalarType, Terminator } from './types.ts';

const MAX_DUPLICATED = 4;

function terminatorOperands(t: Terminator): Operand[] {
  return t.op === 'branch' ? [t.cond] : t.op === 'switch' ? [t.value] : t.op === 'return' && t.value ? [t.value] : [];
}

/**
 * Whether `b` may be copied into the blocks that jump to it: a few instructions ending in a
 * branch, no calls. Copying is always correct (values may be assigned more than once).
 */
function duplicable(f: Func, b: Block): boolean {
  if (b.terminator.op !== 'branch' || b.insts.length > MAX_DUPLICATED || b === f.blocks[0]) return false;
  return !b.insts.some((i) => i.op === 'call' || i.op === 'callIndirect' || i.op === 'checked' || i.op === 'hlt' || i.op === 'in' || i.op === 'out');
}

/** Values `b` defines once, before any read of them there, that no other block reads or writes: each copy may rename them. */
function localValues(f: Func, b: Block): Set<number> {
  const local = new Set<number>();
  const seen = new Set<number>();
  for (const i of b.insts) {
    for (const o of operandsOf(i)) if (o.kind === 'value' && !seen.has(o.id)) seen.add(o.id);
    for (const d of defsOf(i)) { if (seen.has(d)) local.delete(d); else local.add(d); seen.add(d); }
  }
  for (const other of f.blocks) {
    if (other === b) continue;
    for (const i of other.insts) for (const id of [...defsOf(i), ...operandsOf(i).flatMap((o) => (o.kind === 'value' ? [o.id] : []))]) local.delete(id);
    for (const o of terminatorOperands(other.terminator)) if (o.kind === 'value') local.delete(o.id);
  }
  return local;
}

export function rotateLoops(f: Func): Func {
  const values: ScalarType[] = [...f.values];
  const byLabel = new Map(f.blocks.map((b) => [b.label, b]));
  const candidates = new Set(f.blocks.filter((b) => duplicable(f, b)).map((b) => b.label));
  if (!candidates.size) return f;
  const locals = new Map([...candidates].map((l) => [l, localValues(f, byLabel.get(l)!)]));
  // Values that live on after the header are only re-assigned by plain copies in a copy (the
  // iterator's `item = ptr`); heavier work stays in one place (copies of it cost registers).
  for (const l of [...candidates]) if (byLabel.get(l)!.insts.some((i) => defsOf(i).some((d) => !locals.get(l)!.has(d)))) candidates.delete(l);
  const blocks = f.blocks.map((p): Block => {
    const t = p.terminator;
    if (t.op !== 'goto' || !candidates.has(t.target) || t.target === p.label) return p;
    const h = byLabel.get(t.target)!;
    const rename = new Map<number, number>();
    for (const d of locals.get(h.label)!) { rename.set(d, values.length); values.push(values[d]!); }
    const sub = (o: Operand): Operand => (o.kind === 'value' && rename.has(o.id) ? { kind: 'value', id: rename.get(o.id)! } : o);
    const copied = h.insts.map((i) => renameInst(i, sub, rename));
    const ht = h.terminator as Extract<Terminator, { op: 'branch' }>;
    return { ...p, insts: [...p.insts, ...copied], terminator: { ...ht, cond: sub(ht.cond) } };
  });
  // Headers no longer reached (every jump to them was replaced by a copy) go.
  const reached = new Set<string>([blocks[0]!.label]);
  for (const b of blocks) for (const s of successors(b.terminator)) reached.add(s);
  return { ...f, values, blocks: blocks.filter((b) => reached.has(b.label)) };
}

function renameInst(i: Inst, sub: (o: Operand) => Operand, rename: Map<number, number>): Inst {
  const d = (id: number) => rename.get(id) ?? id;
  switch (i.op) {
    case 'copy': return { ...i, dst: d(i.dst), src: sub(i.src) };
    case 'binary': case 'compare': return { ...i, dst: d(i.dst), a: sub(i.a), b: sub(i.b) };
    case 'unary': return { ...i, dst: d(i.dst), a: sub(i.a) };
    case 'cast': return { ...i, dst: d(i.dst), src: sub(i.src) };
    case 'load': return { ...i, dst: d(i.dst), addr: sub(i.addr) };
    case 'store': return { ...i, addr: sub(i.addr), value: sub(i.value) };
    case 'slotAddr': case 'staticAddr': return { ...i, dst: d(i.dst) };
    case 'ptrAdd': return { ...i, dst: d(i.dst), base: sub(i.base), ...(i.index && { index: sub(i.index) }) };
    case 'in': return { ...i, dst: d(i.dst), port: sub(i.port) };
    case 'out': return { ...i, port: sub(i.port), value: sub(i.value) };
    default: return i; // calls and checked are never duplicated; hlt has no operands
  }
}

export function orderBlocks(f: Func): Func {
  const byLabel = new Map(f.blocks.map((b) => [b.label, b]));
  // Cold: every path from the block ends in a panic or unreachable (fixed point from the ends).
  const cold = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const b of f.blocks) {
      if (cold.has(b.label)) continue;
      const t = b.terminator;
      const succ = successors(t);
      const isCold = t.op === 'panic' || t.op === 'unreachable' ? !b.insts.some((i) => i.op === 'call' || i.op === 'callIndirect' || i.op === 'hlt' || i.op === 'out')
        : succ.length > 0 && succ.every((s) => cold.has(s));
      if (isCold) { cold.add(b.label); changed = true; }
    }
  }
  const placed = new Set<string>();
  const order: Block[] = [];
  const pending: string[] = [f.blocks[0]!.label];
  while (pending.length) {
    let label: string | undefined = pending.pop()!;
    // Follow a chain: place the block, continue with its first unplaced hot successor.
    while (label !== undefined && !placed.has(label)) {
      const b: Block = byLabel.get(label)!;
      placed.add(label);
      order.push(b);
      const succ: string[] = successors(b.terminator).filter((s) => !placed.has(s));
      const hot: string[] = succ.filter((s) => !cold.has(s));
      const next: string | undefined = hot[0] ?? succ[0];
      for (const s of [...succ].reverse()) if (s !== next) pending.push(s);
      label = next;
    }
  }
  const hotOrder = order.filter((b) => !cold.has(b.label) || b === f.blocks[0]);
  const coldOrder = order.filter((b) => cold.has(b.label) && b !== f.blocks[0]);
  // Unreachable blocks (none after the optimiser) keep their place at the very end.
  const rest = f.blocks.filter((b) => !placed.has(b.label));
  return { ...f, blocks: [...hotOrder, ...coldOrder, ...rest] };
}
