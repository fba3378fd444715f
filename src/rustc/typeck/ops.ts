// Operators and places: unary and binary operators on scalars, `as` casts, assignment (with
// rustc's E0070 for non-places), field access and indexing with auto-dereference, range values.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import type { BinaryOp, Expr } from '../thir/thir.ts';
import { BOOL, ERROR_TY, isSignedInt, type Ty, UNIT, USIZE } from '../thir/ty.ts';
import { coerce, tryCoerce } from './coerce.ts';
import { checkCoerce, checkExpr } from './expr.ts';
import { type Expect, type FnCx, NO_EXPECT } from './fncx.ts';

const BIN: Record<string, BinaryOp> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'rem', '&': 'and', '|': 'or', '^': 'xor', '<<': 'shl', '>>': 'shr', '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
const COMPARISON = new Set<BinaryOp>(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);
const ARITH = new Set<BinaryOp>(['add', 'sub', 'mul', 'div', 'rem']);
const BITWISE = new Set<BinaryOp>(['and', 'or', 'xor']);

/** rustc's E0369 wording per operator. */
const OP_MESSAGE: Record<string, (l: string, r: string) => string> = {
  '+': (l, r) => `cannot add \`${r}\` to \`${l}\``,
  '-': (l, r) => `cannot subtract \`${r}\` from \`${l}\``,
  '*': (l, r) => `cannot multiply \`${l}\` by \`${r}\``,
  '/': (l, r) => `cannot divide \`${l}\` by \`${r}\``,
  '%': (l, r) => `cannot calculate the remainder of \`${l}\` divided by \`${r}\``,
  '&': (l, r) => `no implementation for \`${l} & ${r}\``,
  '|': (l, r) => `no implementation for \`${l} | ${r}\``,
  '^': (l, r) => `no implementation for \`${l} ^ ${r}\``,
  '<<': (l, r) => `no implementation for \`${l} << ${r}\``,
  '>>': (l, r) => `no implementation for \`${l} >> ${r}\``,
};

/** The span of an operator token between two operands (rustc points at it). */
export function opSpan(fcx: FnCx, from: number, to: number, op: string): Span {
  const text = fcx.cx.snippet({ lo: from, hi: to });
  const i = text.indexOf(op);
  return i < 0 ? { lo: from, hi: to } : { lo: from + i, hi: from + i + op.length };
}

function isIntLike(t: Ty): boolean {
  return t.kind === 'int' || (t.kind === 'infer' && t.intVar);
}

/** `&u8 + u8` and friends: rustc's impls for references, made explicit with derefs. */
function derefScalarRef(fcx: FnCx, e: Expr): Expr {
  const t = fcx.shallow(e.ty);
  if (t.kind === 'ref') {
    const to = fcx.shallow(t.to);
    if (to.kind === 'int' || to.kind === 'bool' || to.kind === 'char' || (to.kind === 'infer' && to.intVar) || to.kind === 'adt' || to.kind === 'ref' || to.kind === 'ptr') {
      return derefScalarRef(fcx, fcx.expr({ kind: 'deref', operand: e }, to, e.span));
    }
  }
  return e;
}

export function checkBinary(fcx: FnCx, e: ast.Expr & { kind: 'binary' }, exp: Expect): Expr {
  if (e.op === '&&' || e.op === '||') {
    const lhs = coerce(fcx, checkExpr(fcx, e.lhs, { ty: BOOL }), BOOL);
    const rhs = coerce(fcx, checkExpr(fcx, e.rhs, { ty: BOOL }), BOOL);
    return fcx.expr({ kind: 'logical', op: e.op === '&&' ? 'and' : 'or', lhs, rhs }, BOOL, e.span);
  }
  const op = BIN[e.op]!;
  const lhsExp: Expect = ARITH.has(op) || BITWISE.has(op) || op === 'shl' || op === 'shr' ? (exp.ty && isIntLike(fcx.shallow(exp.ty)) ? { ty: exp.ty } : NO_EXPECT) : NO_EXPECT;
  let lhs = checkExpr(fcx, e.lhs, lhsExp);
  const both = fcx.shallow(lhs.ty).kind === 'ref';
  const rhsHint = both ? lhs.ty : derefScalarRef(fcx, lhs).ty;
  let rhs = checkExpr(fcx, e.rhs, op === 'shl' || op === 'shr' || (!both && !isIntLike(fcx.shallow(rhsHint)) && fcx.shallow(rhsHint).kind !== 'bool') ? NO_EXPECT : { ty: rhsHint });
  // `==`/`!=` on strings, slices, arrays, tuples and structs deriving PartialEq (lowering
  // compares them element by element; references compare their referents).
  if ((op === 'eq' || op === 'ne') && isAggregateEq(fcx, lhs.ty)) {
    const opSp = opSpan(fcx, e.lhs.span.hi, e.rhs.span.lo, e.op);
    // `s[..3] == t[..3]` compares unsized places: as rustc's PartialEq takes them by reference.
    const unsized = (x: Expr) => ['str', 'slice'].includes(fcx.shallow(x.ty).kind);
    if (unsized(lhs) && unsized(rhs)) {
      lhs = fcx.expr({ kind: 'addrOf', mut: false, raw: false, place: lhs }, { kind: 'ref', mut: false, to: lhs.ty }, lhs.span);
      rhs = fcx.expr({ kind: 'addrOf', mut: false, raw: false, place: rhs }, { kind: 'ref', mut: false, to: rhs.ty }, rhs.span);
    }
    if (!equatable(fcx, lhs.ty)) return binopError(fcx, e, lhs, rhs, opSp);
    const rc = tryCoerce(fcx, rhs, lhs.ty);
    if (!rc) {
      const peel = (t: Ty): Ty => {
        let x = fcx.shallow(t);
        while (x.kind === 'ref') x = fcx.shallow(x.to);
        return x;
      };
      const lt = fcx.shallow(lhs.ty);
      const rt = fcx.shallow(rhs.ty);
      if (lt.kind === 'ref' && rt.kind === 'ref') {
        const l = fcx.show(peel(lt));
        const r = fcx.show(peel(rt));
        fcx.cx.emit(error(`can't compare \`${l}\` with \`${r}\``, 'E0277').primary(opSp, `no implementation for \`${l} == ${r}\``).help(`the trait \`PartialEq<${r}>\` is not implemented for \`${l}\``));
      } else fcx.cx.emit(fcx.mismatch(e.rhs.span, lhs.ty, rhs.ty));
      return fcx.expr({ kind: 'binary', op, lhs, rhs }, BOOL, e.span);
    }
    return fcx.expr({ kind: 'binary', op, lhs, rhs: rc }, BOOL, e.span);
  }
  if (COMPARISON.has(op) && fcx.shallow(lhs.ty).kind === 'ref' && fcx.shallow(rhs.ty).kind === 'ref') {
    const l = fcx.shallow(lhs.ty) as Ty & { kind: 'ref' };
    if (fcx.shallow(l.to).kind === 'str') return refuseOp(fcx, 'ordering comparisons of strings', e.span);
  }
  lhs = derefScalarRef(fcx, lhs);
  rhs = derefScalarRef(fcx, rhs);
  const lt = fcx.shallow(lhs.ty);
  const rt = fcx.shallow(rhs.ty);
  if (lt.kind === 'error' || rt.kind === 'error') return fcx.expr({ kind: 'binary', op, lhs, rhs }, COMPARISON.has(op) ? BOOL : ERROR_TY, e.span);
  const opSp = opSpan(fcx, e.lhs.span.hi, e.rhs.span.lo, e.op);
  if (op === 'shl' || op === 'shr') {
    if (isIntLike(lt) && isIntLike(rt)) return fcx.expr({ kind: 'binary', op, lhs, rhs }, lhs.ty, e.span);
    return binopError(fcx, e, lhs, rhs, opSp);
  }
  const okOperand = (t: Ty): boolean => {
    if (isIntLike(t)) return true;
    if (t.kind === 'infer') return true;
    if (ARITH.has(op)) return false;
    if (BITWISE.has(op)) return t.kind === 'bool';
    if (t.kind === 'bool' || t.kind === 'char' || t.kind === 'ptr' || t.kind === 'never') return true;
    if (t.kind === 'tuple' && t.elems.length === 0 && (op === 'eq' || op === 'ne')) return true;
    if (t.kind === 'adt' && t.def.adtKind === 'enum' && (op === 'eq' || op === 'ne') && t.def.derives.includes('PartialEq')) return true;
    return false;
  };
  if (!okOperand(lt)) return binopError(fcx, e, lhs, rhs, opSp);
  const rc = tryCoerce(fcx, rhs, lhs.ty);
  if (!rc) {
    if (!okOperand(rt) || lt.kind !== rt.kind || isIntLike(lt)) {
      fcx.cx.emit(fcx.mismatch(e.rhs.span, lhs.ty, rhs.ty));
      const msg = OP_MESSAGE[e.op]?.(fcx.show(lhs.ty), fcx.show(rhs.ty));
      if (msg && isIntLike(lt)) fcx.cx.emit(error(msg, 'E0277').primary(opSp, `no implementation for \`${fcx.show(lhs.ty)} ${e.op} ${fcx.show(rhs.ty)}\``));
      else if (COMPARISON.has(op) && isIntLike(lt)) fcx.cx.emit(error(`can't compare \`${fcx.show(lhs.ty)}\` with \`${fcx.show(rhs.ty)}\``, 'E0277').primary(opSp, `no implementation for \`${fcx.show(lhs.ty)} ${op === 'eq' || op === 'ne' ? '==' : '<'} ${fcx.show(rhs.ty)}\``));
      return fcx.expr({ kind: 'binary', op, lhs, rhs }, COMPARISON.has(op) ? BOOL : ERROR_TY, e.span);
    }
    return binopError(fcx, e, lhs, rhs, opSp);
  }
  return fcx.expr({ kind: 'binary', op, lhs, rhs: rc }, COMPARISON.has(op) ? BOOL : lhs.ty, e.span);
}

/** Types whose `==` is not a single scalar comparison (through references too). */
function isAggregateEq(fcx: FnCx, t0: Ty): boolean {
  let t = fcx.shallow(t0);
  while (t.kind === 'ref') t = fcx.shallow(t.to);
  return t.kind === 'str' || t.kind === 'slice' || t.kind === 'array' || (t.kind === 'tuple' && t.elems.length > 0) || (t.kind === 'adt' && t.def.adtKind === 'struct');
}

/** Whether `==` exists for the type (PartialEq derived on structs and enums, all parts comparable). */
function equatable(fcx: FnCx, t0: Ty): boolean {
  const t = fcx.shallow(t0);
  switch (t.kind) {
    case 'int':
    case 'bool':
    case 'char':
    case 'str':
    case 'ptr':
    case 'error':
    case 'infer':
      return true;
    case 'ref': return equatable(fcx, t.to);
    case 'slice':
    case 'array': return equatable(fcx, t.elem);
    case 'tuple': return t.elems.every((x) => equatable(fcx, x));
    case 'adt': return t.def.derives.includes('PartialEq');
    default: return false;
  }
}

function refuseOp(fcx: FnCx, what: string, span: Span): Expr {
  fcx.cx.unsupported(what, span);
  return fcx.errorExpr(span);
}

function binopError(fcx: FnCx, e: ast.Expr & { kind: 'binary' }, lhs: Expr, rhs: Expr, opSp: Span): Expr {
  const l = fcx.show(lhs.ty);
  const r = fcx.show(rhs.ty);
  const msg = OP_MESSAGE[e.op]?.(l, r) ?? `binary operation \`${e.op}\` cannot be applied to type \`${l}\``;
  const d = error(msg, 'E0369').primary(opSp).secondary(e.lhs.span, l);
  if (OP_MESSAGE[e.op]) d.secondary(e.rhs.span, r);
  fcx.cx.emit(d);
  return fcx.errorExpr(e.span);
}

export function checkUnary(fcx: FnCx, e: ast.Expr & { kind: 'unary' }, exp: Expect): Expr {
  if (e.op === '*') {
    const operand = checkExpr(fcx, e.expr);
    const t = fcx.shallow(operand.ty);
    if (t.kind === 'ref' || t.kind === 'ptr') return fcx.expr({ kind: 'deref', operand }, t.to, e.span);
    if (t.kind === 'error') return fcx.errorExpr(e.span);
    fcx.cx.emit(error(`type \`${fcx.show(t)}\` cannot be dereferenced`, 'E0614').primary(e.span, "can't be dereferenced"));
    return fcx.errorExpr(e.span);
  }
  let operand = checkExpr(fcx, e.expr, exp.ty && !exp.cast ? { ty: exp.ty } : exp);
  operand = derefScalarRef(fcx, operand);
  const t = fcx.shallow(operand.ty);
  const opName = e.op === '-' ? 'neg' : 'not';
  if (t.kind === 'error') return fcx.errorExpr(e.span);
  const ok = e.op === '-' ? (t.kind === 'int' && isSignedInt(t.int)) || (t.kind === 'infer' && t.intVar) : isIntLike(t) || t.kind === 'bool';
  if (!ok) {
    const d = error(`cannot apply unary operator \`${e.op}\` to type \`${fcx.showExprTy(operand)}\``, 'E0600').primary(e.span, `cannot apply unary operator \`${e.op}\``);
    if (e.op === '-' && t.kind === 'int') d.note('unsigned values cannot be negated');
    fcx.cx.emit(d);
    return fcx.errorExpr(e.span);
  }
  // `-128i8` is one literal, as in rustc's THIR (a literal's value is in its type's range).
  if (e.op === '-' && operand.kind === 'lit' && operand.value.kind === 'scalar' && (t.kind === 'int' || t.kind === 'infer')) {
    return fcx.expr({ kind: 'lit', value: { kind: 'scalar', value: -operand.value.value } }, operand.ty, e.span);
  }
  return fcx.expr({ kind: 'unary', op: opName, operand }, operand.ty, e.span);
}

export function isPlace(e: Expr): boolean {
  switch (e.kind) {
    case 'local':
    case 'static':
    case 'deref':
      return true;
    case 'field':
    case 'index':
    case 'rangeIndex':
      return isPlace(e.base);
    default:
      return false;
  }
}

export function checkAssign(fcx: FnCx, e: ast.Expr & { kind: 'assign' }): Expr {
  if (e.lhs.kind === 'underscore') {
    const value = checkExpr(fcx, e.rhs);
    const pat = { kind: 'wild', ty: value.ty, span: e.lhs.span } as const;
    return fcx.expr({ kind: 'block', block: { stmts: [{ kind: 'let', pat, init: value, span: e.span }], unsafe: false, ty: UNIT, span: e.span } }, UNIT, e.span);
  }
  if (e.lhs.kind === 'tuple' || e.lhs.kind === 'array' || e.lhs.kind === 'struct' || (e.lhs.kind === 'call' && e.lhs.func.kind === 'path' && e.lhs.func.path.segments.length === 1 && /^[A-Z]/.test(e.lhs.func.path.segments[0]!.ident.name))) {
    return refuseOp(fcx, 'destructuring assignments', e.lhs.span);
  }
  const place = checkExpr(fcx, e.lhs);
  const value = checkCoerce(fcx, e.rhs, place.ty, (d) => d.secondary(e.lhs.span, 'expected due to the type of this binding'));
  if (place.kind !== 'error' && !isPlace(place)) {
    fcx.cx.emit(error('invalid left-hand side of assignment', 'E0070').primary(opSpan(fcx, e.lhs.span.hi, e.rhs.span.lo, '=')).secondary(e.lhs.span, 'cannot assign to this expression'));
    return fcx.errorExpr(e.span);
  }
  return fcx.expr({ kind: 'assign', place, value }, UNIT, e.span);
}

export function checkAssignOp(fcx: FnCx, e: ast.Expr & { kind: 'assignOp' }): Expr {
  const op = BIN[e.op]!;
  const place = checkExpr(fcx, e.lhs);
  const pt = fcx.shallow(place.ty);
  let value = checkExpr(fcx, e.rhs, op === 'shl' || op === 'shr' ? NO_EXPECT : { ty: place.ty });
  value = derefScalarRef(fcx, value);
  const opSp = opSpan(fcx, e.lhs.span.hi, e.rhs.span.lo, `${e.op}=`);
  if (pt.kind === 'error') return fcx.errorExpr(e.span);
  const vt = fcx.shallow(value.ty);
  const l = fcx.show(pt);
  // The place's type has no such operator at all: E0368 on the whole expression.
  const lhsOk = isIntLike(pt) || (BITWISE.has(op) && pt.kind === 'bool');
  if (!lhsOk) {
    fcx.cx.emit(error(`binary assignment operation \`${e.op}=\` cannot be applied to type \`${l}\``, 'E0368').primary(e.span).secondary(e.lhs.span, `cannot use \`${e.op}=\` on type \`${l}\``));
    return fcx.errorExpr(e.span);
  }
  const rhsOk = op === 'shl' || op === 'shr' ? isIntLike(vt) : fcx.infer.canUnify(vt, pt) || vt.kind === 'never';
  if (!rhsOk) {
    // An operand of another type: E0277 (after E0308 when both are integers), as rustc.
    const r = fcx.show(vt);
    const word: Record<string, string> = { '+': `cannot add-assign \`${r}\` to \`${l}\``, '-': `cannot subtract-assign \`${r}\` from \`${l}\``, '*': `cannot multiply-assign \`${l}\` by \`${r}\``, '/': `cannot divide-assign \`${l}\` by \`${r}\``, '%': `cannot calculate and assign the remainder of \`${l}\` divided by \`${r}\`` };
    if (isIntLike(vt) && isIntLike(pt)) fcx.cx.emit(fcx.mismatch(e.rhs.span, pt, vt));
    fcx.cx.emit(error(word[e.op] ?? `no implementation for \`${l} ${e.op}= ${r}\``, 'E0277').primary(opSp, `no implementation for \`${l} ${e.op}= ${r}\``));
    return fcx.errorExpr(e.span);
  }
  if (op !== 'shl' && op !== 'shr') value = coerce(fcx, value, place.ty);
  if (!isPlace(place)) {
    fcx.cx.emit(error('invalid left-hand side of assignment', 'E0067').primary(opSp).secondary(e.lhs.span, 'cannot assign to this expression'));
    return fcx.errorExpr(e.span);
  }
  return fcx.expr({ kind: 'assignOp', op, place, value }, UNIT, e.span);
}

export { checkCast } from './cast.ts';
export { checkField, checkIndex, checkRange, autoderef } from './places.ts';
