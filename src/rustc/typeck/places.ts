// Field access and indexing (places), with the auto-dereference rustc applies through
// references, and range values `a..b` / `a..=b`.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { Expr } from '../thir/thir.ts';
import { ERROR_TY, type Ty, USIZE } from '../thir/ty.ts';
import { adtHeaderSpan, canSeePrivate } from '../resolve/path.ts';
import { coerce } from './coerce.ts';
import { checkExpr } from './expr.ts';
import { type Expect, type FnCx, NO_EXPECT } from './fncx.ts';

/** Dereferences through references (not raw pointers) until `stop` accepts the type. */
export function autoderef(fcx: FnCx, e: Expr, stop: (t: Ty) => boolean): Expr {
  let cur = e;
  for (let i = 0; i < 16; i++) {
    const t = fcx.shallow(cur.ty);
    if (stop(t)) return cur;
    if (t.kind !== 'ref') return cur;
    cur = fcx.expr({ kind: 'deref', operand: cur }, t.to, cur.span);
  }
  return cur;
}

export function checkField(fcx: FnCx, e: ast.Expr & { kind: 'field' }): Expr {
  const base0 = checkExpr(fcx, e.expr);
  const name = e.name.name;
  const base = autoderef(fcx, base0, (t) => t.kind === 'adt' || t.kind === 'tuple');
  const t = fcx.shallow(base.ty);
  if (t.kind === 'error') return fcx.errorExpr(e.span);
  if (t.kind === 'tuple' && /^\d+$/.test(name)) {
    const i = Number(name);
    if (i < t.elems.length) return fcx.expr({ kind: 'field', base, index: i }, t.elems[i]!, e.span);
  }
  if (t.kind === 'adt' && t.def.adtKind === 'struct') {
    const i = t.def.fields.findIndex((f) => f.name === name);
    if (i >= 0) {
      const f = t.def.fields[i]!;
      const owner = fcx.cx.adtScopes.get(t.def);
      if (!f.pub && (!owner || !canSeePrivate(fcx.scope, owner))) {
        fcx.cx.emit(error(`field \`${name}\` of struct \`${t.def.name}\` is private`, 'E0616').primary(e.name.span, 'private field'));
      }
      return fcx.expr({ kind: 'field', base, index: i }, f.ty, e.span);
    }
  }
  const shown = fcx.showExprTy(base0);
  if (t.kind === 'int' || t.kind === 'bool' || t.kind === 'char' || (t.kind === 'infer' && t.intVar)) {
    fcx.cx.emit(error(`\`${fcx.show(t)}\` is a primitive type and therefore doesn't have fields`, 'E0610').primary(e.name.span));
    return fcx.errorExpr(e.span);
  }
  if (t.kind === 'infer') {
    fcx.cx.emit(error('type annotations needed', 'E0282').primary(e.expr.span));
    return fcx.errorExpr(e.span);
  }
  if (hasMethodNamed(fcx, t, name)) {
    fcx.cx.emit(
      error(`attempted to take value of method \`${name}\` on type \`${shown}\``, 'E0615')
        .primary(e.name.span, 'method, not a field')
        .suggest({ lo: e.name.span.hi, hi: e.name.span.hi }, 'use parentheses to call the method', '()', 'verbose', 'MachineApplicable'),
    );
    return fcx.errorExpr(e.span);
  }
  const d = error(`no field \`${name}\` on type \`${shown}\``, 'E0609').primary(e.name.span, 'unknown field');
  const names = t.kind === 'adt' && t.def.adtKind === 'struct' ? t.def.fields.map((f) => f.name) : t.kind === 'tuple' ? t.elems.map((_, i) => String(i)) : [];
  if (names.length > 0) d.note(`available field${names.length > 1 ? 's are' : ' is'}: ${names.map((n) => `\`${n}\``).join(', ')}`);
  fcx.cx.emit(d);
  return fcx.errorExpr(e.span);
}

const BUILTIN_METHOD_NAMES: Partial<Record<Ty['kind'], string[]>> = {
  slice: ['len', 'is_empty', 'as_ptr', 'as_mut_ptr', 'iter', 'iter_mut'],
  array: ['len', 'is_empty', 'as_ptr', 'as_mut_ptr', 'iter', 'iter_mut'],
  str: ['len', 'is_empty', 'as_bytes', 'as_ptr', 'bytes', 'chars'],
  ptr: ['add', 'sub', 'offset', 'wrapping_add', 'wrapping_sub', 'wrapping_offset', 'read', 'write', 'read_volatile', 'write_volatile', 'is_null', 'cast'],
  iter: ['enumerate', 'rev', 'step_by', 'contains', 'len'],
};

/** Whether `x.name` names a method of x's type (through references): rustc's E0615. */
function hasMethodNamed(fcx: FnCx, t0: Ty, name: string): boolean {
  let t = fcx.shallow(t0);
  while (t.kind === 'ref') t = fcx.shallow(t.to);
  if (BUILTIN_METHOD_NAMES[t.kind]?.includes(name)) return true;
  if (t.kind === 'adt') return t.def.methods.has(name);
  const prim = t.kind === 'int' ? t.int : t.kind === 'bool' || t.kind === 'char' ? t.kind : undefined;
  return !!prim && [fcx.cx.crate, ...fcx.cx.opts.externs].some((c) => c.primitiveMethods.get(prim)?.has(name));
}

function indexable(t: Ty): boolean {
  return t.kind === 'array' || t.kind === 'slice' || t.kind === 'str';
}

export function checkIndex(fcx: FnCx, e: ast.Expr & { kind: 'index' }): Expr {
  const base0 = checkExpr(fcx, e.expr);
  const base = autoderef(fcx, base0, indexable);
  const t = fcx.shallow(base.ty);
  if (t.kind === 'error') return fcx.errorExpr(e.span);
  if (!indexable(t)) {
    if (t.kind === 'infer') fcx.cx.emit(error('type annotations needed', 'E0282').primary(e.expr.span));
    else fcx.cx.emit(error(`cannot index into a value of type \`${fcx.show(base0.ty)}\``, 'E0608').primary({ lo: e.expr.span.hi, hi: e.span.hi }));
    return fcx.errorExpr(e.span);
  }
  if (e.index.kind === 'range') {
    const r = e.index;
    const lo = r.lo ? coerce(fcx, checkExpr(fcx, r.lo, { ty: USIZE }), USIZE) : undefined;
    const hi = r.hi ? coerce(fcx, checkExpr(fcx, r.hi, { ty: USIZE }), USIZE) : undefined;
    const ty: Ty = t.kind === 'str' ? t : { kind: 'slice', elem: t.kind === 'array' || t.kind === 'slice' ? t.elem : ERROR_TY };
    return fcx.expr({ kind: 'rangeIndex', base, ...(lo ? { lo } : {}), ...(hi ? { hi } : {}), inclusive: r.limits === '..=' }, ty, e.span);
  }
  // A str has no integer index: its literal stays `{integer}` in the message, as in rustc.
  const idx = checkExpr(fcx, e.index, t.kind === 'str' ? NO_EXPECT : { ty: USIZE });
  const it = fcx.shallow(idx.ty);
  if (t.kind === 'str' || !(fcx.infer.unify(idx.ty, USIZE))) {
    const what = t.kind === 'str' ? 'str' : t.kind === 'array' ? `[${fcx.show(t.elem)}]` : fcx.show(t);
    fcx.cx.emit(
      error(`the type \`${what}\` cannot be indexed by \`${fcx.show(it)}\``, 'E0277')
        .primary(e.index.span, 'slice indices are of type `usize` or ranges of `usize`')
        .help(`the trait \`SliceIndex<${t.kind === 'str' ? 'str' : `[${t.kind === 'array' || t.kind === 'slice' ? fcx.show(t.elem) : ''}]`}>\` is not implemented for \`${fcx.show(it)}\``),
    );
    return fcx.errorExpr(e.span);
  }
  return fcx.expr({ kind: 'index', base, index: idx }, t.kind === 'array' || t.kind === 'slice' ? t.elem : ERROR_TY, e.span);
}

export function checkRange(fcx: FnCx, e: ast.Expr & { kind: 'range' }, exp: Expect): Expr {
  if (!e.lo || !e.hi) {
    fcx.cx.unsupported('open-ended ranges outside of indexing', e.span);
    return fcx.errorExpr(e.span);
  }
  const want = exp.ty ? fcx.shallow(exp.ty) : undefined;
  const hint = want?.kind === 'iter' && want.shape.kind === 'range' ? { ty: want.shape.elem } : NO_EXPECT;
  const lo = checkExpr(fcx, e.lo, hint);
  const hi0 = checkExpr(fcx, e.hi, { ty: lo.ty });
  const hi = coerce(fcx, hi0, lo.ty);
  const elem = lo.ty;
  const inclusive = e.limits === '..=';
  return fcx.expr({ kind: 'range', lo, hi, inclusive }, { kind: 'iter', shape: { kind: 'range', elem, inclusive } }, e.span);
}

export { adtHeaderSpan };
