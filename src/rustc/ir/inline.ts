// Inlining of small leaf functions, for release builds: methods like `fn step(&mut self)` or
// `fn energy(&self) -> u64` called in a loop cost a call, a frame and argument moves per round,
// and hide their loads and stores from the caller's optimisation. A call to a function of this
// module that makes no calls itself and has at most MAX_INSTRUCTIONS instructions is replaced
// by a copy of its body: parameters become copies of the arguments, `return v` a copy into the
// call's destination and a jump to the rest of the caller's block, the callee's slots become the
// caller's. The callee itself stays (other objects may call it; --gc-sections drops it if not).
import type { Block, Func, Inst, Module, Operand, ScalarType, Slot, Terminator } from './types.ts';

import { optimizeFunc } from './optimize.ts';

const MAX_INSTRUCTIONS = 40;
const MAX_BLOCKS = 16;

function isInlinable(g: Func): boolean {
  if (g.ret === 'never') return false;
  let count = 0;
  for (const b of g.blocks) {
    for (const i of b.insts) if (i.op === 'call' || i.op === 'callIndirect') return false;
    count += b.insts.length;
  }
  return count <= MAX_INSTRUCTIONS && g.blocks.length <= MAX_BLOCKS;
}

/** The release pipeline: each function optimised, small leaves inlined, changed callers optimised again. */
export function optimizeModule(m: Module): Module {
  const once = { ...m, funcs: m.funcs.map(optimizeFunc) };
  const inlined = inlineModule(once);
  return { ...inlined, funcs: inlined.funcs.map((f, k) => (f === once.funcs[k] ? f : optimizeFunc(f))) };
}

export function inlineModule(m: Module): Module {
  const candidates = new Map(m.funcs.filter(isInlinable).map((g) => [g.name, g]));
  if (!candidates.size) return m;
  return { ...m, funcs: m.funcs.map((f) => inlineCalls(f, candidates)) };
}

function inlineCalls(f: Func, candidates: Map<string, Func>): Func {
  if (!f.blocks.some((b) => b.insts.some((i) => i.op === 'call' && candidates.has(i.callee) && i.callee !== f.name))) return f;
  const values: ScalarType[] = [...f.values];
  const slots: Slot[] = [...f.slots];
  const labels = new Set(f.blocks.map((b) => b.label));
  const fresh = (hint: string) => {
    let l = hint;
    for (let k = 1; labels.has(l); k++) l = `${hint}.${k}`;
    labels.add(l);
    return l;
  };
  const out: Block[] = [];
  let site = 0;
  for (const block of f.blocks) {
    let current: Block = { label: block.label, insts: [], terminator: block.terminator };
    out.push(current);
    for (const i of block.insts) {
      const g = i.op === 'call' && i.callee !== f.name ? candidates.get(i.callee) : undefined;
      if (!g || i.op !== 'call') { current.insts.push(i); continue; }
      const n = site++;
      const valueMap = g.values.map((t) => { values.push(t); return values.length - 1; });
      const slotMap = g.slots.map((s) => { slots.push(s); return slots.length - 1; });
      const labelMap = new Map(g.blocks.map((b) => [b.label, fresh(`inl${n}.${b.label}`)]));
      const rest = fresh(`${block.label}.ret${n}`);
      // Arguments into the callee's parameter values, then into its entry.
      i.args.forEach((a, k) => current.insts.push({ op: 'copy', dst: valueMap[k]!, src: a }));
      current.terminator = { op: 'goto', target: labelMap.get(g.blocks[0]!.label)! };
      const V = (o: Operand): Operand => (o.kind === 'value' ? { kind: 'value', id: valueMap[o.id]! } : o);
      const L = (l: string) => labelMap.get(l)!;
      for (const b of g.blocks) {
        const insts = b.insts.map((x) => remap(x, V, (id) => valueMap[id]!, (s) => slotMap[s]!));
        let t: Terminator = b.terminator;
        switch (t.op) {
          case 'goto': t = { op: 'goto', target: L(t.target) }; break;
          case 'branch': t = { ...t, cond: V(t.cond), then: L(t.then), else: L(t.else) }; break;
          case 'switch': t = { ...t, value: V(t.value), cases: t.cases.map((c) => ({ ...c, target: L(c.target) })), default: L(t.default) }; break;
          case 'return':
            if (t.value && i.dst !== undefined) insts.push({ op: 'copy', dst: i.dst, src: V(t.value) });
            t = { op: 'goto', target: rest };
            break;
          default: break;
        }
        out.push({ label: L(b.label), insts, terminator: t });
      }
      // The rest of the caller's block, ending as the block did.
      const next: Block = { label: rest, insts: [], terminator: block.terminator };
      out.push(next);
      current = next;
    }
  }
  return { ...f, values, slots, blocks: out };
}

function remap(i: Inst, V: (o: Operand) => Operand, D: (id: number) => number, S: (slot: number) => number): Inst {
  switch (i.op) {
    case 'copy': return { ...i, dst: D(i.dst), src: V(i.src) };
    case 'binary': case 'compare': return { ...i, dst: D(i.dst), a: V(i.a), b: V(i.b) };
    case 'checked': return { ...i, dst: D(i.dst), overflow: D(i.overflow), a: V(i.a), b: V(i.b) };
    case 'unary': return { ...i, dst: D(i.dst), a: V(i.a) };
    case 'cast': return { ...i, dst: D(i.dst), src: V(i.src) };
    case 'load': return { ...i, dst: D(i.dst), addr: V(i.addr) };
    case 'store': return { ...i, addr: V(i.addr), value: V(i.value) };
    case 'slotAddr': return { ...i, dst: D(i.dst), slot: S(i.slot) };
    case 'staticAddr': return { ...i, dst: D(i.dst) };
    case 'ptrAdd': return { ...i, dst: D(i.dst), base: V(i.base), ...(i.index && { index: V(i.index) }) };
    case 'in': return { ...i, dst: D(i.dst), port: V(i.port) };
    case 'out': return { ...i, port: V(i.port), value: V(i.value) };
    case 'hlt': return i;
    case 'call': case 'callIndirect':
      // Never inside an inlined body (only leaves are inlined).
      return i;
  }
}
