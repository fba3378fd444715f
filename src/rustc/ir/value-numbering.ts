// Value numbering over extended basic blocks (trees of blocks where every block but the root
// has exactly one predecessor), for release builds. Within such a tree the program's state is
// known exactly along each path, even though IR values may be assigned more than once:
//   - a pure computation of operands already computed (same operation, same value numbers)
//     becomes a copy of the value that still holds the earlier result: `a[i - 1]` twice computes
//     `i - 1` and the address once;
//   - a non-volatile load of an address loaded or stored before, with no store, call or volatile
//     access in between, becomes a copy of the value loaded or stored (store-to-load forwarding);
//   - a branch's condition is known in the successor it leads to, so the same comparison there
//     (the second bounds check of `a[i]`) folds its branch;
//   - operands whose value number is a constant become that constant.
// Copies made here are cleaned up by copy propagation and dead-code elimination afterwards.
import { defsOf, mapOperands } from './inst-operands.ts';
import { wrap, type Func, type Inst, type Operand, type ScalarType, type Terminator } from './types.ts';

const SAME_BITS = new Set<ScalarType>(['u64', 'usize', 'ptr']);
const typeOfOperand = (f: Func, o: Operand): ScalarType => (o.kind === 'const' ? o.type : f.values[o.id]!);

interface Available { readonly vn: number; readonly holder: number }

class State {
  constructor(
    /** The value number each value id holds at this point. */
    readonly vnOf: Map<number, number>,
    /** Pure expressions (by operation and operand value numbers) → who holds the result. */
    readonly exprs: Map<string, Available>,
    /** Memory: `type@addressVN` → the value last loaded from or stored there. */
    readonly memory: Map<string, Available | { vn: number; constant: Operand }>,
    /** Value numbers known to be a constant (from constants and taken branches). */
    readonly known: Map<number, bigint>,
    /** The values that took each value number, oldest first (some may hold another by now). */
    readonly holders: Map<number, number[]>,
  ) {}

  clone(): State {
    return new State(new Map(this.vnOf), new Map(this.exprs), new Map(this.memory), new Map(this.known), new Map([...this.holders].map(([k, v]) => [k, [...v]])));
  }
}

export function numberValues(f: Func): Func {
  let next = 0;
  const constVn = new Map<string, number>();
  const constOf = new Map<number, { type: ScalarType; value: bigint }>();
  const vnOfConst = (type: ScalarType, value: bigint) => {
    const key = `${type}:${value}`;
    let vn = constVn.get(key);
    if (vn === undefined) { vn = next++; constVn.set(key, vn); constOf.set(vn, { type, value }); }
    return vn;
  };
  const preds = new Map<string, number>(f.blocks.map((b) => [b.label, 0]));
  for (const b of f.blocks) for (const s of new Set(successors(b.terminator))) preds.set(s, (preds.get(s) ?? 0) + 1);
  const byLabel = new Map(f.blocks.map((b) => [b.label, b]));
  const out = new Map<string, { insts: Inst[]; terminator: Terminator }>();

  // Iterative (an inlined function can make chains of thousands of blocks); a block's only
  // child continues with the parent's state, several children get copies.
  const work: { label: string; st: State }[] = [];
  const visit = (label: string, st: State) => {
    work.push({ label, st });
    while (work.length) {
      const item = work.pop()!;
      step(item.label, item.st);
    }
  };
  const step = (label: string, st: State) => {
    const b = byLabel.get(label)!;
    const vn = (o: Operand): number => {
      if (o.kind === 'const') return vnOfConst(o.type, o.value);
      let n = st.vnOf.get(o.id);
      if (n === undefined) { n = next++; st.vnOf.set(o.id, n); st.holders.set(n, [o.id]); }
      return n;
    };
    /**
     * The operand with a known value replaced by its constant, or else by the oldest value of
     * its type that still holds the same value (copy propagation along the path), which leaves
     * the copies lowering makes dead.
     */
    const sub = (o: Operand): Operand => {
      if (o.kind === 'const') return o;
      const n = vn(o);
      const c = constOf.get(n);
      if (c) return { kind: 'const', type: f.values[o.id]!, value: wrap(f.values[o.id]!, c.value) };
      const k = st.known.get(n);
      if (k !== undefined) return { kind: 'const', type: f.values[o.id]!, value: k };
      const h = st.holders.get(n)?.find((id) => st.vnOf.get(id) === n && f.values[id] === f.values[o.id]);
      return h === undefined || h === o.id ? o : { kind: 'value', id: h };
    };
    const holderOf = (a: Available | undefined) => (a && st.vnOf.get(a.holder) === a.vn ? a : undefined);
    const define = (id: number, n: number) => {
      st.vnOf.set(id, n);
      const list = st.holders.get(n);
      if (!list) st.holders.set(n, [id]);
      else if (!list.includes(id)) list.push(id);
    };
    const insts: Inst[] = [];
    for (const original of b.insts) {
      const i = mapOperands(original, sub);
      const key = pureKey(f, i, vn);
      if (i.op === 'copy') {
        define(i.dst, vn(i.src));
        insts.push(i);
      } else if (i.op === 'cast' && SAME_BITS.has(f.values[i.dst]!) && SAME_BITS.has(typeOfOperand(f, i.src))) {
        // Between u64, usize and ptr a cast changes nothing but the type: a value of the
        // destination's type that holds the same bits may simply be copied.
        const n = vn(i.src);
        const h = st.holders.get(n)?.find((id) => st.vnOf.get(id) === n && f.values[id] === f.values[i.dst]);
        insts.push(h !== undefined && h !== i.dst ? { op: 'copy', dst: i.dst, src: { kind: 'value', id: h } } : i);
        define(i.dst, n);
      } else if (key !== undefined) {
        const dst = (i as { dst: number }).dst;
        const have = holderOf(st.exprs.get(key));
        if (have && have.holder !== dst) {
          insts.push({ op: 'copy', dst, src: { kind: 'value', id: have.holder } });
          define(dst, have.vn);
        } else {
          const n = next++;
          insts.push(i);
          define(dst, n);
          st.exprs.set(key, { vn: n, holder: dst });
        }
      } else if (i.op === 'load' && !i.volatile) {
        const mkey = `${f.values[i.dst]}@${vn(i.addr)}`;
        const have = st.memory.get(mkey);
        if (have && 'constant' in have) {
          insts.push({ op: 'copy', dst: i.dst, src: have.constant });
          define(i.dst, have.vn);
        } else if (have && holderOf(have) && have.holder !== i.dst) {
          insts.push({ op: 'copy', dst: i.dst, src: { kind: 'value', id: have.holder } });
          define(i.dst, have.vn);
        } else {
          const n = next++;
          insts.push(i);
          define(i.dst, n);
          st.memory.set(mkey, { vn: n, holder: i.dst });
        }
      } else if (i.op === 'store' && !i.volatile) {
        // Any earlier entry may alias this address: forget them all, then remember this one.
        st.memory.clear();
        const t = i.value.kind === 'const' ? i.value.type : f.values[i.value.id]!;
        const mkey = `${t}@${vn(i.addr)}`;
        st.memory.set(mkey, i.value.kind === 'const' ? { vn: vn(i.value), constant: i.value } : { vn: vn(i.value), holder: i.value.id });
        insts.push(i);
      } else {
        if (i.op === 'store' || i.op === 'load' || i.op === 'call' || i.op === 'callIndirect' || i.op === 'in' || i.op === 'out' || i.op === 'hlt') st.memory.clear();
        for (const d of defsOf(i)) define(d, next++);
        insts.push(i);
      }
    }
    let t = b.terminator;
    if (t.op === 'branch') {
      const cond = sub(t.cond);
      t = cond.kind === 'const' ? { op: 'goto', target: cond.value ? t.then : t.else } : { ...t, cond };
    } else if (t.op === 'switch') t = { ...t, value: sub(t.value) };
    else if (t.op === 'return' && t.value) t = { ...t, value: sub(t.value) };
    out.set(label, { insts, terminator: t });
    const condVn = t.op === 'branch' ? vn(t.cond) : undefined;
    const children = [...new Set(successors(t))].filter((s) => preds.get(s) === 1 && s !== f.blocks[0]!.label && !out.has(s));
    // Blocks that only panic or stop need no state (failed bounds and overflow checks).
    const needState = children.filter((s) => {
      const c = byLabel.get(s)!;
      if (c.insts.length === 0 && (c.terminator.op === 'panic' || c.terminator.op === 'unreachable')) { out.set(s, { insts: [], terminator: c.terminator }); return false; }
      return true;
    });
    needState.forEach((s, k) => {
      const child = k === needState.length - 1 ? st : st.clone();
      if (t.op === 'branch' && t.then !== t.else && condVn !== undefined) child.known.set(condVn, s === t.then ? 1n : 0n);
      work.push({ label: s, st: child });
    });
  };
  const empty = () => new State(new Map(), new Map(), new Map(), new Map(), new Map());
  // Roots: the entry and every block that is not the only successor of a single predecessor.
  for (const b of f.blocks) {
    if (out.has(b.label)) continue;
    if (b === f.blocks[0] || preds.get(b.label) !== 1) visit(b.label, empty());
  }
  // Blocks reached only from unreachable code (never visited above) stay as they are.
  for (const b of f.blocks) if (!out.has(b.label)) visit(b.label, empty());
  return { ...f, blocks: f.blocks.map((b) => ({ ...b, ...out.get(b.label)! })) };
}

/** The key of a pure, non-trapping-if-repeated instruction: operation and operand value numbers. */
function pureKey(f: Func, i: Inst, vn: (o: Operand) => number): string | undefined {
  switch (i.op) {
    case 'binary': return `${i.kind} ${f.values[i.dst]} ${vn(i.a)} ${vn(i.b)}`;
    case 'compare': return `${i.kind} ${vn(i.a)} ${vn(i.b)}`;
    case 'unary': return `${i.kind} ${f.values[i.dst]} ${vn(i.a)}`;
    case 'cast': return `cast ${f.values[i.dst]} ${vn(i.src)}`;
    case 'ptrAdd': return `ptrAdd ${vn(i.base)} ${i.index ? vn(i.index) : '-'} ${i.scale ?? 1} ${i.offset ?? 0}`;
    case 'slotAddr': return `slot ${i.slot}`;
    case 'staticAddr': return `static ${i.symbol}`;
    default: return undefined;
  }
}

function successors(t: Terminator): string[] {
  switch (t.op) {
    case 'goto': return [t.target];
    case 'branch': return [t.then, t.else];
    case 'switch': return [...t.cases.map((c) => c.target), t.default];
    default: return [];
  }
}

