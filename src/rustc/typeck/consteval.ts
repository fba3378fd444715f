// Compile-time evaluation of const and static initializers, array lengths and pattern
// constants, over the THIR (after inference): integer arithmetic with rustc's E0080 on
// overflow and division by zero, casts, aggregates, strings, `&STATIC`, integer-to-pointer.
import { error } from '../diagnostics/diagnostic.ts';
import type { Cx } from '../resolve/cx.ts';
import type { Span } from '../span/span.ts';
import type { Block, ConstValue, Expr, Pat } from '../thir/thir.ts';
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

/** The largest array a constant or static initializer may hold (16 Mi elements). */
const MAX_CONST_ELEMENTS = 1 << 24;

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
    if (err instanceof BreakSignal || err instanceof ContinueSignal || err instanceof ReturnSignal) {
      cx.unsupported('this control flow in a constant', e.span);
      return undefined;
    }
    if (!(err instanceof EvalError)) throw err;
    if (err.unsupported) cx.unsupported(err.msg, err.span);
    else cx.emit(error(err.msg, 'E0080').primary(err.span, itemName ? `evaluation of \`${itemName}\` failed here` : 'evaluation of constant value failed'));
    return undefined;
  }
}

function evalExpr(cx: Cx, e: Expr, env?: Env): ConstValue {
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
    case 'tuple': return { kind: 'aggregate', fields: e.elems.map((x) => evalExpr(cx, x, env)) };
    case 'array': return { kind: 'aggregate', fields: e.elems.map((x) => evalExpr(cx, x, env)) };
    case 'struct': return { kind: 'aggregate', fields: e.fields.map((x) => evalExpr(cx, x, env)) };
    case 'repeat': {
      // Constants are built element by element, so a giant `[0; 1 << 40]` is refused
      // instead of exhausting memory.
      if (e.count > MAX_CONST_ELEMENTS) throw new EvalError(e.span, `constant arrays of more than ${MAX_CONST_ELEMENTS} elements ${Number.isSafeInteger(e.count) ? ` (this one has ${e.count})` : ''}`, true);
      const v = evalExpr(cx, e.elem, env);
      return { kind: 'aggregate', fields: Array.from({ length: e.count }, () => v) };
    }
    case 'block': return evalBlock(cx, e.block, env);
    case 'local': {
      const v = env?.locals.get(e.local);
      if (!v) throw new EvalError(e.span, 'this local in a constant', true);
      return v;
    }
    case 'assign':
    case 'assignOp': {
      if (!env || e.place.kind !== 'local') throw new EvalError(e.span, 'this assignment in a constant', true);
      let v = evalExpr(cx, e.value, env);
      if (e.kind === 'assignOp') v = evalBinary(cx, { kind: 'binary', op: e.op, lhs: e.place, rhs: e.value, ty: e.place.ty, span: e.span }, env, v);
      env.locals.set(e.place.local, v);
      return UNIT_VALUE;
    }
    case 'loop': {
      for (let round = 0; ; round++) {
        if (round > LOOP_LIMIT) throw new EvalError(e.span, 'evaluation of this loop took too long');
        try {
          evalBlock(cx, e.body, env);
        } catch (c) {
          if (c instanceof BreakSignal && c.loop === e.loop) return c.value ?? UNIT_VALUE;
          if (c instanceof ContinueSignal && c.loop === e.loop) continue;
          throw c;
        }
      }
    }
    case 'break': throw new BreakSignal(e.loop, e.value ? evalExpr(cx, e.value, env) : undefined);
    case 'continue': throw new ContinueSignal(e.loop);
    case 'return': throw new ReturnSignal(e.value ? evalExpr(cx, e.value, env) : UNIT_VALUE);
    case 'match': {
      const v = evalExpr(cx, e.scrutinee, env);
      for (const arm of e.arms) {
        const binds = new Map<number, ConstValue>();
        if (!matchPat(arm.pat, v, binds)) continue;
        for (const [k, x] of binds) env?.locals.set(k, x);
        if (arm.guard && scalar(evalExpr(cx, arm.guard, env), arm.span) === 0n) continue;
        return evalExpr(cx, arm.body, env);
      }
      throw new EvalError(e.span, 'a `match` without a matching arm in a constant', true);
    }
    case 'addrOf': {
      if (e.place.kind === 'static') return { kind: 'staticRef', def: e.place.def };
      if (e.place.kind === 'deref') return evalExpr(cx, e.place.operand, env);
      return { kind: 'ref', to: evalExpr(cx, e.place, env) };
    }
    case 'deref': {
      const r = evalExpr(cx, e.operand, env);
      // `*b"…"`: an array value is its elements (`bytes` only ever sits behind a reference).
      if (r.kind === 'ref' && r.to.kind === 'bytes' && e.ty.kind === 'array') return { kind: 'aggregate', fields: Array.from(r.to.bytes, (b) => ({ kind: 'scalar', value: BigInt(b) }) as ConstValue) };
      if (r.kind === 'ref') return r.to;
      throw new EvalError(e.span, 'dereferencing in constants', true);
    }
    case 'coerce': {
      const v = evalExpr(cx, e.operand, env);
      if (e.coercion === 'unsize') {
        const from = e.operand.ty;
        const len = (from.kind === 'ref' || from.kind === 'ptr') && from.to.kind === 'array' ? from.to.len : undefined;
        if (v.kind === 'ref') return { ...v, len };
        if (v.kind === 'staticRef') return { ...v, len };
      }
      return v;
    }
    case 'cast': return evalCast(cx, e, env);
    case 'unary': {
      const v = scalar(evalExpr(cx, e.operand, env), e.span);
      const t = intTy(e.ty);
      if (e.op === 'not') {
        if (e.ty.kind === 'bool') return { kind: 'scalar', value: v === 0n ? 1n : 0n };
        return { kind: 'scalar', value: t ? wrapInt(~v, t) : ~v };
      }
      if (t && v === intRange(t)[0] && isSignedInt(t)) throw new EvalError(e.span, `attempt to negate \`${showInt(v, t)}\`, which would overflow`);
      return { kind: 'scalar', value: -v };
    }
    case 'logical': {
      const l = scalar(evalExpr(cx, e.lhs, env), e.span);
      if (e.op === 'and' ? l === 0n : l !== 0n) return { kind: 'scalar', value: l };
      return evalExpr(cx, e.rhs, env);
    }
    case 'binary': return evalBinary(cx, e, env);
    case 'if': {
      const c = scalar(evalExpr(cx, e.cond, env), e.span);
      if (c !== 0n) return evalExpr(cx, e.then, env);
      if (e.else) return evalExpr(cx, e.else, env);
      return { kind: 'aggregate', fields: [] };
    }
    case 'field': {
      const b = evalExpr(cx, e.base, env);
      if (b.kind !== 'aggregate') throw new EvalError(e.span, 'this field access in a constant', true);
      return b.fields[e.index]!;
    }
    case 'index': {
      const b = evalExpr(cx, e.base, env);
      const i = scalar(evalExpr(cx, e.index, env), e.span);
      if (b.kind !== 'aggregate') throw new EvalError(e.span, 'this indexing in a constant', true);
      if (i >= BigInt(b.fields.length)) throw new EvalError(e.span, `index out of bounds: the length is ${b.fields.length} but the index is ${i}`);
      return b.fields[Number(i)]!;
    }
    case 'builtin':
      if (e.op === 'ptr.null' || e.op === 'ptr.null_mut') return { kind: 'ptr', addr: 0n };
      if (e.op === 'slice.len' || e.op === 'str.len' || e.op === 'slice.is_empty' || e.op === 'str.is_empty') {
        // `WORDS.len()` of a const array or string: the length is known.
        const r = evalExpr(cx, e.args[0]!, env);
        const len = r.kind === 'ref' ? (r.len ?? (r.to.kind === 'aggregate' ? r.to.fields.length : r.to.kind === 'bytes' ? r.to.bytes.length : undefined)) : r.kind === 'staticRef' ? r.len : undefined;
        if (len === undefined) throw new EvalError(e.span, `\`${e.op}\` in constants`, true);
        return { kind: 'scalar', value: e.op.endsWith('is_empty') ? (len === 0 ? 1n : 0n) : BigInt(len) };
      }
      throw new EvalError(e.span, `\`${e.op}\` in constants`, true);
    case 'call': return evalCall(cx, e, env);
    case 'panic':
      throw new EvalError(e.span, `evaluation panicked: ${e.message}`);
    case 'error':
      throw new EvalError(e.span, 'an erroneous constant', true);
    default:
      throw new EvalError(e.span, 'this expression in a constant', true);
  }
}

const LOOP_LIMIT = 1_000_000;
const UNIT_VALUE: ConstValue = { kind: 'aggregate', fields: [] };

/** The locals of a `const fn` being interpreted. */
interface Env {
  locals: Map<number, ConstValue>;
  depth: number;
}

class BreakSignal {
  constructor(readonly loop: number, readonly value?: ConstValue) {}
}
class ContinueSignal {
  constructor(readonly loop: number) {}
}
class ReturnSignal {
  constructor(readonly value: ConstValue) {}
}

function evalBlock(cx: Cx, b: Block, env?: Env): ConstValue {
  for (const s of b.stmts) {
    if (s.kind === 'item') continue;
    if (s.kind === 'expr') {
      evalExpr(cx, s.expr, env);
      continue;
    }
    if (!env || !s.init || s.else) throw new EvalError(s.span, 'this `let` in a constant', true);
    const v = evalExpr(cx, s.init, env);
    const binds = new Map<number, ConstValue>();
    if (!matchPat(s.pat, v, binds)) throw new EvalError(s.span, 'this pattern in a constant', true);
    for (const [k, x] of binds) env.locals.set(k, x);
  }
  return b.tail ? evalExpr(cx, b.tail, env) : UNIT_VALUE;
}

/** Whether a value matches a pattern, collecting its bindings (by value). */
function matchPat(p: Pat, v: ConstValue, binds: Map<number, ConstValue>): boolean {
  switch (p.kind) {
    case 'wild': return true;
    case 'binding':
      if (p.mode !== 'value') return false;
      binds.set(p.local, v);
      return p.sub ? matchPat(p.sub, v, binds) : true;
    case 'const': return v.kind === 'scalar' && p.value.kind === 'scalar' && v.value === p.value.value;
    case 'range': {
      if (v.kind !== 'scalar' || p.lo.kind !== 'scalar' || p.hi.kind !== 'scalar') return false;
      return v.value >= p.lo.value && (p.inclusive ? v.value <= p.hi.value : v.value < p.hi.value);
    }
    case 'variant': return v.kind === 'variant' && v.index === p.index;
    case 'tuple': return v.kind === 'aggregate' && p.elems.every((x, i) => matchPat(x, v.fields[i]!, binds));
    case 'struct': return v.kind === 'aggregate' && p.fields.every((f) => matchPat(f.pat, v.fields[f.index]!, binds));
    case 'deref': return v.kind === 'ref' && matchPat(p.pat, v.to, binds);
    case 'or': return p.alts.some((a) => matchPat(a, v, binds));
  }
}

/** A call of a `const fn` of this crate (or of an extern crate's, with its body): interpreted. */
function evalCall(cx: Cx, e: Expr & { kind: 'call' }, env?: Env): ConstValue {
  const def = e.callee;
  if (!def.constFn) throw new EvalError(e.span, 'calls of non-const functions in constants', true);
  const body = def.body ?? cx.fnBody(def);
  if (!body) throw new EvalError(e.span, 'calls of this function in constants', true);
  const depth = (env?.depth ?? 0) + 1;
  if (depth > 64) throw new EvalError(e.span, 'recursion this deep in constants');
  const args = e.args.map((a) => evalExpr(cx, a, env));
  const inner: Env = { locals: new Map(), depth };
  body.params.forEach((p, i) => {
    if (!matchPat(p, args[i]!, inner.locals)) throw new EvalError(e.span, 'this parameter pattern in constants', true);
  });
  try {
    return evalBlock(cx, body.block, inner);
  } catch (c) {
    if (c instanceof ReturnSignal) return c.value;
    throw c;
  }
}

function evalCast(cx: Cx, e: Expr & { kind: 'cast' }, env?: Env): ConstValue {
  const v = evalExpr(cx, e.operand, env);
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

function evalBinary(cx: Cx, e: Expr & { kind: 'binary' }, env?: Env, rhsValue?: ConstValue): ConstValue {
  const lv = evalExpr(cx, e.lhs, env);
  const rv = rhsValue ?? evalExpr(cx, e.rhs, env);
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
