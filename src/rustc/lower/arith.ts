// Arithmetic, comparisons and `as` casts on scalars. Debug builds check `+ - *`, negation and
// shift amounts with rustc's panic messages; both builds check division and remainder (by zero,
// and MIN / -1), as rustc does whatever the overflow-check setting.
import { bitsOf, c, isSigned, type Operand, type ScalarType } from '../ir/types.ts';
import type { Span } from '../span/span.ts';
import type { BinaryOp } from '../thir/thir.ts';
import type { Expr } from '../thir/thir.ts';
import type { Ty } from '../thir/ty.ts';
import type { FnCx, Val } from './context.ts';
import { ice } from './errors.ts';
import { valuesEqual } from './equality.ts';
import { reprOf, scalarOf } from './repr.ts';

const OVERFLOW: Record<'add' | 'sub' | 'mul', string> = {
  add: 'attempt to add with overflow',
  sub: 'attempt to subtract with overflow',
  mul: 'attempt to multiply with overflow',
};

const COMPARE = new Set<BinaryOp>(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

export function scalar(v: Val, span: Span): Operand {
  return v.k === 's' ? v.o : ice(`a scalar operand expected, found ${v.k}`, span);
}

export function minOf(t: ScalarType): bigint {
  return isSigned(t) ? -(1n << BigInt(bitsOf(t) - 1)) : 0n;
}

export function binaryOp(cx: FnCx, op: BinaryOp, av: Val, bv: Val, lhsTy: Ty, rhsTy: Ty, span: Span): Val {
  // `&a == &b` and `&a + &b` work on the referents (PartialEq/Add for references), not the addresses.
  if (lhsTy.kind === 'ref' && scalarOf(lhsTy.to)) return binaryOp(cx, op, derefScalar(cx, av, lhsTy.to, span), rhsTy.kind === 'ref' ? derefScalar(cx, bv, rhsTy.to, span) : bv, lhsTy.to, rhsTy.kind === 'ref' ? rhsTy.to : rhsTy, span);
  if (rhsTy.kind === 'ref' && scalarOf(rhsTy.to) && !(lhsTy.kind === 'ptr')) return binaryOp(cx, op, av, derefScalar(cx, bv, rhsTy.to, span), lhsTy, rhsTy.to, span);
  if (lhsTy.kind === 'tuple' && lhsTy.elems.length === 0 && COMPARE.has(op)) return { k: 's', o: c('bool', op === 'eq' || op === 'le' || op === 'ge' ? 1 : 0) };
  if ((op === 'eq' || op === 'ne') && !scalarOf(lhsTy)) {
    const eq = valuesEqual(cx, av, bv, lhsTy, span);
    return { k: 's', o: op === 'eq' ? eq : cx.b.unary('not', 'bool', eq) };
  }
  const t = scalarOf(lhsTy) ?? ice(`arithmetic on ${lhsTy.kind}`, span);
  const a = scalar(av, span);
  const b = scalar(bv, span);
  if (COMPARE.has(op)) return { k: 's', o: cx.b.compare(op as 'eq', a, b) };
  switch (op) {
    case 'add': case 'sub': case 'mul': {
      if (cx.release) return { k: 's', o: cx.b.binary(op, t, a, b) };
      const { result, overflow } = cx.b.checked(op, t, a, b);
      cx.panicIf(overflow, OVERFLOW[op], span);
      return { k: 's', o: result };
    }
    case 'div': case 'rem': {
      cx.panicIf(cx.b.compare('eq', b, c(t, 0)), op === 'div' ? 'attempt to divide by zero' : 'attempt to calculate the remainder with a divisor of zero', span);
      if (isSigned(t)) {
        const overflow = cx.b.binary('and', 'bool', cx.b.compare('eq', a, c(t, minOf(t))), cx.b.compare('eq', b, c(t, -1)));
        cx.panicIf(overflow, op === 'div' ? 'attempt to divide with overflow' : 'attempt to calculate the remainder with overflow', span);
      }
      return { k: 's', o: cx.b.binary(op, t, a, b) };
    }
    case 'and': case 'or': case 'xor': return { k: 's', o: cx.b.binary(op, t, a, b) };
    case 'shl': case 'shr': {
      if (!cx.release) {
        const at = scalarOf(rhsTy) ?? ice('a shift amount that is not an integer', span);
        const unsignedAt = (isSigned(at) ? at.replace('i', 'u') : at) as ScalarType;
        const amount = unsignedAt === at ? b : cx.b.cast(unsignedAt, b);
        const bits = bitsOf(t);
        // An amount type narrower than the bit count (u8 for u128 is not) cannot reach it only when bits > its max.
        const tooBig = bitsOf(unsignedAt) >= 64 || BigInt(bits) <= (1n << BigInt(bitsOf(unsignedAt))) - 1n
          ? cx.b.compare('ge', amount, c(unsignedAt, bits))
          : c('bool', 0);
        cx.panicIf(tooBig, op === 'shl' ? 'attempt to shift left with overflow' : 'attempt to shift right with overflow', span);
      }
      return { k: 's', o: cx.b.binary(op, t, a, b) };
    }
  }
  return ice(`unknown binary operator ${op}`, span);
}

function derefScalar(cx: FnCx, v: Val, to: Ty, span: Span): Val {
  const t = scalarOf(to) ?? ice('a reference to a non-scalar in arithmetic', span);
  return { k: 's', o: cx.b.load(t, scalar(v, span)) };
}

export function unaryOp(cx: FnCx, op: 'neg' | 'not', v: Val, ty: Ty, span: Span): Val {
  const t = scalarOf(ty) ?? ice(`unary ${op} on ${ty.kind}`, span);
  const a = scalar(v, span);
  if (op === 'not') return { k: 's', o: cx.b.unary('not', t, a) };
  if (!cx.release && isSigned(t)) cx.panicIf(cx.b.compare('eq', a, c(t, minOf(t))), 'attempt to negate with overflow', span);
  return { k: 's', o: cx.b.unary('neg', t, a) };
}

/** `e as T` between the subset's cast-compatible types. */
export function castVal(cx: FnCx, v: Val, operand: Expr, to: Ty): Val {
  const from = operand.ty;
  const toR = reprOf(to);
  if (from.kind === 'fnDef') {
    cx.mc.declareFn(from.def);
    const p = cx.b.staticAddr(from.def.symbol);
    return toR.kind === 'scalar' && toR.type !== 'ptr' ? { k: 's', o: cx.b.cast(toR.type, p) } : { k: 's', o: p };
  }
  if (toR.kind === 'fat') return v.k === 'f' ? v : ice('a cast to a fat pointer from a thin one', operand.span);
  if (toR.kind !== 'scalar') return v;
  const o = v.k === 'f' ? v.p : scalar(v, operand.span);
  const fromT = v.k === 'f' ? 'ptr' : scalarOf(from) ?? ice(`a cast from ${from.kind}`, operand.span);
  if (fromT === toR.type) return { k: 's', o };
  if (o.kind === 'const') return { k: 's', o: c(toR.type, castConst(o.value, fromT, toR.type)) };
  return { k: 's', o: cx.b.cast(toR.type, o) };
}

function castConst(x: bigint, from: ScalarType, _to: ScalarType): bigint {
  // `c()` wraps to the target; the source is already canonical (sign-extended when signed).
  void from;
  return x;
}
