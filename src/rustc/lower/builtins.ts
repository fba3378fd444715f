// The compiler-provided operations of thir/builtins.ts, each lowered inline: pointer arithmetic
// and accesses, slice/str parts, iterator constructors, integer primitives, size_of/align_of.
import { bitsOf, c, isSigned, v, type Operand, type ScalarType } from '../ir/types.ts';
import type { Span } from '../span/span.ts';
import type { BuiltinOp } from '../thir/builtins.ts';
import type { Expr } from '../thir/thir.ts';
import type { Ty } from '../thir/ty.ts';
import { scalar } from './arith.ts';
import { ZST, type FnCx, type Val } from './context.ts';
import { ice } from './errors.ts';
import { lowerOperands } from './expr.ts';
import { makeSliceIter, wrapIter } from './iter.ts';
import { callMemcpy, callMemmove, callMemset, freeze, readMemTy, writeMem } from './memory.ts';
import { layoutOfTy, reprOf, scalarOf } from './repr.ts';

const USIZE: Ty = { kind: 'int', int: 'usize' };

function pointee(t: Ty, span: Span): Ty {
  return t.kind === 'ptr' || t.kind === 'ref' ? t.to : ice(`a pointer expected, found ${t.kind}`, span);
}

const sizeOfPointee = (t: Ty, span: Span) => layoutOfTy(pointee(t, span)).size;

function fat(v: Val, span: Span): { p: Operand; n: Operand } {
  return v.k === 'f' ? v : ice(`a slice or str expected, found ${v.k}`, span);
}

function unsignedOf(t: ScalarType): ScalarType {
  return (isSigned(t) ? t.replace('i', 'u') : t) as ScalarType;
}

export function lowerBuiltin(cx: FnCx, op: BuiltinOp, args: readonly Expr[], ty: Ty, typeArg: Ty | undefined, span: Span): Val {
  const vals = lowerOperands(cx, args);
  const s = (i: number) => scalar(vals[i]!, span);
  const b = cx.b;
  const S = (o: Operand): Val => ({ k: 's', o });
  const intT = () => scalarOf(args[0]!.ty) ?? ice(`${op} on a non-integer`, span);
  switch (op) {
    case 'ptr.add': case 'ptr.wrapping_add': case 'ptr.offset': case 'ptr.wrapping_offset':
      return S(b.ptrAdd(s(0), 0, s(1), sizeOfPointee(args[0]!.ty, span)));
    case 'ptr.sub': case 'ptr.wrapping_sub':
      return S(b.ptrAdd(s(0), 0, b.binary('sub', 'usize', c('usize', 0), s(1)), sizeOfPointee(args[0]!.ty, span)));
    case 'ptr.read': case 'ptr.read_volatile':
      return freeze(cx, readMemTy(cx, s(0), pointee(args[0]!.ty, span), op === 'ptr.read_volatile'), ty);
    case 'ptr.write': case 'ptr.write_volatile':
      writeMem(cx, s(0), vals[1]!, pointee(args[0]!.ty, span), op === 'ptr.write_volatile');
      return ZST;
    case 'ptr.is_null': return S(b.compare('eq', s(0), c('ptr', 0)));
    case 'ptr.cast': return vals[0]!.k === 'f' ? S((vals[0] as { p: Operand }).p) : vals[0]!;
    case 'ptr.null': case 'ptr.null_mut': return S(c('ptr', 0));
    case 'ptr.copy_nonoverlapping': case 'ptr.copy': case 'ptr.write_bytes': {
      const bytes = b.binary('mul', 'usize', s(2), c('usize', sizeOfPointee(args[0]!.ty, span)));
      if (op === 'ptr.copy_nonoverlapping') callMemcpy(cx, s(1), s(0), bytes);
      else if (op === 'ptr.copy') callMemmove(cx, s(1), s(0), bytes);
      else callMemset(cx, s(0), s(1), bytes);
      return ZST;
    }
    case 'slice.len': case 'str.len': return S(fat(vals[0]!, span).n);
    case 'slice.is_empty': case 'str.is_empty': return S(b.compare('eq', fat(vals[0]!, span).n, c('usize', 0)));
    case 'slice.as_ptr': case 'slice.as_mut_ptr': case 'str.as_ptr': return S(fat(vals[0]!, span).p);
    case 'str.as_bytes': return vals[0]!;
    case 'slice.iter': case 'slice.iter_mut': {
      const { p, n } = fat(vals[0]!, span);
      return makeSliceIter(cx, p, n, layoutOfTy(pointee(args[0]!.ty, span).kind === 'slice' ? (pointee(args[0]!.ty, span) as { elem: Ty }).elem : USIZE).size);
    }
    case 'str.bytes': case 'str.chars': { const { p, n } = fat(vals[0]!, span); return makeSliceIter(cx, p, n, 1); }
    case 'iter.enumerate': return wrapIter(cx, ty, vals[0]!, args[0]!.ty, [c('usize', 0)]);
    case 'iter.rev': return wrapIter(cx, ty, vals[0]!, args[0]!.ty, []);
    case 'iter.step_by':
      cx.panicIf(b.compare('eq', s(1), c('usize', 0)), 'assertion failed: step != 0', span);
      return wrapIter(cx, ty, vals[0]!, args[0]!.ty, [s(1), c('bool', 1)]);
    case 'range.contains': case 'range.len': {
      const rangeTy = pointee(args[0]!.ty, span);
      const shape = rangeTy.kind === 'iter' && rangeTy.shape.kind === 'range' ? rangeTy.shape : ice(`${op} on a non-range`, span);
      const t = scalarOf(shape.elem) ?? ice('a range over a non-scalar', span);
      const L = layoutOfTy(rangeTy);
      const start = b.load(t, s(0));
      const end = b.load(t, b.ptrAdd(s(0), L.offsets[1]!));
      const live = shape.inclusive ? b.unary('not', 'bool', b.load('bool', b.ptrAdd(s(0), L.offsets[2]!))) : c('bool', 1);
      if (op === 'range.contains') {
        const x = b.load(t, s(1));
        const inside = b.binary('and', 'bool', b.compare('le', start, x), b.compare(shape.inclusive ? 'le' : 'lt', x, end));
        return S(b.binary('and', 'bool', inside, live));
      }
      const nonEmpty = b.binary('and', 'bool', live, b.compare(shape.inclusive ? 'le' : 'lt', start, end));
      const result = b.value('usize');
      b.assign(result, c('usize', 0));
      const some = cx.newBlock('rlen'); const done = cx.newBlock('rlendone');
      cx.branch(nonEmpty, some, done, some);
      const diff = b.binary('sub', 'usize', b.cast('usize', end), b.cast('usize', start));
      b.assign(result, shape.inclusive ? b.binary('add', 'usize', diff, c('usize', 1)) : diff);
      cx.goto(done, done);
      return S(v(result));
    }
    case 'int.wrapping_add': return S(b.binary('add', intT(), s(0), s(1)));
    case 'int.wrapping_sub': return S(b.binary('sub', intT(), s(0), s(1)));
    case 'int.wrapping_mul': return S(b.binary('mul', intT(), s(0), s(1)));
    case 'int.wrapping_neg': return S(b.unary('neg', intT(), s(0)));
    case 'int.wrapping_shl': return S(b.binary('shl', intT(), s(0), s(1)));
    case 'int.wrapping_shr': return S(b.binary('shr', intT(), s(0), s(1)));
    case 'int.unchecked_div': return S(b.binary('div', intT(), s(0), s(1)));
    case 'int.unchecked_rem': return S(b.binary('rem', intT(), s(0), s(1)));
    case 'int.overflowing_add': case 'int.overflowing_sub': case 'int.overflowing_mul': {
      const kind = op.slice('int.overflowing_'.length) as 'add' | 'sub' | 'mul';
      const { result, overflow } = b.checked(kind, intT(), s(0), s(1));
      const L = layoutOfTy(ty);
      const slot = cx.tempSlot(L.size, L.align);
      b.store(L.offsets[0] ? b.ptrAdd(slot, L.offsets[0]) : slot, result);
      b.store(L.offsets[1] ? b.ptrAdd(slot, L.offsets[1]) : slot, overflow);
      return { k: 'm', a: slot, temp: true };
    }
    case 'int.rotate_left': case 'int.rotate_right': {
      const t = intT(); const u = unsignedOf(t); const bits = bitsOf(t);
      const x = u === t ? s(0) : b.cast(u, s(0));
      const n = b.binary('rem', 'u32', s(1), c('u32', bits));
      const back = b.binary('sub', 'u32', c('u32', bits), n);
      const [first, second] = op === 'int.rotate_left' ? ['shl', 'shr'] as const : ['shr', 'shl'] as const;
      const r = b.binary('or', u, b.binary(first, u, x, n), b.binary(second, u, x, back));
      return S(u === t ? r : b.cast(t, r));
    }
    case 'int.count_ones': case 'int.leading_zeros': case 'int.trailing_zeros':
      return S(bitCount(cx, op, intT(), s(0)));
    case 'int.swap_bytes': {
      const t = intT(); const u = unsignedOf(t); const n = bitsOf(t) / 8;
      const x = u === t ? s(0) : b.cast(u, s(0));
      let r: Operand = c(u, 0);
      for (let i = 0; i < n; i++) {
        const byte = b.binary('and', u, b.binary('shr', u, x, c('u32', 8 * i)), c(u, 0xff));
        r = b.binary('or', u, r, b.binary('shl', u, byte, c('u32', 8 * (n - 1 - i))));
      }
      return S(u === t ? r : b.cast(t, r));
    }
    case 'mem.size_of': case 'mem.align_of': {
      const t = typeArg ?? ice(`${op} without a type argument`, span);
      const r = reprOf(t);
      const L = r.kind === 'never' ? { size: 0, align: 1 } : layoutOfTy(t);
      return S(c('usize', op === 'mem.size_of' ? L.size : L.align));
    }
    case 'hint.spin_loop': return ZST;
    case 'hint.black_box': {
      const t = args[0]!.ty;
      const r = reprOf(t);
      if (r.kind !== 'scalar' && r.kind !== 'fat') return vals[0]!;
      const slot = cx.tempSlot(16, 16);
      writeMem(cx, slot, vals[0]!, t, true);
      return readMemTy(cx, slot, t, true);
    }
  }
  return ice(`builtin ${op as string} is not lowered`, span);
}

/** count_ones / leading_zeros / trailing_zeros as a bit loop (the IR has no such instruction). */
function bitCount(cx: FnCx, op: 'int.count_ones' | 'int.leading_zeros' | 'int.trailing_zeros', t: ScalarType, a: Operand): Operand {
  const b = cx.b; const u = unsignedOf(t); const bits = bitsOf(t);
  const x = b.value(u); b.assign(x, u === t ? a : b.cast(u, a));
  const count = b.value('u32'); b.assign(count, c('u32', 0));
  const i = b.value('u32'); b.assign(i, c('u32', 0));
  const head = cx.newBlock('bits'); const body = cx.newBlock('bitsbody'); const done = cx.newBlock('bitsdone');
  cx.goto(head, head);
  cx.branch(b.compare('lt', v(i), c('u32', bits)), body, done, body);
  const shift = op === 'int.leading_zeros' ? b.binary('sub', 'u32', c('u32', bits - 1), v(i)) : v(i);
  const bit = b.compare('ne', b.binary('and', u, b.binary('shr', u, v(x), shift), c(u, 1)), c(u, 0));
  b.emit({ op: 'binary', kind: 'add', dst: i, a: v(i), b: c('u32', 1) });
  if (op === 'int.count_ones') {
    b.assign(count, b.binary('add', 'u32', v(count), b.cast('u32', bit)));
    cx.goto(head, done);
  } else {
    const zero = cx.newBlock('bitzero');
    cx.branch(bit, done, zero, zero);
    b.assign(count, b.binary('add', 'u32', v(count), c('u32', 1)));
    cx.goto(head, done);
  }
  return v(count);
}
