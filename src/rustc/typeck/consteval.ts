// Compile-time evaluation of const and static initializers, array lengths and pattern
// constants, over the THIR (after inference): integer arithmetic with rustc's E0080 on
// overflow and division by zero, casts, aggregates, strings, `&STATIC`, integer-to-pointer.
import { error } from '../diagnostics/diagnostic.ts';
import type { Cx } from '../resolve/cx.ts';
import type { Span } from '../span/span.ts';
import type { ConstValue, Expr } from '../thir/thir.ts';
import { type IntTy, isSignedInt, type Ty } from '../thir/ty.ts';

const BITS: Record<IntTy, number> = { i8: 8, i16: 16, i32: 32, i64: 64, i128: 128, isize: 64, u8: 8, u16: 16, u32: 32, u64: 64, u128: 128, usize: 64 };

export function intRange(t: IntTy): [bigint, bigint] {
  const b = BigInt(BITS[t]);
  return isSignedInt(t) ? [-(1n << (b - 1n)), (1n << (b - 1n)) - 1n] : [0n, (1n << b) - 1n];
}

/** Wraps to the type's range (two's complement), as `as` casts do. */
export function wrapInt(v: bigint, t: IntTy): bigint {
  const b = BigInt(BITS[t]);
  return isSignedInt(t) ? BigInt.asIntN(Number(b), v) : BigInt.asUintN(Number(b), v);
}

/** How rustc shows a value in E0080 messages: `u8::MAX`, `i32::MIN`, `200_u8`. */
function showInt(v: bigint, t: IntTy): string {
  const [lo, hi] = intRange(t);
  if (v === hi) return `${t}::MAX`;
  if (v === lo && lo !== 0n) return `${t}::MIN`;
  return `${v}_${t}`;
}

class EvalError extends Error {
  constructor(readonly span: Span, readonly msg: string, readonly unsupported = false) {
    super(msg);
  }
}

function intTy(t: Ty): IntTy | undefined {
  return t.kind === 'int' ? t.int : undefined;
}

function scalar(v: ConstValue | undefined, span: Span): bigint {
  if (!v || v.kind !== 'scalar') throw new EvalError(span, 'this value in a constant', true);
  return v.value;
}

/**
 * Evaluates; reports E0080 (with the item's name) or an unsupported construct and returns
 * undefined on failure. `itemName` names the const/static being evaluated.
 */
export function evalConstExpr(cx: Cx, e: Expr, itemName?: string): ConstValue | undefined {
  try {
    return evalExpr(cx, e);
  } catch (err) {
    if (!(err instanceof EvalError)) throw err;
    if (err.unsupported) cx.unsupported(err.msg, err.span);
    else cx.emit(error(err.msg, 'E0080').primary(err.span, itemName ? `evaluation of \`${itemName}\` failed here` : 'evaluation of constant value failed'));
    return undefined;
  }
}

function evalExpr(cx: Cx, e: Expr): ConstValue {
  switch (e.kind) {
    case 'lit': return e.value;
    case 'const': {
      const v = cx.constValue(e.def);
      if (!v) throw new EvalError(e.span, 'this constant', true);
      return v;
    }
    case 'static': {
      if (e.def.mut || !e.def.value) throw new EvalError(e.span, 'reading a static in a constant', true);
      return e.def.value;
    }
    case 'fnItem': return { kind: 'fn', def: e.def };
    case 'variant': return { kind: 'variant', adt: e.adt, index: e.index };
    case 'tuple': return { kind: 'aggregate', fields: e.elems.map((x) => evalExpr(cx, x)) };
    case 'array': return { kind: 'aggregate', fields: e.elems.map((x) => evalExpr(cx, x)) };
    case 'struct': return { kind: 'aggregate', fields: e.fields.map((x) => evalExpr(cx, x)) };
    case 'repeat': {
      const v = evalExpr(cx, e.elem);
      return { kind: 'aggregate', fields: Array.from({ length: e.count }, () => v) };
    }
    case 'block': {
      if (e.block.stmts.length > 0) throw new EvalError(e.span, 'statements in constants', true);
      if (!e.block.tail) return { kind: 'aggregate', fields: [] };
      return evalExpr(cx, e.block.tail);
    }
    case 'addrOf': {
      if (e.place.kind === 'static') return { kind: 'staticRef', def: e.place.def };
      if (e.place.kind === 'deref') return evalExpr(cx, e.place.operand);
      return { kind: 'ref', to: evalExpr(cx, e.place) };
    }
    case 'deref': {
      const r = evalExpr(cx, e.operand);
      if (r.kind === 'ref') return r.to;
      throw new EvalError(e.span, 'dereferencing in constants', true);
    }
    case 'coerce': {
      const v = evalExpr(cx, e.operand);
      if (e.coercion === 'unsize') {
        const from = e.operand.ty;
        const len = (from.kind === 'ref' || from.kind === 'ptr') && from.to.kind === 'array' ? from.to.len : undefined;
        if (v.kind === 'ref') return { ...v, len };
        if (v.kind === 'staticRef') return { ...v, len };
      }
      return v;
    }
    case 'cast': return evalCast(cx, e);
    case 'unary': {
      const v = scalar(evalExpr(cx, e.operand), e.span);
      const t = intTy(e.ty);
      if (e.op === 'not') {
        if (e.ty.kind === 'bool') return { kind: 'scalar', value: v === 0n ? 1n : 0n };
        return { kind: 'scalar', value: t ? wrapInt(~v, t) : ~v };
      }
      if (t && v === intRange(t)[0] && isSignedInt(t)) throw new EvalError(e.span, `attempt to negate \`${showInt(v, t)}\`, which would overflow`);
      return { kind: 'scalar', value: -v };
    }
    case 'logical': {
      const l = scalar(evalExpr(cx, e.lhs), e.span);
      if (e.op === 'and' ? l === 0n : l !== 0n) return { kind: 'scalar', value: l };
      return evalExpr(cx, e.rhs);
    }
    case 'binary': return evalBinary(cx, e);
    case 'if': {
      const c = scalar(evalExpr(cx, e.cond), e.span);
      if (c !== 0n) return evalExpr(cx, e.then);
      if (e.else) return evalExpr(cx, e.else);
      return { kind: 'aggregate', fields: [] };
    }
    case 'field': {
      const b = evalExpr(cx, e.base);
      if (b.kind !== 'aggregate') throw new EvalError(e.span, 'this field access in a constant', true);
      return b.fields[e.index]!;
    }
    case 'index': {
      const b = evalExpr(cx, e.base);
      const i = scalar(evalExpr(cx, e.index), e.span);
      if (b.kind !== 'aggregate') throw new EvalError(e.span, 'this indexing in a constant', true);
      if (i >= BigInt(b.fields.length)) throw new EvalError(e.span, `index out of bounds: the length is ${b.fields.length} but the index is ${i}`);
      return b.fields[Number(i)]!;
    }
    case 'builtin':
      if (e.op === 'ptr.null' || e.op === 'ptr.null_mut') return { kind: 'ptr', addr: 0n };
      throw new EvalError(e.span, `\`${e.op}\` in constants`, true);
    case 'call':
      throw new EvalError(e.span, 'calls in constants', true);
    case 'panic':
      throw new EvalError(e.span, `evaluation panicked: ${e.message}`);
    case 'error':
      throw new EvalError(e.span, 'an erroneous constant', true);
    default:
      throw new EvalError(e.span, 'this expression in a constant', true);
  }
}

function evalCast(cx: Cx, e: Expr & { kind: 'cast' }): ConstValue {
  const v = evalExpr(cx, e.operand);
  const to = e.ty;
  const from = e.operand.ty;
  if (to.kind === 'int') {
    if (v.kind === 'scalar') return { kind: 'scalar', value: wrapInt(v.value, to.int) };
    if (v.kind === 'variant') return { kind: 'scalar', value: wrapInt(v.adt.variants[v.index]!.discr, to.int) };
    if (v.kind === 'ptr') throw new EvalError(e.span, 'pointers cannot be cast to integers during const eval');
    throw new EvalError(e.span, 'this cast in a constant', true);
  }
  if (to.kind === 'char' && v.kind === 'scalar') return v;
  if (to.kind === 'ptr') {
    if (v.kind === 'scalar' && from.kind === 'int') return { kind: 'ptr', addr: BigInt.asUintN(64, v.value) };
    return v;
  }
  return v;
}

const OP_SYM: Record<string, string> = { add: '+', sub: '-', mul: '*', div: '/', rem: '%', shl: '<<', shr: '>>' };

function evalBinary(cx: Cx, e: Expr & { kind: 'binary' }): ConstValue {
  const lv = evalExpr(cx, e.lhs);
  const rv = evalExpr(cx, e.rhs);
  const t = intTy(e.lhs.ty);
  const cmp = (f: (a: bigint, b: bigint) => boolean, a: bigint, b: bigint): ConstValue => ({ kind: 'scalar', value: f(a, b) ? 1n : 0n });
  const variantValue = (v: ConstValue): ConstValue => (v.kind === 'variant' ? { kind: 'scalar', value: v.adt.variants[v.index]!.discr } : v);
  const a = scalar(variantValue(lv), e.span);
  const b = scalar(variantValue(rv), e.span);
  switch (e.op) {
    case 'eq': return cmp((x, y) => x === y, a, b);
    case 'ne': return cmp((x, y) => x !== y, a, b);
    case 'lt': return cmp((x, y) => x < y, a, b);
    case 'le': return cmp((x, y) => x <= y, a, b);
    case 'gt': return cmp((x, y) => x > y, a, b);
    case 'ge': return cmp((x, y) => x >= y, a, b);
    default: break;
  }
  if (!t) {
    // bool & | ^
    if (e.op === 'and') return { kind: 'scalar', value: a & b };
    if (e.op === 'or') return { kind: 'scalar', value: a | b };
    if (e.op === 'xor') return { kind: 'scalar', value: a ^ b };
    throw new EvalError(e.span, 'this operation in a constant', true);
  }
  const [lo, hi] = intRange(t);
  const show = (x: bigint) => showInt(x, t);
  const rt = intTy(e.rhs.ty) ?? t;
  const overflow = (): never => {
    throw new EvalError(e.span, `attempt to compute \`${show(a)} ${OP_SYM[e.op]} ${e.op === 'shl' || e.op === 'shr' ? showInt(b, rt) : show(b)}\`, which would overflow`);
  };
  let r: bigint;
  switch (e.op) {
    case 'add': r = a + b; break;
    case 'sub': r = a - b; break;
    case 'mul': r = a * b; break;
    case 'div':
      if (b === 0n) throw new EvalError(e.span, `attempt to divide \`${show(a)}\` by zero`);
      r = a / b;
      break;
    case 'rem':
      if (b === 0n) throw new EvalError(e.span, `attempt to calculate the remainder of \`${show(a)}\` with a divisor of zero`);
      if (isSignedInt(t) && a === lo && b === -1n) overflow();
      r = a % b;
      break;
    case 'and': return { kind: 'scalar', value: a & b };
    case 'or': return { kind: 'scalar', value: a | b };
    case 'xor': return { kind: 'scalar', value: a ^ b };
    case 'shl':
    case 'shr': {
      if (b < 0n || b >= BigInt(BITS[t])) throw new EvalError(e.span, `attempt to shift ${e.op === 'shl' ? 'left' : 'right'} by \`${showInt(b, rt)}\`, which would overflow`);
      return { kind: 'scalar', value: e.op === 'shl' ? wrapInt(a << b, t) : a >> b };
    }
    default: throw new EvalError(e.span, 'this operation in a constant', true);
  }
  if (r < lo || r > hi) overflow();
  return { kind: 'scalar', value: r };
}
