// Written types (AST) to semantic types: paths resolved in the type namespace, array lengths
// evaluated as constants, and everything outside the subset refused by name.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { Cx } from '../resolve/cx.ts';
import { resolveSegs, segsOf } from '../resolve/path.ts';
import type { ModScope, Res } from '../resolve/scope.ts';
import { ERROR_TY, type Ty, UNIT } from '../thir/ty.ts';

export interface TyCtx {
  scope: ModScope;
  selfRes?: Res;
  /** Evaluates an array length (a `usize` constant expression). */
  evalLen: (e: ast.Expr) => number | undefined;
  /** `_` allowed (in `let` types and casts): a fresh inference variable. */
  fresh?: () => Ty;
}

export function resTy(r: Res): Ty | undefined {
  if (r.kind === 'adt') return { kind: 'adt', def: r.def };
  if (r.kind === 'prim') return r.ty;
  return undefined;
}

export function lowerTy(cx: Cx, tcx: TyCtx, t: ast.Type): Ty {
  switch (t.kind) {
    case 'paren': return lowerTy(cx, tcx, t.ty);
    case 'never': return { kind: 'never' };
    case 'tuple': return t.elems.length === 0 ? UNIT : { kind: 'tuple', elems: t.elems.map((e) => lowerTy(cx, tcx, e)) };
    case 'ref': return { kind: 'ref', mut: t.mut, to: lowerTy(cx, tcx, t.ty) };
    case 'ptr': return { kind: 'ptr', mut: t.mut, to: lowerTy(cx, tcx, t.ty) };
    case 'slice': return { kind: 'slice', elem: lowerTy(cx, tcx, t.ty) };
    case 'array': {
      const elem = lowerTy(cx, tcx, t.ty);
      const len = tcx.evalLen(t.len);
      return len === undefined ? ERROR_TY : { kind: 'array', elem, len };
    }
    case 'fn': {
      if (t.variadic) {
        cx.unsupported('variadic functions', t.span);
        return ERROR_TY;
      }
      const abi = t.abi ?? 'C';
      if (t.abi !== undefined && abi !== 'C' && abi !== 'Rust') {
        cx.unsupported(`the \`extern "${abi}"\` ABI`, t.span);
        return ERROR_TY;
      }
      return { kind: 'fnPtr', params: t.params.map((p) => lowerTy(cx, tcx, p.ty)), ret: t.ret ? lowerTy(cx, tcx, t.ret) : UNIT, unsafe: t.unsafe, abi: t.abi === undefined ? 'Rust' : abi === 'Rust' ? 'Rust' : 'C' };
    }
    case 'infer':
      if (tcx.fresh) return tcx.fresh();
      cx.emit(error('the placeholder `_` is not allowed within types on item signatures for functions', 'E0121').primary(t.span, 'not allowed in type signatures'));
      return ERROR_TY;
    case 'path': return lowerPathTy(cx, tcx, t);
    case 'impl':
      cx.unsupported('`impl Trait` types', t.span);
      return ERROR_TY;
    case 'dyn':
      cx.unsupported('trait objects (`dyn`)', t.span);
      return ERROR_TY;
    case 'macro':
      cx.unsupported('macros in type position', t.span);
      return ERROR_TY;
    case 'err':
      return ERROR_TY;
  }
}

function lowerPathTy(cx: Cx, tcx: TyCtx, t: ast.Type & { kind: 'path' }): Ty {
  if (t.qself) {
    cx.unsupported('qualified paths (`<T as Trait>::X`)', t.span);
    return ERROR_TY;
  }
  const withArgs = t.path.segments.find((s) => s.args);
  const r = resolveSegs(cx, { scope: tcx.scope, selfRes: tcx.selfRes }, segsOf(t.path), t.path.global, 'type', 'type');
  if (!r) return ERROR_TY;
  if (r.kind === 'builtinType') {
    const args = t.path.segments[t.path.segments.length - 1]!.args;
    const a = args?.kind === 'angle' && args.args.length === 1 ? args.args[0]! : undefined;
    if (!a || a.kind !== 'type') {
      cx.emit(error(`missing generics for struct \`${r.name}\``, 'E0107').primary(t.span, 'expected 1 generic argument'));
      return ERROR_TY;
    }
    return { kind: 'iter', shape: { kind: 'range', elem: lowerTy(cx, tcx, a.ty), inclusive: r.name === 'RangeInclusive' } };
  }
  if (withArgs) {
    cx.unsupported('generic types', withArgs.args!.span);
    return ERROR_TY;
  }
  const ty = resTy(r);
  if (ty) return ty;
  const what = r.kind === 'mod' ? 'module' : r.kind === 'crate' ? 'crate' : 'value';
  cx.emit(error(`expected type, found ${what} \`${t.path.segments.map((s) => s.ident.name).join('::')}\``, 'E0573').primary(t.span, 'not a type'));
  return ERROR_TY;
}
