// The builtin methods (thir/builtins.ts) on raw pointers, slices and arrays, `str`, ranges and
// iterators: found during method probing at the step whose type has them, with the receiver
// adjusted as rustc would (by value for pointers and iterators, `&[T]`/`&str` otherwise).
import type * as ast from '../ast/ast.ts';
import type { BuiltinOp } from '../thir/builtins.ts';
import type { Expr } from '../thir/thir.ts';
import { BOOL, int, type Ty, UNIT, USIZE } from '../thir/ty.ts';
import { autoref, checkArgs } from './calls.ts';
import { refuse } from './expr.ts';
import type { FnCx } from './fncx.ts';

export const UNSUPPORTED_ITER_METHODS = new Set(['next', 'map', 'filter', 'sum', 'count', 'zip', 'fold', 'take', 'skip', 'any', 'all', 'find', 'position', 'collect', 'last', 'nth', 'max', 'min', 'for_each', 'chain', 'cloned', 'copied', 'peekable', 'product', 'take_while', 'skip_while', 'flat_map', 'filter_map', 'inspect', 'by_ref', 'cycle']);

interface Sig {
  op: BuiltinOp;
  params: Ty[];
  ret: Ty;
}

function build(fcx: FnCx, sig: Sig, self: Expr, e: ast.Expr & { kind: 'methodCall' }, typeArg?: Ty): Expr {
  const args = checkArgs(fcx, sig.params, e.args, { callee: e.seg.ident.span, call: { lo: e.seg.ident.span.lo, hi: e.span.hi }, what: 'method' });
  if (args.length !== sig.params.length) return fcx.errorExpr(e.span);
  return fcx.expr({ kind: 'builtin', op: sig.op, args: [self, ...args], ...(typeArg ? { typeArg } : {}) }, sig.ret, e.span);
}

function ptrSig(t: Ty & { kind: 'ptr' }, name: string): Sig | undefined {
  switch (name) {
    case 'add':
    case 'sub':
    case 'wrapping_add':
    case 'wrapping_sub': return { op: `ptr.${name}` as BuiltinOp, params: [USIZE], ret: t };
    case 'offset':
    case 'wrapping_offset': return { op: `ptr.${name}` as BuiltinOp, params: [int('isize')], ret: t };
    case 'read':
    case 'read_volatile': return { op: `ptr.${name}` as BuiltinOp, params: [], ret: t.to };
    case 'write':
    case 'write_volatile': return t.mut ? { op: `ptr.${name}` as BuiltinOp, params: [t.to], ret: UNIT } : undefined;
    case 'is_null': return { op: 'ptr.is_null', params: [], ret: BOOL };
    default: return undefined;
  }
}

/** Copy types (what `#[derive(Clone, Copy)]` and the primitives give), whose `clone()` is a copy. */
export function isCopy(fcx: FnCx, t0: Ty): boolean {
  const t = fcx.shallow(t0);
  switch (t.kind) {
    case 'int':
    case 'bool':
    case 'char':
    case 'ptr':
    case 'never':
    case 'fnDef':
    case 'fnPtr':
      return true;
    case 'ref': return !t.mut;
    case 'array': return isCopy(fcx, t.elem);
    case 'tuple': return t.elems.every((x) => isCopy(fcx, x));
    case 'adt': return t.def.derives.includes('Copy') && t.def.derives.includes('Clone');
    default: return false;
  }
}

export function checkBuiltinMethod(fcx: FnCx, cur: Expr, t: Ty, name: string, e: ast.Expr & { kind: 'methodCall' }): Expr | undefined {
  if (name === 'clone' && e.args.length === 0 && t.kind !== 'ref' && isCopy(fcx, t)) {
    // `x.clone()` of a Copy type is `*&x`: a copy of the place.
    const r = autoref(fcx, cur, false);
    return fcx.expr({ kind: 'deref', operand: r }, t, e.span);
  }
  if (t.kind === 'ptr') {
    if (name === 'cast') {
      const a = e.seg.args;
      const to = a && a.kind === 'angle' && a.args.length === 1 && a.args[0]!.kind === 'type' ? fcx.lowerTy(a.args[0]!.ty, true) : fcx.infer.fresh();
      return build(fcx, { op: 'ptr.cast', params: [], ret: { kind: 'ptr', mut: t.mut, to } }, cur, e, to);
    }
    const sig = ptrSig(t, name);
    if (sig) return build(fcx, sig, cur, e);
    return undefined;
  }
  if (t.kind === 'slice' || t.kind === 'array') {
    const elem = t.elem;
    const sliceRef = (mut: boolean): Expr => {
      const r = autoref(fcx, cur, mut);
      return t.kind === 'array' ? fcx.expr({ kind: 'coerce', coercion: 'unsize', operand: r }, { kind: 'ref', mut, to: { kind: 'slice', elem } }, r.span) : r;
    };
    switch (name) {
      case 'len': return build(fcx, { op: 'slice.len', params: [], ret: USIZE }, sliceRef(false), e);
      case 'is_empty': return build(fcx, { op: 'slice.is_empty', params: [], ret: BOOL }, sliceRef(false), e);
      case 'as_ptr': return build(fcx, { op: 'slice.as_ptr', params: [], ret: { kind: 'ptr', mut: false, to: elem } }, sliceRef(false), e);
      case 'as_mut_ptr': return build(fcx, { op: 'slice.as_mut_ptr', params: [], ret: { kind: 'ptr', mut: true, to: elem } }, sliceRef(true), e);
      case 'iter': return build(fcx, { op: 'slice.iter', params: [], ret: { kind: 'iter', shape: { kind: 'sliceIter', elem, mut: false } } }, sliceRef(false), e);
      case 'iter_mut': return build(fcx, { op: 'slice.iter_mut', params: [], ret: { kind: 'iter', shape: { kind: 'sliceIter', elem, mut: true } } }, sliceRef(true), e);
      default: return undefined;
    }
  }
  if (t.kind === 'str') {
    const self = autoref(fcx, cur, false);
    switch (name) {
      case 'len': return build(fcx, { op: 'str.len', params: [], ret: USIZE }, self, e);
      case 'is_empty': return build(fcx, { op: 'str.is_empty', params: [], ret: BOOL }, self, e);
      case 'as_bytes': return build(fcx, { op: 'str.as_bytes', params: [], ret: { kind: 'ref', mut: false, to: { kind: 'slice', elem: int('u8') } } }, self, e);
      case 'as_ptr': return build(fcx, { op: 'str.as_ptr', params: [], ret: { kind: 'ptr', mut: false, to: int('u8') } }, self, e);
      case 'bytes': return build(fcx, { op: 'str.bytes', params: [], ret: { kind: 'iter', shape: { kind: 'bytes' } } }, self, e);
      case 'chars': return build(fcx, { op: 'str.chars', params: [], ret: { kind: 'iter', shape: { kind: 'chars' } } }, self, e);
      default: return undefined;
    }
  }
  if (t.kind === 'iter') {
    const sh = t.shape;
    switch (name) {
      case 'enumerate': return build(fcx, { op: 'iter.enumerate', params: [], ret: { kind: 'iter', shape: { kind: 'enumerate', inner: t } } }, cur, e);
      case 'rev':
        if (sh.kind !== 'range' && sh.kind !== 'sliceIter' && sh.kind !== 'enumerate') return refuse(fcx, '`rev()` on this iterator', e.span);
        if (sh.kind === 'enumerate') {
          const inner = fcx.shallow(sh.inner);
          if (inner.kind !== 'iter' || inner.shape.kind !== 'sliceIter') return refuse(fcx, '`rev()` on this iterator', e.span);
        }
        if (sh.kind === 'range' && fcx.shallow(sh.elem).kind === 'char') return refuse(fcx, '`rev()` on this iterator', e.span);
        return build(fcx, { op: 'iter.rev', params: [], ret: { kind: 'iter', shape: { kind: 'rev', inner: t } } }, cur, e);
      case 'step_by': return build(fcx, { op: 'iter.step_by', params: [USIZE], ret: { kind: 'iter', shape: { kind: 'stepBy', inner: t } } }, cur, e);
      case 'contains':
        if (sh.kind !== 'range') return undefined;
        return build(fcx, { op: 'range.contains', params: [{ kind: 'ref', mut: false, to: sh.elem }], ret: BOOL }, autoref(fcx, cur, false), e);
      case 'len':
        if (sh.kind !== 'range' || sh.inclusive) return undefined;
        return build(fcx, { op: 'range.len', params: [], ret: USIZE }, autoref(fcx, cur, false), e);
      default: return undefined;
    }
  }
  return undefined;
}
