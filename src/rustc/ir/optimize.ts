// Release-build IR passes: constant folding and propagation, branch folding, dead-code and
// unreachable-block elimination, iterated to a fixed point. Values may be assigned more than
// once, so propagation only trusts values with exactly one definition.
import { binary } from './interpret.ts';
import { defsOf, mapOperands } from './inst-operands.ts';
import { numberValues } from './value-numbering.ts';
import { orderBlocks, rotateLoops } from './block-order.ts';
import { promoteSlots } from './promote-slots.ts';
import { bitsOf, isSigned, wrap, type Func, type Inst, type Operand, type ScalarType } from './types.ts';


export function operandsOf(i: Inst): Operand[] {
  const out: Operand[] = [];
  mapOperands(i, (o) => (out.push(o), o));
  return out;
}
export { defsOf };

const hasEffect = (i: Inst) => i.op === 'store' || i.op === 'in' || i.op === 'call' || i.op === 'callIndirect' || i.op === 'out' || i.op === 'hlt' || (i.op === 'load' && i.volatile === true)
  // Division by zero traps on the machine: keep it where the program put it.
  || (i.op === 'binary' && (i.kind === 'div' || i.kind === 'rem'));

function fold(f: Func, inst: Inst): Inst {
  let i = inst;
  const T = (id: number): ScalarType => f.values[id]!;
  const k = (o: Operand): o is Extract<Operand, { kind: 'const' }> => o.kind === 'const';
  const C = (id: number, value: bigint): Inst => ({ op: 'copy', dst: id, src: { kind: 'const', type: T(id), value: wrap(T(id), value) } });
  switch (i.op) {
    case 'binary':
      // Constants to the right of commutative operations (`2 * x` → `x * 2`), where the
      // selector takes immediates and the identities and strength reductions below look.
      if (k(i.a) && !k(i.b) && (i.kind === 'add' || i.kind === 'mul' || i.kind === 'and' || i.kind === 'or' || i.kind === 'xor')) i = { ...i, a: i.b, b: i.a };
      if (k(i.a) && k(i.b) && !((i.kind === 'div' || i.kind === 'rem') && (i.b.value === 0n || (isSigned(T(i.dst)) && i.b.value === -1n)))) return C(i.dst, binary(i.kind, T(i.dst), i.a.value, i.b.value));
      {
        const id = identity(f, i);
        if (id) return id;
      }
      // Strength reduction by powers of two: x * 2^k → x << k; unsigned x / 2^k → x >> k,
      // x % 2^k → x & (2^k - 1).
      if (k(i.b) && i.b.value > 0n && (i.b.value & (i.b.value - 1n)) === 0n && bitsOf(T(i.dst)) <= 64) {
        const shift = BigInt(i.b.value.toString(2).length - 1);
        if (i.kind === 'mul') return { op: 'binary', kind: 'shl', dst: i.dst, a: i.a, b: { kind: 'const', type: 'u32', value: shift } };
        if (!isSigned(T(i.dst)) && i.kind === 'div') return { op: 'binary', kind: 'shr', dst: i.dst, a: i.a, b: { kind: 'const', type: 'u32', value: shift } };
        if (!isSigned(T(i.dst)) && i.kind === 'rem') return { op: 'binary', kind: 'and', dst: i.dst, a: i.a, b: { kind: 'const', type: T(i.dst), value: i.b.value - 1n } };
      }
      return i;
    case 'compare':
      if (k(i.a) && k(i.b)) {
        const a = i.a.value; const b = i.b.value;
        return C(i.dst, { eq: a === b, ne: a !== b, lt: a < b, le: a <= b, gt: a > b, ge: a >= b }[i.kind] ? 1n : 0n);
      }
      return i;
    case 'unary':
      if (k(i.a)) return C(i.dst, i.kind === 'neg' ? -i.a.value : T(i.dst) === 'bool' ? i.a.value ^ 1n : ~i.a.value);
      return i;
    case 'cast':
      if (k(i.src) && bitsOf(T(i.dst)) > 0) return C(i.dst, i.src.value);
      return i;
    default: return i;
  }
}

/**
 * A cheap summary of a function's code for the fixed point: blocks, their terminators and sizes,
 * and the operands' ids and constants. A change it misses only ends the iteration a round
 * early (less optimisation, never wrong code).
 */
function fingerprint(f: Func): string {
  let ids = 0;
  let consts = 0;
  const parts: string[] = [];
  for (const b of f.blocks) {
    parts.push(`${b.label}:${b.insts.length}:${b.terminator.op}:${successors(b.terminator).join(',')}`);
    for (const i of b.insts) {
      ids = (ids * 31 + i.op.length) | 0;
      for (const o of operandsOf(i)) {
        if (o.kind === 'value') ids = (ids * 31 + o.id) | 0;
        else consts = (consts * 31 + Number(BigInt.asIntN(32, o.value)) + 7) | 0;
      }
    }
  }
  return `${parts.join(';')}|${ids}|${consts}`;
}

/**
 * Algebraic identities with one constant operand: x + 0, x - 0, x | 0, x ^ 0, x * 1, x << 0,
 * x >> 0, x & all-ones → x; x & 0, x * 0 → 0. (Lowering's overflow checks of `x % 640` test
 * `x == MIN & 640 == -1`, which folds away this way.)
 */
function identity(f: Func, i: Extract<Inst, { op: 'binary' }>): Inst | undefined {
  const t = f.values[i.dst]!;
  if (bitsOf(t) === 0) return undefined;
  const ones = wrap(t, -1n);
  const isC = (o: Operand, v: bigint) => o.kind === 'const' && wrap(t, o.value) === v;
  const same = (o: Operand): Inst => ({ op: 'copy', dst: i.dst, src: o });
  const zero: Inst = { op: 'copy', dst: i.dst, src: { kind: 'const', type: t, value: 0n } };
  const commutative = i.kind === 'add' || i.kind === 'or' || i.kind === 'xor' || i.kind === 'and' || i.kind === 'mul';
  for (const [x, k] of commutative ? [[i.a, i.b], [i.b, i.a]] as const : [[i.a, i.b]] as const) {
    if (k.kind !== 'const') continue;
    if ((i.kind === 'add' || i.kind === 'sub' || i.kind === 'or' || i.kind === 'xor') && isC(k, 0n)) return same(x);
    if (i.kind === 'mul' && isC(k, 1n)) return same(x);
    if (i.kind === 'and' && isC(k, ones)) return same(x);
    if ((i.kind === 'and' || i.kind === 'mul') && isC(k, 0n)) return zero;
  }
  if ((i.kind === 'shl' || i.kind === 'shr') && i.b.kind === 'const' && BigInt.asUintN(64, i.b.value) % BigInt(bitsOf(t)) === 0n) return same(i.a);
  return undefined;
}

export function optimizeFunc(f: Func): Func {
  let func = f;
  for (let round = 0; round < 12; round++) {
    const before = fingerprint(func);
    func = promoteSlots(func);
    func = propagate(func);
    func = numberValues(func);
    func = foldBranches(func);
    func = mergeBlocks(func);
    func = removeDead(func);
    func = coalesceCopies(func);
    if (fingerprint(func) === before) break;
  }
  return orderBlocks(rotateLoops(func));
}

/**
 * `t = op …; x = copy t` with t used only there becomes `x = op …`: lowering's temporaries for
 * `x = x + 1` disappear and the allocator sees one value instead of two.
 */
function coalesceCopies(f: Func): Func {
  const uses = new Array(f.values.length).fill(0);
  const defs = new Array(f.values.length).fill(0);
  f.params.forEach((_, i) => defs[i]++);
  for (const b of f.blocks) {
    for (const i of b.insts) { for (const o of operandsOf(i)) if (o.kind === 'value') uses[o.id]++; for (const d of defsOf(i)) defs[d]++; }
    const t = b.terminator;
    for (const o of t.op === 'branch' ? [t.cond] : t.op === 'switch' ? [t.value] : t.op === 'return' && t.value ? [t.value] : []) if (o.kind === 'value') uses[o.id]++;
  }
  const blocks = f.blocks.map((b) => {
    const insts: Inst[] = [];
    for (let k = 0; k < b.insts.length; k++) {
      const i = b.insts[k]!;
      const next = b.insts[k + 1];
      const ds = defsOf(i);
      if (next?.op === 'copy' && next.src.kind === 'value' && ds.length === 1 && i.op !== 'call' && i.op !== 'callIndirect' && next.src.id === ds[0] && uses[ds[0]!] === 1 && defs[ds[0]!] === 1 && next.dst !== ds[0]) {
        insts.push({ ...i, dst: next.dst } as Inst);
        k++;
      } else insts.push(i);
    }
    return { ...b, insts };
  });
  return { ...f, blocks };
}

function propagate(f: Func): Func {
  const defCount = new Array(f.values.length).fill(0);
  f.params.forEach((_, i) => defCount[i]++);
  for (const b of f.blocks) for (const i of b.insts) for (const d of defsOf(i)) defCount[d]++;
  const known = new Map<number, Operand>();
  for (const b of f.blocks) for (const i of b.insts) {
    // `x = c`, and `x = y` where neither is ever assigned again: y's one definition dominates
    // x's, which dominates every read of x, so y holds the same value at each of them.
    if (i.op === 'copy' && defCount[i.dst] === 1 && (i.src.kind === 'const' || defCount[i.src.id] === 1)) known.set(i.dst, i.src);
  }
  const sub = (o: Operand): Operand => {
    for (let k = 0; o.kind === 'value' && known.has(o.id) && k < 64; k++) o = known.get(o.id)!;
    return o;
  };
  const blocks = f.blocks.map((b) => {
    const insts = b.insts.map((i) => fold(f, mapOperands(i, sub)));
    const t = b.terminator;
    const terminator = t.op === 'branch' ? { ...t, cond: sub(t.cond) } : t.op === 'switch' ? { ...t, value: sub(t.value) } : t.op === 'return' && t.value ? { ...t, value: sub(t.value) } : t;
    return { ...b, insts, terminator };
  });
  return { ...f, blocks };
}

/** The instruction of `b` that last defines `id`, if nothing redefines its operands after it. */
function lastDef(b: Func['blocks'][number], id: number): Inst | undefined {
  for (let k = b.insts.length - 1; k >= 0; k--) {
    const i = b.insts[k]!;
    if (!defsOf(i).includes(id)) continue;
    const later = b.insts.slice(k + 1).flatMap(defsOf);
    return operandsOf(i).some((o) => o.kind === 'value' && later.includes(o.id)) ? undefined : i;
  }
  return undefined;
}

function foldBranches(f: Func): Func {
  const blocks = f.blocks.map((b) => {
    let t = b.terminator;
    // `c = not x; branch c, A, B` → `branch x, B, A` (lowering's `if !(i < len) { panic }`).
    if (t.op === 'branch' && t.cond.kind === 'value') {
      const d = lastDef(b, t.cond.id);
      if (d?.op === 'unary' && d.kind === 'not' && f.values[d.dst] === 'bool') t = { ...t, cond: d.a, then: t.else, else: t.then };
    }
    if (t.op === 'branch' && t.cond.kind === 'const') return { ...b, terminator: { op: 'goto' as const, target: t.cond.value ? t.then : t.else } };
    if (t.op === 'branch' && t.then === t.else) return { ...b, terminator: { op: 'goto' as const, target: t.then } };
    if (t !== b.terminator) return { ...b, terminator: t };
    if (t.op === 'switch' && t.value.kind === 'const') {
      const x = t.value.value;
      return { ...b, terminator: { op: 'goto' as const, target: t.cases.find((c) => c.value === x)?.target ?? t.default } };
    }
    return b;
  });
  // Blocks no longer reachable from the entry.
  const byLabel = new Map(blocks.map((b) => [b.label, b]));
  const seen = new Set<string>();
  const work = [blocks[0]!.label];
  while (work.length) {
    const l = work.pop()!;
    if (seen.has(l)) continue;
    seen.add(l);
    work.push(...successors(byLabel.get(l)!.terminator));
  }
  return { ...f, blocks: blocks.filter((b) => seen.has(b.label)) };
}

/**
 * A block that ends in `goto B`, where B has no other predecessor, absorbs B (the chains of
 * empty blocks that folded bounds checks leave behind); a jump to an empty block that only
 * jumps on goes straight to where it leads.
 */
function mergeBlocks(f: Func): Func {
  const byLabel = new Map(f.blocks.map((b) => [b.label, { ...b, insts: [...b.insts] }]));
  const forward = (l: string): string => {
    const seen = new Set<string>();
    for (let b = byLabel.get(l)!; b.insts.length === 0 && b.terminator.op === 'goto' && !seen.has(b.label) && b.label !== f.blocks[0]!.label; b = byLabel.get(l)!) {
      seen.add(b.label);
      l = b.terminator.target;
    }
    return l;
  };
  for (const b of byLabel.values()) {
    const t = b.terminator;
    if (t.op === 'goto') b.terminator = { op: 'goto', target: forward(t.target) };
    else if (t.op === 'branch') b.terminator = { ...t, then: forward(t.then), else: forward(t.else) };
    else if (t.op === 'switch') b.terminator = { ...t, cases: t.cases.map((c) => ({ ...c, target: forward(c.target) })), default: forward(t.default) };
  }
  const preds = new Map<string, number>();
  for (const b of byLabel.values()) for (const s of new Set(successors(b.terminator))) preds.set(s, (preds.get(s) ?? 0) + 1);
  const absorbed = new Set<string>();
  for (const b of f.blocks) {
    const a = byLabel.get(b.label)!;
    if (absorbed.has(a.label)) continue;
    for (let t = a.terminator; t.op === 'goto' && t.target !== a.label && t.target !== f.blocks[0]!.label && preds.get(t.target) === 1 && !absorbed.has(t.target); t = a.terminator) {
      const next = byLabel.get(t.target)!;
      a.insts.push(...next.insts);
      a.terminator = next.terminator;
      absorbed.add(next.label);
    }
  }
  return { ...f, blocks: f.blocks.filter((b) => !absorbed.has(b.label)).map((b) => byLabel.get(b.label)!) };
}

export function successors(t: Func['blocks'][number]['terminator']): string[] {
  switch (t.op) {
    case 'goto': return [t.target];
    case 'branch': return [t.then, t.else];
    case 'switch': return [...t.cases.map((c) => c.target), t.default];
    default: return [];
  }
}

function removeDead(f: Func): Func {
  const used = new Set<number>();
  for (const b of f.blocks) {
    for (const i of b.insts) for (const o of operandsOf(i)) if (o.kind === 'value') used.add(o.id);
    const t = b.terminator;
    for (const o of t.op === 'branch' ? [t.cond] : t.op === 'switch' ? [t.value] : t.op === 'return' && t.value ? [t.value] : []) if (o.kind === 'value') used.add(o.id);
  }
  const blocks = f.blocks.map((b) => {
    // Backwards: a write that the block itself overwrites before anything reads it is dead too
    // (`x = t; x = t * k` from lowering's temporaries).
    const overwritten = new Set<number>();
    const kept: Inst[] = [];
    for (let k = b.insts.length - 1; k >= 0; k--) {
      const i = b.insts[k]!;
      const ds = defsOf(i);
      if (!hasEffect(i) && (ds.every((d) => !used.has(d) || overwritten.has(d)))) continue;
      for (const d of ds) overwritten.add(d);
      for (const o of operandsOf(i)) if (o.kind === 'value') overwritten.delete(o.id);
      kept.push(i);
    }
    return { ...b, insts: kept.reverse() };
  });
  return { ...f, blocks };
}
