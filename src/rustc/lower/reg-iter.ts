// `for` loops whose iterator is built right there (`a..b`, `s.iter()`, `s.bytes()`, their
// `.rev()` and `.enumerate()`) keep the iterator's state in IR values rather than in a stack
// slot: the optimiser and the register allocator then see a plain counted or pointer loop, as
// LLVM does after inlining `next()`. Other iterators take the general path of iter.ts.
import { c, v, type Operand, type ScalarType } from '../ir/types.ts';
import type { Expr } from '../thir/thir.ts';
import type { Ty } from '../thir/ty.ts';
import { scalar } from './arith.ts';
import type { FnCx, Val } from './context.ts';
import { lowerExpr } from './expr.ts';
import type { MatchPlace } from './match.ts';
import { layoutOfTy, scalarOf } from './repr.ts';

/** One `next()` step: branches to `done` when exhausted, else gives the item (a value, or a tuple's parts). */
export type RegNext = (done: string) => MatchPlace;

const value = (p: MatchPlace): Val => (p.k === 'val' ? p.v : { k: 'z' });

function pointee(t: Ty): Ty | undefined {
  return t.kind === 'ref' || t.kind === 'ptr' ? t.to : undefined;
}

export function regIter(cx: FnCx, e: Expr, back = false): RegNext | undefined {
  const ok = (cond: Operand, done: string) => { const l = cx.newBlock('next'); cx.branch(cond, l, done, l); };
  if (e.kind === 'range') {
    const t = scalarOf(e.lo.ty);
    if (!t || t === 'char') return undefined;
    return rangeIter(cx, e, t, back, ok);
  }
  if (e.kind !== 'builtin') return undefined;
  switch (e.op) {
    case 'slice.iter': case 'slice.iter_mut': case 'str.bytes': {
      const arg = e.args[0]!;
      const to = pointee(arg.ty);
      const elem = to?.kind === 'slice' ? to.elem : { kind: 'int', int: 'u8' } as Ty;
      const size = Math.max(1, layoutOfTy(elem).size);
      const s = lowerExpr(cx, arg);
      if (s.k !== 'f') return undefined;
      const ptr = cx.b.value('ptr'); const end = cx.b.value('ptr');
      cx.b.assign(ptr, s.p);
      cx.b.assign(end, cx.b.ptrAdd(s.p, 0, s.n, size));
      const bytes = e.op === 'str.bytes';
      return (done) => {
        ok(cx.b.compare('ne', v(ptr), v(end)), done);
        let at: Operand;
        if (back) { cx.b.emit({ op: 'ptrAdd', dst: end, base: v(end), offset: -size }); at = v(end); }
        else { at = cx.b.copy('ptr', v(ptr)); cx.b.emit({ op: 'ptrAdd', dst: ptr, base: v(ptr), offset: size }); }
        return { k: 'val', v: { k: 's', o: bytes ? cx.b.load('u8', at) : at } };
      };
    }
    case 'iter.rev': return regIter(cx, e.args[0]!, !back);
    case 'iter.enumerate': {
      if (back) return undefined;
      const inner = regIter(cx, e.args[0]!);
      if (!inner) return undefined;
      const count = cx.b.value('usize');
      cx.b.assign(count, c('usize', 0));
      return (done) => {
        const x = value(inner(done));
        const i = cx.b.copy('usize', v(count));
        cx.b.emit({ op: 'binary', kind: 'add', dst: count, a: v(count), b: c('usize', 1) });
        return { k: 'parts', parts: [{ k: 's', o: i }, x] };
      };
    }
    default: return undefined;
  }
}

function rangeIter(cx: FnCx, e: Expr & { kind: 'range' }, t: ScalarType, back: boolean, ok: (cond: Operand, done: string) => void): RegNext {
  const start = cx.b.value(t); const end = cx.b.value(t); const exhausted = cx.b.value('bool');
  cx.b.assign(start, scalar(lowerExpr(cx, e.lo), e.span));
  cx.b.assign(end, scalar(lowerExpr(cx, e.hi), e.span));
  cx.b.assign(exhausted, c('bool', 0));
  const [from, to] = back ? [end, start] : [start, end];
  const stepKind = back ? 'sub' : 'add';
  return (done) => {
    if (!e.inclusive) {
      ok(cx.b.compare('lt', v(start), v(end)), done);
      if (back) { cx.b.emit({ op: 'binary', kind: 'sub', dst: end, a: v(end), b: c(t, 1) }); return { k: 'val', v: { k: 's', o: cx.b.copy(t, v(end)) } }; }
      const item = cx.b.copy(t, v(start));
      cx.b.emit({ op: 'binary', kind: 'add', dst: start, a: v(start), b: c(t, 1) });
      return { k: 'val', v: { k: 's', o: item } };
    }
    { const l = cx.newBlock('next'); cx.branch(v(exhausted), done, l, l); }
    ok(cx.b.compare('le', v(start), v(end)), done);
    const item = cx.b.copy(t, v(from));
    // At the last value (possibly MAX or MIN) mark the range exhausted instead of stepping past it.
    cx.b.assign(exhausted, cx.b.compare('eq', v(start), v(end)));
    const more = cx.newBlock('rmore'); const out = cx.newBlock('rout');
    cx.branch(v(exhausted), out, more, more);
    cx.b.emit({ op: 'binary', kind: stepKind, dst: from, a: v(from), b: c(t, 1) });
    void to;
    cx.goto(out, out);
    return { k: 'val', v: { k: 's', o: item } };
  };
}
