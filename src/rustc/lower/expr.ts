// Expressions: each THIR node lowered to IR in the current block, giving a Val (or writing into
// a Store, which spares a copy for aggregates built in place). Places (locals, statics,
// dereferences, fields, indexing) are lowered by place.ts; control flow by control.ts.
import { c, type Operand } from '../ir/types.ts';
import type { Block, Expr } from '../thir/thir.ts';
import type { Ty } from '../thir/ty.ts';
import { fnAbi } from './abi.ts';
import { binaryOp, castVal, unaryOp } from './arith.ts';
import { lowerBuiltin } from './builtins.ts';
import { constVal, tryConstEval } from './consts.ts';
import { ZST, type FnCx, type Store, type Val } from './context.ts';
import { lowerBlockInto, lowerBreak, lowerIf, lowerLoop, lowerReturn } from './control.ts';
import { ice } from './errors.ts';
import { lowerFor } from './iter.ts';
import { lowerMatch } from './match.ts';
import { freeze, readMemTy, readStore, spill, writeMem, writeStore, zeroBytes } from './memory.ts';
import { isPlaceExpr, lowerPlace, placeToPointer } from './place.ts';
import { fieldOffsets, fieldTys, isUnsized, layoutOfTy, reprOf } from './repr.ts';
import { sigAbi } from './abi.ts';
import { mayAssign } from './walk.ts';
import type { BuiltinOp } from '../thir/builtins.ts';

export function lowerExpr(cx: FnCx, e: Expr): Val {
  switch (e.kind) {
    case 'lit': return constVal(cx, e.value, e.ty);
    case 'const': return constVal(cx, e.def.value ?? ice(`const ${e.def.name} has no value`, e.span), e.ty);
    case 'fnItem': return ZST;
    case 'variant': {
      const r = reprOf(e.ty);
      return r.kind === 'scalar' ? { k: 's', o: c(r.type, e.adt.variants[e.index]!.discr) } : ice('an enum variant of non-scalar type', e.span);
    }
    case 'local': case 'static': case 'deref': case 'field': case 'index':
      return readPlace(cx, e);
    case 'rangeIndex': return ice('an unsized place used as a value', e.span);
    case 'call': return lowerCall(cx, e.callee, e.args, e.ty, e);
    case 'callValue': {
      if (e.func.ty.kind === 'fnDef') { lowerExpr(cx, e.func); return lowerCall(cx, e.func.ty.def, e.args, e.ty, e); }
      return lowerIndirectCall(cx, e.func, e.args, e.ty);
    }
    case 'builtin': return lowerBuiltin(cx, e.op, e.args, e.ty, e.typeArg, e.span);
    case 'binary': {
      // A left-nested chain (`a + b + c + …`) is walked as a loop, so a long sum cannot
      // exhaust the stack.
      const spine: (Expr & { kind: 'binary' })[] = [];
      for (let x: Expr = e; x.kind === 'binary'; x = x.lhs) spine.push(x);
      // `x[..3] == y[..3]`: unsized operands ([T], str) are compared through (ptr, len) pairs.
      const operand = (x: Expr): Val => (isUnsized(x.ty) ? lowerAddrOf(cx, x, false) : lowerExpr(cx, x));
      const tyOf = (x: Expr): Ty => (isUnsized(x.ty) ? { kind: 'ref', mut: false, to: x.ty } : x.ty);
      let acc = operand(spine[spine.length - 1]!.lhs);
      for (let i = spine.length - 1; i >= 0; i--) {
        const node = spine[i]!;
        if (mayAssign(node.rhs)) acc = freeze(cx, acc, tyOf(node.lhs));
        acc = binaryOp(cx, node.op, acc, operand(node.rhs), tyOf(node.lhs), tyOf(node.rhs), node.span);
      }
      return acc;
    }
    case 'logical': return lowerLogical(cx, e.op, e.lhs, e.rhs);
    case 'unary': return unaryOp(cx, e.op, lowerExpr(cx, e.operand), e.ty, e.span);
    case 'addrOf': return lowerAddrOf(cx, e.place, e.mut);
    case 'cast': return castVal(cx, lowerExpr(cx, e.operand), e.operand, e.ty);
    case 'coerce': return lowerCoerce(cx, e);
    case 'assign': {
      const value = freeze(cx, lowerExpr(cx, e.value), e.value.ty);
      const place = lowerPlace(cx, e.place);
      writeStore(cx, place, value, e.place.ty);
      return ZST;
    }
    case 'assignOp': {
      const value = freeze(cx, lowerExpr(cx, e.value), e.value.ty);
      const place = lowerPlace(cx, e.place);
      const old = readStore(cx, place, e.place.ty);
      writeStore(cx, place, binaryOp(cx, e.op, old, value, e.place.ty, e.value.ty, e.span), e.place.ty);
      return ZST;
    }
    case 'block': case 'if': case 'match': case 'loop': {
      const dest = cx.newStore(e.ty);
      lowerInto(cx, e, dest);
      return readStore(cx, dest, e.ty);
    }
    case 'for': lowerFor(cx, e); return ZST;
    case 'break': lowerBreak(cx, e.loop, e.value); return cx.undef(e.ty);
    case 'continue': {
      const t = cx.loops.get(e.loop) ?? ice(`continue of an unknown loop ${e.loop}`, e.span);
      cx.goto(t.continueLabel);
      return cx.undef(e.ty);
    }
    case 'return': lowerReturn(cx, e.value); return cx.undef(e.ty);
    case 'panic': cx.panic(e.message, e.span); return cx.undef(e.ty);
    case 'tuple': case 'array': case 'repeat': case 'struct': case 'range': {
      const r = reprOf(e.ty);
      if (r.kind !== 'agg') { for (const x of aggregateParts(e)) lowerExpr(cx, x); return ZST; }
      const a = cx.tempSlot(r.layout.size, r.layout.align);
      lowerInto(cx, e, { k: 'mem', a });
      return { k: 'm', a, temp: true };
    }
    case 'error': return ice('lowering a body with a type error', e.span);
  }
}

function aggregateParts(e: Expr): Expr[] {
  switch (e.kind) {
    case 'tuple': case 'array': return e.elems;
    case 'repeat': return [e.elem];
    case 'struct': return e.fields;
    case 'range': return [e.lo, e.hi];
    default: return [];
  }
}

/** Lowers `e` with its result written into `dest` (aggregates are built in place). */
export function lowerInto(cx: FnCx, e: Expr, dest: Store): void {
  switch (e.kind) {
    case 'block': lowerBlockInto(cx, e.block, dest); return;
    case 'if': lowerIf(cx, e, dest); return;
    case 'match': lowerMatch(cx, e, dest); return;
    case 'loop': lowerLoop(cx, e, dest); return;
    case 'call':
      if (dest.k === 'mem' && fnAbi(e.callee).outPtr && !e.callee.intrinsic) { lowerCall(cx, e.callee, e.args, e.ty, e, dest.a); return; }
      break;
    case 'tuple': case 'struct': case 'array': case 'range': {
      if (dest.k !== 'mem') break;
      const parts = e.kind === 'range' ? [e.lo, e.hi] : e.kind === 'struct' ? e.fields : e.elems;
      const tys = e.kind === 'array' ? parts.map(() => (e.ty as { elem: Ty }).elem) : e.kind === 'range' ? [e.lo.ty, e.hi.ty] : fieldTys(e.ty);
      const offs = e.kind === 'array' ? parts.map((_, i) => i * layoutOfTy(tys[0]!).size) : e.kind === 'range' ? layoutOfTy(e.ty).offsets : fieldOffsets(e.ty);
      // Struct fields are listed by declaration; Rust evaluates them in source order.
      const order = parts.map((_, i) => i);
      if (e.kind === 'struct') order.sort((x, y) => parts[x]!.span.lo - parts[y]!.span.lo || x - y);
      for (const i of order) lowerInto(cx, parts[i]!, { k: 'mem', a: offs[i] ? cx.b.ptrAdd(dest.a, offs[i]!) : dest.a });
      if (e.kind === 'range' && e.inclusive) cx.b.store(cx.b.ptrAdd(dest.a, layoutOfTy(e.ty).offsets[2]!), c('bool', 0));
      return;
    }
    case 'repeat': {
      if (dest.k !== 'mem') break;
      lowerRepeat(cx, e.elem, e.count, dest.a, e.ty);
      return;
    }
    default: break;
  }
  const v = lowerExpr(cx, e);
  writeStore(cx, dest, v, e.ty);
}

/** `[elem; count]`: zeroes with memset when the element is a zero constant, else a store loop. */
function lowerRepeat(cx: FnCx, elem: Expr, count: number, a: Operand, arrayTy: Ty): void {
  const elemTy = (arrayTy as { elem: Ty }).elem;
  const el = layoutOfTy(elemTy);
  const k = tryConstEval(elem);
  const x = lowerExpr(cx, elem);
  if (count === 0 || el.size === 0) return;
  if (k && isZeroConst(k)) { zeroBytes(cx, a, el.size * count, el.align); return; }
  const frozen = freeze(cx, x, elemTy);
  if (count <= 8) { for (let i = 0; i < count; i++) writeMem(cx, i ? cx.b.ptrAdd(a, i * el.size) : a, frozen, elemTy); return; }
  const i = cx.b.value('usize');
  cx.b.assign(i, c('usize', 0));
  const head = cx.newBlock('rep');
  const body = cx.newBlock('repbody');
  const done = cx.newBlock('repdone');
  cx.goto(head, head);
  cx.branch(cx.b.compare('lt', { kind: 'value', id: i }, c('usize', count)), body, done, body);
  writeMem(cx, cx.b.ptrAdd(a, 0, { kind: 'value', id: i }, el.size), frozen, elemTy);
  cx.b.emit({ op: 'binary', kind: 'add', dst: i, a: { kind: 'value', id: i }, b: c('usize', 1) });
  cx.goto(head, done);
}

function isZeroConst(k: import('../thir/thir.ts').ConstValue): boolean {
  if (k.kind === 'scalar') return k.value === 0n;
  if (k.kind === 'aggregate') return k.fields.every(isZeroConst);
  return false;
}

/** Reads a place expression's value (aggregates by address, not copied). */
function readPlace(cx: FnCx, e: Expr): Val {
  const p = lowerPlace(cx, e);
  return readStore(cx, p, e.ty);
}

/**
 * Lowers operands evaluated in order; a scalar read from a local is copied when a later operand
 * may assign to locals, so it keeps the value it had when it was evaluated.
 */
export function lowerOperands(cx: FnCx, es: readonly Expr[]): Val[] {
  const out: Val[] = [];
  es.forEach((e, i) => {
    let v = lowerExpr(cx, e);
    if (es.slice(i + 1).some(mayAssign)) v = freeze(cx, v, e.ty);
    out.push(v);
  });
  return out;
}

export function lowerCall(cx: FnCx, callee: import('../thir/defs.ts').FnDef, args: readonly Expr[], ty: Ty, e: Expr, out?: Operand): Val {
  if (callee.intrinsic) return lowerBuiltin(cx, callee.intrinsic as BuiltinOp, args, ty, undefined, e.span);
  const abi = fnAbi(callee);
  cx.mc.declareFn(callee);
  const vals = lowerOperands(cx, args);
  const ops: Operand[] = [];
  let outAddr: Operand | undefined;
  if (abi.outPtr) {
    const r = reprOf(ty);
    outAddr = out ?? (r.kind === 'agg' ? cx.tempSlot(r.layout.size, r.layout.align) : cx.tempSlot(16, 8));
    ops.push(outAddr);
  }
  vals.forEach((v, i) => {
    const t = args[i]!.ty;
    const r = reprOf(t);
    if (v.k === 's') ops.push(v.o);
    else if (v.k === 'f') ops.push(v.p, v.n);
    else if (v.k === 'm' && r.kind === 'agg') ops.push(spill(cx, v, t));
  });
  const result = cx.b.call(callee.symbol, ops, abi.ret);
  if (callee.ret.kind === 'never') { cx.finish({ op: 'unreachable' }); return cx.undef(ty); }
  if (outAddr) return reprOf(ty).kind === 'fat' ? readMemTy(cx, outAddr, ty) : { k: 'm', a: outAddr, temp: true };
  return result ? { k: 's', o: result } : ZST;
}

function lowerLogical(cx: FnCx, op: 'and' | 'or', lhs: Expr, rhs: Expr): Val {
  const result = cx.b.value('bool');
  const a = lowerExpr(cx, lhs);
  if (a.k !== 's') return ice('a logical operand is not a scalar', lhs.span);
  cx.b.assign(result, a.o);
  const evalRhs = cx.newBlock(op === 'and' ? 'and' : 'or');
  const done = cx.newBlock('logic');
  if (op === 'and') cx.branch(a.o, evalRhs, done, evalRhs);
  else cx.branch(a.o, done, evalRhs, evalRhs);
  const b = lowerExpr(cx, rhs);
  if (b.k !== 's') return ice('a logical operand is not a scalar', rhs.span);
  cx.b.assign(result, b.o);
  cx.goto(done, done);
  return { k: 's', o: { kind: 'value', id: result } };
}

/** `&place` / `&raw place`: the address (and length, for unsized places); temporaries and constants get storage. */
export function lowerAddrOf(cx: FnCx, place: Expr, mut: boolean): Val {
  if (isPlaceExpr(place)) return placeToPointer(cx, lowerPlace(cx, place), place);
  if (!mut) {
    const k = tryConstEval(place);
    if (k) return constVal(cx, { kind: 'ref', to: k }, { kind: 'ref', mut: false, to: place.ty });
  }
  const v = lowerExpr(cx, place);
  const r = reprOf(place.ty);
  if (r.kind === 'zst' || r.kind === 'never') return { k: 's', o: cx.dangling(r.kind === 'zst' ? r.align : 1) };
  return { k: 's', o: spill(cx, v, place.ty) };
}

function lowerCoerce(cx: FnCx, e: Expr & { kind: 'coerce' }): Val {
  switch (e.coercion) {
    case 'unsize': {
      const v = lowerExpr(cx, e.operand);
      const from = e.operand.ty;
      const pointee = from.kind === 'ref' || from.kind === 'ptr' ? from.to : undefined;
      if (pointee?.kind !== 'array') return v.k === 'f' ? v : ice('an unsize coercion from a non-array pointer', e.span);
      if (v.k !== 's') return ice('an unsize coercion of a non-pointer', e.span);
      return { k: 'f', p: v.o, n: c('usize', pointee.len) };
    }
    case 'mutToConst': case 'refToPtr': return lowerExpr(cx, e.operand);
    case 'fnItemToPtr': {
      lowerExpr(cx, e.operand);
      if (e.operand.ty.kind !== 'fnDef') return ice('fnItemToPtr of a non-fn item', e.span);
      cx.mc.declareFn(e.operand.ty.def);
      return { k: 's', o: cx.b.staticAddr(e.operand.ty.def.symbol) };
    }
    case 'neverToAny': lowerExpr(cx, e.operand); return cx.undef(e.ty);
  }
}

export function lowerBlock(cx: FnCx, b: Block): Val {
  const dest = cx.newStore(b.ty);
  lowerBlockInto(cx, b, dest);
  return readStore(cx, dest, b.ty);
}

/** A call through a `fn` pointer value: the same ABI as a direct call, to an address. */
function lowerIndirectCall(cx: FnCx, func: Expr, args: readonly Expr[], ty: Ty): Val {
  if (func.ty.kind !== 'fnPtr') return ice(`a call through a value of type ${func.ty.kind}`, func.span);
  const abi = sigAbi(func.ty.params, func.ty.ret);
  const [f, ...vals] = lowerOperands(cx, [func, ...args]);
  const callee = f!.k === 's' ? f!.o : ice('a function pointer that is not a scalar', func.span);
  const ops: Operand[] = [];
  let outAddr: Operand | undefined;
  if (abi.outPtr) {
    const r = reprOf(ty);
    outAddr = r.kind === 'agg' ? cx.tempSlot(r.layout.size, r.layout.align) : cx.tempSlot(16, 8);
    ops.push(outAddr);
  }
  vals.forEach((v, i) => {
    const t = args[i]!.ty;
    if (v.k === 's') ops.push(v.o);
    else if (v.k === 'f') ops.push(v.p, v.n);
    else if (v.k === 'm' && reprOf(t).kind === 'agg') ops.push(spill(cx, v, t));
  });
  const result = cx.b.callIndirect(callee, abi.params, abi.ret, ops);
  if (func.ty.ret.kind === 'never') { cx.finish({ op: 'unreachable' }); return cx.undef(ty); }
  if (outAddr) return reprOf(ty).kind === 'fat' ? readMemTy(cx, outAddr, ty) : { k: 'm', a: outAddr, temp: true };
  return result ? { k: 's', o: result } : ZST;
}
