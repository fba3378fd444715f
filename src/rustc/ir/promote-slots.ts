// Scalar replacement of stack slots, for release builds. Lowering keeps every aggregate in a
// slot — a slice iterator's (ptr, end), `enumerate`'s count, a tuple of (index, item), a small
// struct — and reaches its fields with ptrAdd + load/store. When a slot's address never
// escapes (every pointer into it is only ever the address of a non-volatile load or store, at
// a constant offset) each field becomes an ordinary IR value: a store becomes an assignment,
// a load a copy, and the allocator can keep the field in a register. Values may be assigned
// more than once in the IR, so no SSA construction is needed.
//
// A field is (offset, size). All accesses of a promoted slot must be whole fields (same offset
// and size, no partial overlap), and the types at one field must convert losslessly: the same
// type, or integers/pointers of one width (a cast is inserted). Fields start as zero on entry
// (the program never reads them before writing them; this only keeps the IR well-defined).
import { defsOf, operandsOf } from './optimize.ts';
import { bitsOf, isInt, wrap, type Func, type Inst, type Operand, type ScalarType } from './types.ts';

interface Access { block: number; inst: number; offset: number; type: ScalarType }

const convertible = (a: ScalarType, b: ScalarType) =>
  a === b || (bitsOf(a) === bitsOf(b) && (isInt(a) || a === 'ptr') && (isInt(b) || b === 'ptr'));

export function promoteSlots(f: Func): Func {
  if (!f.slots.length) return f;
  const defCount = new Array<number>(f.values.length).fill(0);
  f.params.forEach((_, i) => defCount[i]!++);
  for (const b of f.blocks) for (const i of b.insts) for (const d of defsOf(i)) defCount[d]!++;
  // Pointers known to be slot + constant offset: slotAddr, and ptrAdd of those with constant
  // index and offset, each defined once.
  const pointsTo = new Map<number, { slot: number; offset: number }>();
  for (let changed = true; changed;) {
    changed = false;
    for (const b of f.blocks) for (const i of b.insts) {
      if (pointsTo.has((i as { dst?: number }).dst ?? -1)) continue;
      if (i.op === 'slotAddr' && defCount[i.dst] === 1) { pointsTo.set(i.dst, { slot: i.slot, offset: 0 }); changed = true; }
      if (i.op === 'ptrAdd' && defCount[i.dst] === 1 && i.base.kind === 'value' && pointsTo.has(i.base.id) && (!i.index || i.index.kind === 'const')) {
        const base = pointsTo.get(i.base.id)!;
        const extra = (i.index && i.index.kind === 'const' ? Number(BigInt.asIntN(64, i.index.value)) * (i.scale ?? 1) : 0) + (i.offset ?? 0);
        pointsTo.set(i.dst, { slot: base.slot, offset: base.offset + extra });
        changed = true;
      }
    }
  }
  if (!pointsTo.size) return f;
  // Which slots escape, and the accesses of the others.
  const escapes = new Set<number>();
  const accesses = new Map<number, Access[]>();
  const escape = (o: Operand) => { if (o.kind === 'value' && pointsTo.has(o.id)) escapes.add(pointsTo.get(o.id)!.slot); };
  f.blocks.forEach((b, bi) => {
    b.insts.forEach((i, ii) => {
      const access = (addr: Operand, type: ScalarType, volatile: boolean | undefined) => {
        if (addr.kind !== 'value' || !pointsTo.has(addr.id)) return;
        const p = pointsTo.get(addr.id)!;
        if (volatile || bitsOf(type) === 0 || bitsOf(type) === 128) { escapes.add(p.slot); return; }
        if (!accesses.has(p.slot)) accesses.set(p.slot, []);
        accesses.get(p.slot)!.push({ block: bi, inst: ii, offset: p.offset, type });
      };
      if (i.op === 'load') access(i.addr, f.values[i.dst]!, i.volatile);
      else if (i.op === 'store') {
        access(i.addr, i.value.kind === 'const' ? i.value.type : f.values[i.value.id]!, i.volatile);
        escape(i.value);
      } else if (i.op === 'ptrAdd' && pointsTo.has(i.dst)) {
        // a derived pointer: fine, its own uses are checked
      } else if (i.op !== 'slotAddr') operandsOf(i).forEach(escape);
    });
    const t = b.terminator;
    (t.op === 'branch' ? [t.cond] : t.op === 'switch' ? [t.value] : t.op === 'return' && t.value ? [t.value] : []).forEach(escape);
  });
  // Fields: accesses must agree on size at each offset, stay inside the slot and not overlap.
  const fields = new Map<number, Map<number, ScalarType>>();
  for (const [slot, list] of accesses) {
    if (escapes.has(slot)) continue;
    const byOffset = new Map<number, ScalarType>();
    let ok = true;
    for (const a of list) {
      const t = byOffset.get(a.offset);
      if (a.offset < 0 || a.offset + bitsOf(a.type) / 8 > f.slots[slot]!.size) ok = false;
      else if (t === undefined) byOffset.set(a.offset, a.type);
      else if (!convertible(t, a.type)) ok = false;
      // Lowering copies aggregates as u64 words: the field takes the type its real users give it.
      else if (t === 'u64' && a.type !== 'u64') byOffset.set(a.offset, a.type);
    }
    const spans = [...byOffset].map(([o, t]) => [o, o + bitsOf(t) / 8] as const).sort((x, y) => x[0] - y[0]);
    for (let k = 1; k < spans.length; k++) if (spans[k]![0] < spans[k - 1]![1]) ok = false;
    if (ok) fields.set(slot, byOffset);
  }
  if (!fields.size) return f;
  const values: ScalarType[] = [...f.values];
  const fieldValue = new Map<string, number>();
  const init: Inst[] = [];
  for (const [slot, byOffset] of fields) for (const [offset, type] of byOffset) {
    const id = values.length;
    values.push(type);
    fieldValue.set(`${slot}:${offset}`, id);
    init.push({ op: 'copy', dst: id, src: { kind: 'const', type, value: 0n } });
  }
  const field = (addr: Operand): { id: number; type: ScalarType } | undefined => {
    if (addr.kind !== 'value') return undefined;
    const p = pointsTo.get(addr.id);
    if (!p || !fields.has(p.slot)) return undefined;
    const id = fieldValue.get(`${p.slot}:${p.offset}`)!;
    return { id, type: values[id]! };
  };
  const move = (dst: number, dstType: ScalarType, src: Operand, srcType: ScalarType): Inst =>
    dstType === srcType ? { op: 'copy', dst, src } : { op: 'cast', dst, src };
  const blocks = f.blocks.map((b, bi) => ({
    ...b,
    insts: [...(bi === 0 ? init : []), ...b.insts.map((i): Inst => {
      if (i.op === 'load') {
        const fv = field(i.addr);
        if (fv) return move(i.dst, f.values[i.dst]!, { kind: 'value', id: fv.id }, fv.type);
      } else if (i.op === 'store') {
        const fv = field(i.addr);
        if (fv) {
          const t = i.value.kind === 'const' ? i.value.type : f.values[i.value.id]!;
          if (i.value.kind === 'const' && t !== fv.type) return { op: 'copy', dst: fv.id, src: { kind: 'const', type: fv.type, value: wrap(fv.type, BigInt.asUintN(bitsOf(t), i.value.value)) } };
          return move(fv.id, fv.type, i.value, t);
        }
      }
      return i;
    })],
  }));
  return { ...f, values, blocks };
}
