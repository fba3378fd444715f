// `as` casts, with rustc's rules and errors: numeric casts, bool/char to integer, u8 to char,
// C-like enums to integer, pointer casts, integer ↔ pointer, references and fn items to
// pointers (written as coercions followed by a cast).
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { Expr } from '../thir/thir.ts';
import { type Ty } from '../thir/ty.ts';
import { tryCoerce } from './coerce.ts';
import { checkExpr } from './expr.ts';
import type { FnCx } from './fncx.ts';

function isInt(t: Ty): boolean {
  return t.kind === 'int' || (t.kind === 'infer' && t.intVar);
}

function isCEnum(t: Ty): boolean {
  return t.kind === 'adt' && t.def.adtKind === 'enum';
}

export function checkCast(fcx: FnCx, e: ast.Expr & { kind: 'cast' }): Expr {
  const target = fcx.lowerTy(e.ty, true);
  let operand = checkExpr(fcx, e.expr, { ty: target, cast: true });
  const to = fcx.shallow(target);
  let from = fcx.shallow(operand.ty);
  const cast = (op: Expr): Expr => fcx.expr({ kind: 'cast', operand: op }, target, e.span);
  if (from.kind === 'error' || to.kind === 'error') return fcx.errorExpr(e.span);
  if (to.kind === 'infer' && !to.intVar) {
    // `x as _`: the cast's type comes from the context, as a coercion would.
    fcx.infer.unify(to, from);
    return operand;
  }
  // A cast that is only a coercion (`&mut x as *mut T`, `f as fn()`, `x as u8` with x: u8).
  // An inference variable is never decided by a cast (`let n = 5; n as i64` leaves n an i32).
  const asCoercion = from.kind === 'infer' ? undefined : tryCoerce(fcx, operand, target);
  if (asCoercion) return asCoercion === operand ? cast(operand) : asCoercion;
  from = fcx.shallow(operand.ty);
  if (isInt(from) && isInt(to)) return cast(operand);
  if ((from.kind === 'bool' || from.kind === 'char') && to.kind === 'int') return cast(operand);
  if (isCEnum(from) && to.kind === 'int') return cast(operand);
  if (to.kind === 'char') {
    if (from.kind === 'int' && from.int === 'u8') return cast(operand);
    if (isInt(from)) {
      if (from.kind === 'infer') {
        fcx.infer.unify(from, { kind: 'int', int: 'u8' });
        return cast(operand);
      }
      fcx.cx.emit(error(`only \`u8\` can be cast as \`char\`, not \`${fcx.show(from)}\``, 'E0604').primary(e.span, 'invalid cast'));
      return fcx.errorExpr(e.span);
    }
  }
  if (to.kind === 'bool' && isInt(from)) {
    fcx.cx.emit(error(`cannot cast \`${fcx.show(from)}\` as \`bool\``, 'E0054').primary(e.span));
    return fcx.errorExpr(e.span);
  }
  if (to.kind === 'ptr') {
    if (isInt(from)) return cast(operand);
    if (from.kind === 'ptr') return cast(operand);
    if (from.kind === 'ref') {
      // `&x as *const T` with another pointee: reference → pointer, then pointer → pointer;
      // `&[T; N] as *const T` (array to element pointer) likewise.
      const asPtr = fcx.expr({ kind: 'coerce', coercion: 'refToPtr', operand }, { kind: 'ptr', mut: from.mut, to: from.to }, operand.span);
      if (!from.mut && to.mut) {
        fcx.cx.emit(error(`casting \`${fcx.show(from)}\` as \`${fcx.show(to)}\` is invalid`, 'E0606').primary(e.span));
        return fcx.errorExpr(e.span);
      }
      return cast(asPtr);
    }
    if (from.kind === 'fnDef') {
      const d = from.def;
      const fp: Ty = { kind: 'fnPtr', params: d.params.map((p) => p.ty), ret: d.ret, unsafe: d.unsafe, abi: d.abi };
      operand = fcx.expr({ kind: 'coerce', coercion: 'fnItemToPtr', operand }, fp, operand.span);
      return cast(operand);
    }
    if (from.kind === 'fnPtr') return cast(operand);
  }
  if (to.kind === 'int') {
    if (from.kind === 'ptr' || from.kind === 'fnPtr') return cast(operand);
    if (from.kind === 'fnDef') {
      const d = from.def;
      const fp: Ty = { kind: 'fnPtr', params: d.params.map((p) => p.ty), ret: d.ret, unsafe: d.unsafe, abi: d.abi };
      return cast(fcx.expr({ kind: 'coerce', coercion: 'fnItemToPtr', operand }, fp, operand.span));
    }
    if (from.kind === 'ref') {
      const d = error(`casting \`${fcx.show(from)}\` as \`${fcx.show(to)}\` is invalid`, 'E0606').primary(e.span);
      if (fcx.shallow(from.to).kind === 'int' || fcx.shallow(from.to).kind === 'bool' || fcx.shallow(from.to).kind === 'char') d.suggest({ lo: e.expr.span.lo, hi: e.expr.span.lo }, 'dereference the expression', '*', 'verbose', 'MachineApplicable');
      fcx.cx.emit(d);
      return fcx.errorExpr(e.span);
    }
  }
  if (from.kind === 'infer' && !from.intVar) {
    fcx.cx.emit(error('type annotations needed', 'E0282').primary(e.expr.span));
    return fcx.errorExpr(e.span);
  }
  // rustc checks casts after integer fallback: an unsuffixed literal shows as i32.
  const fromShown = from.kind === 'infer' && from.intVar ? 'i32' : fcx.show(from);
  fcx.cx.emit(
    error(`non-primitive cast: \`${fromShown}\` as \`${fcx.show(to)}\``, 'E0605').primary(e.span, 'an `as` expression can only be used to convert between primitive types or to coerce to a specific trait object'),
  );
  return fcx.errorExpr(e.span);
}
