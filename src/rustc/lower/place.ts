// Places: where a value lives, as a Store. Locals (IR values or a stack slot), statics,
// dereferences of pointers, fields at layout offsets, bounds-checked elements and sub-slices.
// An expression that is not a place but is used as one (`f().x`) gets a temporary.
import { c, type Operand } from '../ir/types.ts';
import type { Expr } from '../thir/thir.ts';
import type { Span } from '../span/span.ts';
import type { FnCx, Store, Val } from './context.ts';
import { ice } from './errors.ts';
import { lowerExpr } from './expr.ts';
import { freeze, spill } from './memory.ts';
import { panicWithNumbers } from './panic-fmt.ts';
import { elemOf, fieldOffsets, layoutOfTy, reprOf } from './repr.ts';

export function isPlaceExpr(e: Expr): boolean {
  switch (e.kind) {
    case 'local': case 'static': case 'deref': case 'field': case 'index': case 'rangeIndex': return true;
    default: return false;
  }
}

export function lowerPlace(cx: FnCx, e: Expr): Store {
  switch (e.kind) {
    case 'local': return cx.locals[e.local] ?? ice(`unknown local ${e.local}`, e.span);
    case 'static': cx.mc.declareStatic(e.def); return { k: 'mem', a: cx.b.staticAddr(e.def.symbol) };
    case 'deref': {
      const p = lowerExpr(cx, e.operand);
      if (p.k === 's') return { k: 'mem', a: p.o };
      if (p.k === 'f') return { k: 'mem', a: p.p, len: p.n };
      return ice('dereference of a value that is not a pointer', e.span);
    }
    case 'field': {
      const base = lowerPlace(cx, e.base);
      if (reprOf(e.ty).kind === 'zst') return { k: 'z' };
      if (base.k !== 'mem') return ice(`field of a ${base.k} place`, e.span);
      const off = fieldOffsets(e.base.ty)[e.index] ?? ice(`no field ${e.index}`, e.span);
      return { k: 'mem', a: off ? cx.b.ptrAdd(base.a, off) : base.a };
    }
    case 'index': {
      const base = lowerPlace(cx, e.base);
      const idxVal = lowerExpr(cx, e.index);
      if (idxVal.k !== 's') return ice('a non-scalar index', e.span);
      const len = placeLen(cx, base, e.base);
      const idx = idxVal.o;
      const inBounds = cx.b.compare('lt', idx, len);
      if (len.kind === 'const' && idx.kind === 'const') cx.assert(inBounds, boundsMessage(len, idx), e.span);
      else checkWithNumbers(cx, inBounds, 'index out of bounds: the len is ', len, ' but the index is ', idx, e.span);
      if (reprOf(e.ty).kind === 'zst') return { k: 'z' };
      if (base.k !== 'mem') return ice(`indexing a ${base.k} place`, e.span);
      return { k: 'mem', a: cx.b.ptrAdd(base.a, 0, idx, layoutOfTy(e.ty).size) };
    }
    case 'rangeIndex': return lowerRangeIndex(cx, e);
    default: {
      const v = lowerExpr(cx, e);
      if (v.k === 'z') return { k: 'z' };
      if (v.k === 'm') return { k: 'mem', a: v.a };
      return { k: 'mem', a: spill(cx, v, e.ty) };
    }
  }
}

/** Number of elements of an array, slice or str place. */
export function placeLen(cx: FnCx, p: Store, e: Expr): Operand {
  if (e.ty.kind === 'array') return c('usize', e.ty.len);
  if (p.k === 'mem' && p.len) return p.len;
  return ice(`length of a ${e.ty.kind} place unknown`, e.span);
}

/** Continue if `ok`, else panic with rustc's message and its two numbers formatted at run time. */
function checkWithNumbers(cx: FnCx, ok: Operand, text1: string, a: Operand, text2: string, b: Operand, span: import('../span/span.ts').Span): void {
  const fail = cx.newBlock('panic');
  const cont = cx.newBlock('ok');
  cx.branch(ok, cont, fail, fail);
  panicWithNumbers(cx, text1, a, text2, b, span);
  cx.switchTo(cont);
}

const fmt = (o: Operand) => (o.kind === 'const' ? String(o.value) : '{}');

function boundsMessage(len: Operand, idx: Operand): string {
  return `index out of bounds: the len is ${fmt(len)} but the index is ${fmt(idx)}`;
}

/**
 * Where rustc locates a slicing panic: the `[` of `base[lo..hi]` (the overloaded, caller-tracked
 * `Index::index` call), not the start of the base as for built-in indexing.
 */
function bracketSpan(cx: FnCx, e: Expr & { kind: 'rangeIndex' }): Span {
  const sm = cx.mc.options.sourceMap;
  if (!sm) return e.span;
  try {
    const file = sm.fileAt(e.base.span.hi);
    const text = file.slice(e.base.span.hi, e.span.hi);
    const at = text.indexOf('[');
    return at < 0 ? e.span : { lo: e.base.span.hi + at, hi: e.span.hi };
  } catch {
    return e.span;
  }
}

function lowerRangeIndex(cx: FnCx, e0: Expr & { kind: 'rangeIndex' }): Store {
  const e = { ...e0, span: bracketSpan(cx, e0) };
  const base = lowerPlace(cx, e.base);
  const isStr = e.base.ty.kind === 'str';
  const what = isStr ? 'str' : 'slice';
  let lo: Operand = c('usize', 0);
  if (e.lo) { const v = freeze(cx, lowerExpr(cx, e.lo), e.lo.ty); lo = v.k === 's' ? v.o : ice('a non-scalar range bound', e.span); }
  const len = placeLen(cx, base, e.base);
  let hi: Operand = len;
  if (e.hi) {
    const v = lowerExpr(cx, e.hi);
    hi = v.k === 's' ? v.o : ice('a non-scalar range bound', e.span);
    if (e.inclusive) {
      cx.panicIf(cx.b.compare('eq', hi, c('usize', -1n)), `attempted to index ${what} up to maximum usize`, e.span);
      hi = cx.b.binary('add', 'usize', hi, c('usize', 1));
    }
  }
  if (e.lo && e.hi) checkWithNumbers(cx, cx.b.compare('le', lo, hi), 'slice index starts at ', lo, ' but ends at ', hi, e.span);
  if (e.hi) {
    if (isStr) cx.panicIf(cx.b.compare('gt', hi, len), `byte index ${fmt(hi)} is out of bounds of string`, e.span);
    else checkWithNumbers(cx, cx.b.compare('le', hi, len), 'range end index ', hi, ' out of range for slice of length ', len, e.span);
  } else if (e.lo) {
    if (isStr) cx.panicIf(cx.b.compare('gt', lo, len), `byte index ${fmt(lo)} is out of bounds of string`, e.span);
    else checkWithNumbers(cx, cx.b.compare('le', lo, len), 'range start index ', lo, ' out of range for slice of length ', len, e.span);
  }
  if (base.k !== 'mem') return ice(`slicing a ${base.k} place`, e.span);
  if (isStr) {
    // A boundary must not fall inside a UTF-8 sequence: the byte there is not 0b10xx_xxxx.
    for (const [bound, given] of [[lo, !!e.lo], [hi, !!e.hi]] as const) {
      if (!given) continue;
      const atEnd = cx.b.compare('eq', bound, len);
      const check = cx.newBlock('charb');
      const ok = cx.newBlock('charok');
      cx.branch(atEnd, ok, check, check);
      const byte = cx.b.load('u8', cx.b.ptrAdd(base.a, 0, bound, 1));
      const cont = cx.b.compare('eq', cx.b.binary('and', 'u8', byte, c('u8', 0xc0)), c('u8', 0x80));
      cx.panicIf(cont, `byte index ${fmt(bound)} is not a char boundary`, e.span);
      cx.goto(ok, ok);
    }
  }
  const stride = layoutOfTy(elemOf(e.base.ty)).size;
  return { k: 'mem', a: cx.b.ptrAdd(base.a, 0, lo, stride), len: cx.b.binary('sub', 'usize', hi, lo) };
}

/** The pointer to a place (`&place`): thin, or (ptr, len) for unsized places. */
export function placeToPointer(cx: FnCx, p: Store, e: Expr): Val {
  switch (p.k) {
    case 'mem': return p.len ? { k: 'f', p: p.a, n: p.len } : e.ty.kind === 'array' || e.ty.kind === 'str' || e.ty.kind === 'slice' ? arrayPtr(p.a, e) : { k: 's', o: p.a };
    case 'z': { const r = reprOf(e.ty); return { k: 's', o: cx.dangling(r.kind === 'zst' ? r.align : 1) }; }
    case 'vals': return ice('the address of a local kept in registers was taken', e.span);
  }
}

function arrayPtr(a: Operand, e: Expr): Val {
  if (e.ty.kind === 'array') return { k: 's', o: a };
  return ice(`pointer to an unsized ${e.ty.kind} place without a length`, e.span);
}
