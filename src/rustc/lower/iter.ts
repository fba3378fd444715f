// `for` loops over the built-in iterators (thir/ty.ts IterShape). An iterator is a small state
// struct in memory (repr.ts iterLayoutType); `emitNext` writes the code of one `next()` step for
// a shape, branching to the loop's exit when it is exhausted, and wrappers (enumerate, rev,
// step_by) call their inner shape's step. `for i in a..b` over integers keeps its bounds in IR
// values instead, so the optimiser and the register allocator see a plain counted loop.
import { c, v, type Operand, type ScalarType } from '../ir/types.ts';
import type { Expr } from '../thir/thir.ts';
import type { IterShape, Ty } from '../thir/ty.ts';
import { scalar } from './arith.ts';
import type { FnCx, Val } from './context.ts';
import { ice } from './errors.ts';
import { lowerExpr } from './expr.ts';
import { bindIrrefutablePlace, type MatchPlace } from './match.ts';
import { regIter } from './reg-iter.ts';
import { copyBytes, readMemTy, writeMem } from './memory.ts';
import { layoutOfTy, reprOf, scalarOf } from './repr.ts';
import { lowerBlockInto } from './control.ts';

const USIZE: Ty = { kind: 'int', int: 'usize' };

export function shapeOf(t: Ty): IterShape {
  return t.kind === 'iter' ? t.shape : ice(`an iterator expected, found ${t.kind}`);
}

/** The type each `next()` yields. */
export function itemTy(s: IterShape): Ty {
  switch (s.kind) {
    case 'range': return s.elem;
    case 'sliceIter': return { kind: 'ref', mut: s.mut, to: s.elem };
    case 'bytes': return { kind: 'int', int: 'u8' };
    case 'chars': return { kind: 'char' };
    case 'enumerate': return { kind: 'tuple', elems: [USIZE, itemTy(shapeOf(s.inner))] };
    case 'rev': case 'stepBy': return itemTy(shapeOf(s.inner));
  }
}

const off = (cx: FnCx, a: Operand, n: number) => (n ? cx.b.ptrAdd(a, n) : a);

/** Increments a range element (integers; chars skip the surrogate gap). */
function step(cx: FnCx, t: ScalarType, x: Operand, dir: 'add' | 'sub'): Operand {
  if (t !== 'char') return cx.b.binary(dir, t, x, c(t, 1));
  const n = cx.b.cast('u32', x);
  const stepped = cx.b.binary(dir, 'u32', n, c('u32', 1));
  const gap = dir === 'add' ? [0xd800, 0xe000] : [0xdfff, 0xd7ff];
  const inGap = cx.b.compare('eq', stepped, c('u32', gap[0]!));
  const fixed = cx.b.value('u32');
  cx.b.assign(fixed, stepped);
  const fix = cx.newBlock('gap');
  const done = cx.newBlock('gapdone');
  cx.branch(inGap, fix, done, fix);
  cx.b.assign(fixed, c('u32', gap[1]!));
  cx.goto(done, done);
  return asChar(cx, v(fixed));
}

/** A u32 known to be a valid code point, as a char (the IR has no u32 → char cast: through memory). */
function asChar(cx: FnCx, x: Operand): Operand {
  const slot = cx.tempSlot(4, 4);
  cx.b.store(slot, x);
  return cx.b.load('char', slot);
}

/** One `next()` (or `next_back()` when `back`) of the iterator at `a`: exits to `done`, else yields the item. */
export function emitNext(cx: FnCx, s: IterShape, a: Operand, done: string, back = false): Val {
  const ok = (cond: Operand) => { const l = cx.newBlock('next'); cx.branch(cond, l, done, l); };
  const L = layoutOfTy({ kind: 'iter', shape: s });
  switch (s.kind) {
    case 'range': {
      const t = scalarOf(s.elem) ?? ice('a range over a non-scalar');
      const startA = a; const endA = off(cx, a, L.offsets[1]!);
      const start = cx.b.load(t, startA); const end = cx.b.load(t, endA);
      if (!s.inclusive) {
        ok(cx.b.compare('lt', start, end));
        if (back) { const e = step(cx, t, end, 'sub'); cx.b.store(endA, e); return { k: 's', o: e }; }
        cx.b.store(startA, step(cx, t, start, 'add'));
        return { k: 's', o: start };
      }
      const exA = off(cx, a, L.offsets[2]!);
      { const l = cx.newBlock('next'); cx.branch(cx.b.load('bool', exA), done, l, l); }
      ok(cx.b.compare('le', start, end));
      const item = back ? end : start;
      const more = cx.newBlock('rmore'); const last = cx.newBlock('rlast'); const out = cx.newBlock('rout');
      cx.branch(cx.b.compare('lt', start, end), more, last, more);
      if (back) cx.b.store(endA, step(cx, t, end, 'sub')); else cx.b.store(startA, step(cx, t, start, 'add'));
      cx.goto(out, last);
      cx.b.store(exA, c('bool', 1));
      cx.goto(out, out);
      return { k: 's', o: item };
    }
    case 'sliceIter': case 'bytes': case 'chars': {
      const size = s.kind === 'sliceIter' ? Math.max(1, layoutOfTy(s.elem).size) : 1;
      const endA = cx.b.ptrAdd(a, 8);
      const p = cx.b.load('ptr', a); const end = cx.b.load('ptr', endA);
      ok(cx.b.compare('ne', p, end));
      if (s.kind === 'chars') {
        if (!back) return decodeChar(cx, a, p);
        // Back up over continuation bytes (0b10xx_xxxx) to the last scalar's first byte.
        const q = cx.b.value('ptr');
        cx.b.emit({ op: 'ptrAdd', dst: q, base: end, offset: -1 });
        const head = cx.newBlock('utf8back'); const step = cx.newBlock('utf8step'); const found = cx.newBlock('utf8start');
        cx.goto(head, head);
        const cont = cx.b.compare('eq', cx.b.binary('and', 'u8', cx.b.load('u8', v(q)), c('u8', 0xc0)), c('u8', 0x80));
        cx.branch(cont, step, found, step);
        cx.b.emit({ op: 'ptrAdd', dst: q, base: v(q), offset: -1 });
        cx.goto(head, found);
        cx.b.store(endA, v(q));
        return decodeChar(cx, undefined, v(q));
      }
      const at = back ? cx.b.ptrAdd(end, -size) : p;
      cx.b.store(back ? endA : a, back ? at : cx.b.ptrAdd(p, size));
      return s.kind === 'bytes' ? { k: 's', o: cx.b.load('u8', at) } : { k: 's', o: at };
    }
    case 'enumerate': {
      if (back) return ice('enumerate().rev() is not supported yet');
      const inner = shapeOf(s.inner);
      const countA = off(cx, a, L.offsets[1]!);
      const x = emitNext(cx, inner, a, done);
      const itTy = itemTy(s);
      const tl = layoutOfTy(itTy);
      const slot = cx.tempSlot(tl.size, tl.align);
      const count = cx.b.load('usize', countA);
      cx.b.store(off(cx, slot, tl.offsets[0]!), count);
      writeMem(cx, off(cx, slot, tl.offsets[1]!), x, itemTy(inner));
      cx.b.store(countA, cx.b.binary('add', 'usize', count, c('usize', 1)));
      return { k: 'm', a: slot, temp: true };
    }
    case 'rev': return emitNext(cx, shapeOf(s.inner), a, done, !back);
    case 'stepBy': {
      if (back) return ice('step_by().rev() is not supported yet');
      const inner = shapeOf(s.inner);
      const stepA = off(cx, a, L.offsets[1]!);
      const firstA = off(cx, a, L.offsets[2]!);
      const skip = cx.b.value('usize');
      const first = cx.b.load('bool', firstA);
      cx.b.store(firstA, c('bool', 0));
      cx.b.assign(skip, c('usize', 0));
      const later = cx.newBlock('stepn'); const head = cx.newBlock('skip'); const drop = cx.newBlock('skipone'); const take = cx.newBlock('take');
      cx.branch(first, head, later, later);
      cx.b.assign(skip, cx.b.binary('sub', 'usize', cx.b.load('usize', stepA), c('usize', 1)));
      cx.goto(head, head);
      cx.branch(cx.b.compare('eq', v(skip), c('usize', 0)), take, drop, drop);
      emitNext(cx, inner, a, done);
      cx.b.assign(skip, cx.b.binary('sub', 'usize', v(skip), c('usize', 1)));
      cx.goto(head, take);
      return emitNext(cx, inner, a, done);
    }
  }
}

/** Decodes one UTF-8 scalar at p (valid UTF-8: a `str`), advancing the iterator's pointer at `a` if given. */
function decodeChar(cx: FnCx, a: Operand | undefined, p: Operand): Val {
  const cp = cx.b.value('u32');
  const len = cx.b.value('usize');
  const b0 = cx.b.cast('u32', cx.b.load('u8', p));
  const cont = (i: number) => cx.b.binary('and', 'u32', cx.b.cast('u32', cx.b.load('u8', cx.b.ptrAdd(p, i))), c('u32', 0x3f));
  const join = cx.newBlock('utf8');
  const forms: [number, number, number][] = [[0x80, 0x7f, 1], [0xe0, 0x1f, 2], [0xf0, 0x0f, 3], [0x100, 0x07, 4]];
  for (const [below, mask, n] of forms) {
    const here = cx.newBlock(`utf8_${n}`);
    const next = cx.newBlock('utf8n');
    cx.branch(cx.b.compare('lt', b0, c('u32', below)), here, next, here);
    let x = cx.b.binary('and', 'u32', b0, c('u32', mask));
    for (let i = 1; i < n; i++) x = cx.b.binary('or', 'u32', cx.b.binary('shl', 'u32', x, c('u32', 6)), cont(i));
    cx.b.assign(cp, x);
    cx.b.assign(len, c('usize', n));
    cx.goto(join, next);
  }
  cx.finish({ op: 'unreachable' }, join);
  if (a) cx.b.store(a, cx.b.ptrAdd(p, 0, v(len), 1));
  return { k: 's', o: asChar(cx, v(cp)) };
}

export function lowerFor(cx: FnCx, e: Expr & { kind: 'for' }): void {
  const shape = shapeOf(e.iter.ty);
  const head = cx.newBlock('for');
  const exit = cx.newBlock('endfor');
  cx.loops.set(e.loop, { breakLabel: exit, continueLabel: head, dest: { k: 'z' }, ty: e.ty });
  const fast = regIter(cx, e.iter);
  let next: () => MatchPlace;
  if (fast) next = () => fast(exit);
  else {
    const it = lowerExpr(cx, e.iter);
    const L = layoutOfTy(e.iter.ty);
    const state = cx.tempSlot(L.size, L.align);
    if (it.k === 'm') copyBytes(cx, state, it.a, L.size, L.align);
    next = () => ({ k: 'val', v: emitNext(cx, shape, state, exit) });
  }
  cx.goto(head, head);
  bindIrrefutablePlace(cx, e.pat, next());
  lowerBlockInto(cx, e.body, { k: 'z' });
  cx.goto(head, exit);
}

/** Builds iterator states for the builtins that make them. */
export function makeSliceIter(cx: FnCx, p: Operand, n: Operand, elemSize: number): Val {
  const slot = cx.tempSlot(16, 8);
  cx.b.store(slot, p);
  cx.b.store(cx.b.ptrAdd(slot, 8), cx.b.ptrAdd(p, 0, n, Math.max(1, elemSize)));
  return { k: 'm', a: slot, temp: true };
}

/** A wrapper's state: the inner state first, then the given scalars at their layout offsets. */
export function wrapIter(cx: FnCx, outer: Ty, inner: Val, innerTy: Ty, extra: Operand[]): Val {
  const L = layoutOfTy(outer);
  const slot = cx.tempSlot(L.size, L.align);
  writeMem(cx, slot, inner, innerTy);
  extra.forEach((x, i) => cx.b.store(off(cx, slot, L.offsets[i + 1]!), x));
  return { k: 'm', a: slot, temp: true };
}

export { readMemTy, reprOf };
