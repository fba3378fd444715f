// `==` / `!=` beyond scalars: `&str` and slices of scalars (lengths, then elements), and
// aggregates deriving PartialEq (field by field, arrays element by element), as the derived
// and core implementations compare them.
import { c, v, type Operand } from '../ir/types.ts';
import type { Span } from '../span/span.ts';
import type { Ty } from '../thir/ty.ts';
import type { FnCx, Val } from './context.ts';
import { ice } from './errors.ts';
import { readMemTy } from './memory.ts';
import { fieldOffsets, fieldTys, isUnsized, layoutOfTy, reprOf, scalarOf } from './repr.ts';

const MAX_UNROLLED = 64;

/** Whether values of `ty` are equal (a bool operand). */
export function valuesEqual(cx: FnCx, a: Val, b: Val, ty: Ty, span: Span): Operand {
  const r = reprOf(ty);
  if (r.kind === 'zst') return c('bool', 1);
  if (r.kind === 'scalar') {
    if (a.k !== 's' || b.k !== 's') return ice('comparing non-scalars as scalars', span);
    if (ty.kind === 'ref' && scalarOf(ty.to)) return cx.b.compare('eq', cx.b.load(scalarOf(ty.to)!, a.o), cx.b.load(scalarOf(ty.to)!, b.o));
    return cx.b.compare('eq', a.o, b.o);
  }
  if (r.kind === 'fat') {
    if (a.k !== 'f' || b.k !== 'f') return ice('comparing non-slices as slices', span);
    const pointee = ty.kind === 'ref' || ty.kind === 'ptr' ? ty.to : ty;
    if (!isUnsized(pointee)) return ice(`comparing ${ty.kind} values`, span);
    const elem: Ty = pointee.kind === 'slice' ? pointee.elem : { kind: 'int', int: 'u8' };
    const et = scalarOf(elem) ?? ice('comparing slices of aggregates is not supported yet', span);
    return sequenceEqual(cx, a.p, b.p, a.n, b.n, et === 'bool' ? 'u8' : et, layoutOfTy(elem).size);
  }
  if (r.kind !== 'agg' || a.k !== 'm' || b.k !== 'm') return ice(`comparing ${ty.kind} values`, span);
  const parts: { off: number; ty: Ty }[] = [];
  if (ty.kind === 'array') {
    if (ty.len > MAX_UNROLLED) return ice('comparing arrays longer than 64 elements is not supported yet', span);
    const size = layoutOfTy(ty.elem).size;
    for (let i = 0; i < ty.len; i++) parts.push({ off: i * size, ty: ty.elem });
  } else {
    const offs = fieldOffsets(ty);
    fieldTys(ty).forEach((t, i) => parts.push({ off: offs[i]!, ty: t }));
  }
  let all: Operand = c('bool', 1);
  for (const p of parts) {
    const x = readMemTy(cx, p.off ? cx.b.ptrAdd(a.a, p.off) : a.a, p.ty);
    const y = readMemTy(cx, p.off ? cx.b.ptrAdd(b.a, p.off) : b.a, p.ty);
    all = cx.b.binary('and', 'bool', all, valuesEqual(cx, x, y, p.ty, span));
  }
  return all;
}

function sequenceEqual(cx: FnCx, pa: Operand, pb: Operand, na: Operand, nb: Operand, et: import('../ir/types.ts').ScalarType, stride: number): Operand {
  const result = cx.b.value('bool');
  cx.b.assign(result, c('bool', 0));
  const i = cx.b.value('usize');
  cx.b.assign(i, c('usize', 0));
  const head = cx.newBlock('seqeq');
  const body = cx.newBlock('seqeqbody');
  const same = cx.newBlock('seqeqsame');
  const done = cx.newBlock('seqeqdone');
  cx.branch(cx.b.compare('eq', na, nb), head, done, head);
  cx.branch(cx.b.compare('lt', v(i), na), body, same, body);
  const x = cx.b.load(et, cx.b.ptrAdd(pa, 0, v(i), stride));
  const y = cx.b.load(et, cx.b.ptrAdd(pb, 0, v(i), stride));
  cx.b.emit({ op: 'binary', kind: 'add', dst: i, a: v(i), b: c('usize', 1) });
  cx.branch(cx.b.compare('eq', x, y), head, done, same);
  cx.b.assign(result, c('bool', 1));
  cx.goto(done, done);
  return v(result);
}
