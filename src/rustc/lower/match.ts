// `match`, `let` patterns and `for` patterns. Arms are tried in order: each pattern is a series
// of tests on the scrutinee place (a branch to the next arm on failure) followed by its bindings,
// then the guard. A match whose arms are all constants of a scalar (integers, bool, char, enum
// variants, or-patterns of them, and a final catch-all) becomes one IR `switch`.
import { c, type Operand } from '../ir/types.ts';
import type { Span } from '../span/span.ts';
import type { ConstValue, Expr, Pat } from '../thir/thir.ts';
import type { Ty } from '../thir/ty.ts';
import { scalar } from './arith.ts';
import { constVal } from './consts.ts';
import { valuesEqual } from './equality.ts';
import type { FnCx, Store, Val } from './context.ts';
import { ice } from './errors.ts';
import { lowerExpr, lowerInto } from './expr.ts';
import { readStore, spill, writeMem, writeStore } from './memory.ts';
import { isPlaceExpr, lowerPlace } from './place.ts';
import { fieldOffsets, reprOf, scalarOf } from './repr.ts';

/** A place being matched: a Store, or a value that has no place (a temporary). */
/** `parts`: a tuple known as its elements' values (an `enumerate()` item), made into memory only if needed. */
export type MatchPlace = Store | { readonly k: 'val'; readonly v: Val } | { readonly k: 'parts'; readonly parts: readonly Val[] };

/** A `parts` place as a tuple in a stack slot. */
function materialize(cx: FnCx, p: MatchPlace & { k: 'parts' }, ty: Ty): Val {
  const r = reprOf(ty);
  if (r.kind !== 'agg' || ty.kind !== 'tuple') return ice('tuple parts of a non-tuple type');
  const a = cx.tempSlot(r.layout.size, r.layout.align);
  p.parts.forEach((x, i) => writeMem(cx, r.layout.offsets[i] ? cx.b.ptrAdd(a, r.layout.offsets[i]!) : a, x, ty.elems[i]!));
  return { k: 'm', a, temp: true };
}

function read(cx: FnCx, p: MatchPlace, ty: Ty): Val {
  return p.k === 'val' ? p.v : p.k === 'parts' ? materialize(cx, p, ty) : readStore(cx, p, ty);
}

function fieldPlace(cx: FnCx, p: MatchPlace, ty: Ty, index: number, span: Span): MatchPlace {
  if (p.k === 'parts') return { k: 'val', v: p.parts[index] ?? ice(`no tuple part ${index}`, span) };
  const a = p.k === 'mem' ? p.a : p.k === 'val' && p.v.k === 'm' ? p.v.a : p.k === 'z' || (p.k === 'val' && p.v.k === 'z') ? undefined : ice('a field pattern on a value kept in registers', span);
  if (a === undefined) return { k: 'z' };
  const off = fieldOffsets(ty)[index]!;
  return { k: 'mem', a: off ? cx.b.ptrAdd(a, off) : a };
}

function addressOf(cx: FnCx, p: MatchPlace, ty: Ty, span: Span): Val {
  switch (p.k) {
    case 'mem': return p.len ? { k: 'f', p: p.a, n: p.len } : { k: 's', o: p.a };
    case 'z': return { k: 's', o: cx.dangling(1) };
    case 'val': return p.v.k === 'm' ? { k: 's', o: p.v.a } : { k: 's', o: spill(cx, p.v, ty) };
    case 'parts': { const m = materialize(cx, p, ty); return { k: 's', o: m.k === 'm' ? m.a : cx.dangling(1) }; }
    case 'vals': return ice('a `ref` binding of a local kept in registers', span);
  }
}

export function scrutineePlace(cx: FnCx, e: Expr): MatchPlace {
  return isPlaceExpr(e) ? lowerPlace(cx, e) : { k: 'val', v: lowerExpr(cx, e) };
}

/** Tests `pat` against the place, branching to `fail` when it does not match; binds on success. */
export function testAndBindPlace(cx: FnCx, pat: Pat, p: MatchPlace, fail: string): void {
  const ty = pat.ty;
  const next = (cond: Operand) => { const ok = cx.newBlock('pat'); cx.branch(cond, ok, fail, ok); };
  switch (pat.kind) {
    case 'wild': return;
    case 'binding': {
      if (pat.sub) testAndBindPlace(cx, pat.sub, p, fail);
      const local = cx.locals[pat.local] ?? ice(`unknown local ${pat.local}`, pat.span);
      const localTy = cx.body.locals[pat.local]!.ty;
      if (pat.mode === 'value') writeStore(cx, local, read(cx, p, ty), localTy);
      else writeStore(cx, local, addressOf(cx, p, ty, pat.span), localTy);
      return;
    }
    case 'const': {
      if (ty.kind === 'ref' && ty.to.kind === 'str') { next(valuesEqual(cx, read(cx, p, ty), constVal(cx, pat.value, ty), ty, pat.span)); return; }
      const x = scalar(read(cx, p, ty), pat.span);
      next(cx.b.compare('eq', x, scalar(constVal(cx, pat.value, ty), pat.span)));
      return;
    }
    case 'range': {
      const t = scalarOf(ty) ?? ice('a range pattern on a non-scalar', pat.span);
      const x = scalar(read(cx, p, ty), pat.span);
      next(cx.b.compare('ge', x, c(t, constScalar(pat.lo, pat.span))));
      next(cx.b.compare(pat.inclusive ? 'le' : 'lt', x, c(t, constScalar(pat.hi, pat.span))));
      return;
    }
    case 'variant': {
      const t = scalarOf(ty) ?? ice('a variant pattern on a non-enum', pat.span);
      next(cx.b.compare('eq', scalar(read(cx, p, ty), pat.span), c(t, pat.adt.variants[pat.index]!.discr)));
      return;
    }
    case 'tuple': pat.elems.forEach((sub, i) => testAndBindPlace(cx, sub, fieldPlace(cx, p, ty, i, pat.span), fail)); return;
    case 'struct': for (const f of pat.fields) testAndBindPlace(cx, f.pat, fieldPlace(cx, p, ty, f.index, pat.span), fail); return;
    case 'deref': {
      const ptr = read(cx, p, ty);
      const inner: MatchPlace = ptr.k === 's' ? { k: 'mem', a: ptr.o } : ptr.k === 'f' ? { k: 'mem', a: ptr.p, len: ptr.n } : ice('a deref pattern on a non-pointer', pat.span);
      testAndBindPlace(cx, pat.pat, reprOf(pat.pat.ty).kind === 'zst' ? { k: 'z' } : inner, fail);
      return;
    }
    case 'or': {
      const matched = cx.newBlock('orok');
      pat.alts.forEach((alt, i) => {
        const last = i === pat.alts.length - 1;
        const altFail = last ? fail : cx.newBlock('oralt');
        testAndBindPlace(cx, alt, p, altFail);
        cx.goto(matched, last ? matched : altFail);
      });
      return;
    }
  }
}

function constScalar(k: ConstValue, span: Span): bigint {
  if (k.kind === 'scalar') return k.value;
  if (k.kind === 'variant') return k.adt.variants[k.index]!.discr;
  return ice(`a ${k.kind} bound in a range pattern`, span);
}

export function testAndBind(cx: FnCx, pat: Pat, val: Val, _e: Expr, fail: string): void {
  testAndBindPlace(cx, pat, { k: 'val', v: val }, fail);
}

/** Binds an irrefutable pattern (`let (a, b) = …`, parameters, `for` items). */
export function bindIrrefutable(cx: FnCx, pat: Pat, val: Val, _e?: Expr): void {
  bindIrrefutablePlace(cx, pat, { k: 'val', v: val });
}

export function bindIrrefutablePlace(cx: FnCx, pat: Pat, p: MatchPlace): void {
  const fail = cx.newBlock('nomatch');
  testAndBindPlace(cx, pat, p, fail);
  const cont = cx.newBlock('bound');
  cx.goto(cont, fail);
  cx.finish({ op: 'unreachable' }, cont);
}

/** The constant a pattern stands for, when it is one scalar constant (for `switch`); else undefined. */
function switchValues(p: Pat): bigint[] | undefined {
  if (p.kind === 'const' && p.value.kind === 'scalar') return [p.value.value];
  if (p.kind === 'variant') return [p.adt.variants[p.index]!.discr];
  if (p.kind === 'or') {
    const all = p.alts.map(switchValues);
    return all.every((x) => x !== undefined) ? (all as bigint[][]).flat() : undefined;
  }
  return undefined;
}

const isCatchAll = (p: Pat): boolean => p.kind === 'wild' || (p.kind === 'binding' && !p.sub && p.mode === 'value');

export function lowerMatch(cx: FnCx, e: Expr & { kind: 'match' }, dest: Store): void {
  const place = scrutineePlace(cx, e.scrutinee);
  const join = cx.newBlock('endmatch');
  const t = scalarOf(e.scrutinee.ty);
  const arms = e.arms;
  const switchable = t && arms.length > 1 && arms.every((a, i) => !a.guard && (switchValues(a.pat) !== undefined || (i === arms.length - 1 && isCatchAll(a.pat))));
  if (switchable) {
    const x = scalar(read(cx, place, e.scrutinee.ty), e.span);
    const labels = arms.map(() => cx.newBlock('case'));
    const cases: { value: bigint; target: string }[] = [];
    const seen = new Set<bigint>();
    arms.forEach((a, i) => {
      for (const value of switchValues(a.pat) ?? []) if (!seen.has(value)) { seen.add(value); cases.push({ value, target: labels[i]! }); }
    });
    const last = arms[arms.length - 1]!;
    const dflt = isCatchAll(last.pat) ? labels[labels.length - 1]! : cx.newBlock('nocase');
    cx.finish({ op: 'switch', value: x, cases, default: dflt }, labels[0]);
    arms.forEach((a, i) => {
      if (i > 0) cx.switchTo(labels[i]!);
      if (a.pat.kind === 'binding') writeStore(cx, cx.locals[a.pat.local]!, { k: 's', o: x }, cx.body.locals[a.pat.local]!.ty);
      lowerInto(cx, a.body, dest);
      cx.goto(join);
    });
    cx.switchTo(join);
    return;
  }
  for (const arm of arms) {
    const next = cx.newBlock('arm');
    testAndBindPlace(cx, arm.pat, place, next);
    if (arm.guard) {
      const cond = scalar(lowerExpr(cx, arm.guard), arm.guard.span);
      const body = cx.newBlock('guarded');
      cx.branch(cond, body, next, body);
    }
    lowerInto(cx, arm.body, dest);
    cx.goto(join, next);
  }
  cx.finish({ op: 'unreachable' }, join);
}
