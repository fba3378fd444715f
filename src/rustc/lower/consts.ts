// Compile-time values (ConstValue) as IR: scalars become constant operands; everything with
// storage (string data, promoted `&[1, 2, 3]`, aggregate constants, statics' initializers)
// becomes bytes plus 64-bit relocations in an IR Static.
import { c, type Static } from '../ir/types.ts';
import type { StaticDef } from '../thir/defs.ts';
import type { ConstValue, Expr } from '../thir/thir.ts';
import type { Ty } from '../thir/ty.ts';
import type { FnCx, ModuleCx, Val } from './context.ts';
import { ZST } from './context.ts';
import { ice } from './errors.ts';
import { discrType, fieldOffsets, fieldTys, isUnsized, layoutOfTy, reprOf, scalarOf } from './repr.ts';

interface Reloc { offset: number; symbol: string; addend?: number }

/** Writes `value` of type `ty` at `offset` of `out`, recording pointers as relocations. */
export function serialize(mc: ModuleCx, value: ConstValue, ty: Ty, out: Uint8Array, offset: number, relocs: Reloc[]): void {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const putInt = (at: number, bytes: number, x: bigint) => { for (let i = 0; i < bytes; i++) view.setUint8(at + i, Number((BigInt.asUintN(bytes * 8, x) >> BigInt(8 * i)) & 0xffn)); };
  const r = reprOf(ty);
  if (r.kind === 'zst' || r.kind === 'never') return;
  switch (value.kind) {
    case 'scalar': putInt(offset, layoutOfTy(ty).size, value.value); return;
    case 'variant': {
      const d = discrType(value.adt);
      putInt(offset, layoutOfTy(ty).size, value.adt.variants[value.index]!.discr);
      void d;
      return;
    }
    case 'ptr': putInt(offset, 8, value.addr); return;
    case 'fn': relocs.push({ offset, symbol: value.def.symbol }); return;
    case 'staticRef': {
      relocs.push({ offset, symbol: value.def.symbol });
      if (r.kind === 'fat') putInt(offset + 8, 8, BigInt(value.len ?? (value.def.ty.kind === 'array' ? value.def.ty.len : 0)));
      return;
    }
    case 'ref': case 'bytes': {
      const { symbol, len } = placeReferent(mc, value, ty);
      relocs.push({ offset, symbol });
      if (r.kind === 'fat') putInt(offset + 8, 8, BigInt(len));
      return;
    }
    case 'aggregate': {
      if (ty.kind === 'array') {
        const stride = layoutOfTy(ty.elem).size;
        value.fields.forEach((f, i) => serialize(mc, f, ty.elem, out, offset + i * stride, relocs));
        return;
      }
      const offs = fieldOffsets(ty);
      const tys = fieldTys(ty);
      value.fields.forEach((f, i) => serialize(mc, f, tys[i]!, out, offset + offs[i]!, relocs));
      return;
    }
  }
}

/** Puts what a constant reference points at into a read-only static: its symbol and (for slices) length. */
function placeReferent(mc: ModuleCx, value: ConstValue, refTy: Ty): { symbol: string; len: number } {
  const pointee = refTy.kind === 'ref' || refTy.kind === 'ptr' ? refTy.to : ice(`a constant reference of type ${refTy.kind}`);
  const target = value.kind === 'ref' ? value.to : value;
  if (target.kind === 'bytes') return { symbol: mc.dataStatic(target.bytes, 1), len: value.kind === 'ref' && value.len !== undefined ? value.len : target.bytes.length };
  if (target.kind === 'staticRef') return { symbol: target.def.symbol, len: target.len ?? 0 };
  let storedTy = pointee;
  let len = 0;
  if (isUnsized(pointee)) {
    len = value.kind === 'ref' && value.len !== undefined ? value.len : target.kind === 'aggregate' ? target.fields.length : 0;
    storedTy = { kind: 'array', elem: pointee.kind === 'slice' ? pointee.elem : { kind: 'int', int: 'u8' }, len };
  }
  const layout = layoutOfTy(storedTy);
  const bytes = new Uint8Array(layout.size);
  const relocs: Reloc[] = [];
  serialize(mc, target, storedTy, bytes, 0, relocs);
  return { symbol: mc.dataStatic(bytes, layout.align, relocs), len };
}

/** A constant as a lowered value. */
export function constVal(cx: FnCx, value: ConstValue, ty: Ty): Val {
  const r = reprOf(ty);
  if (r.kind === 'zst' || r.kind === 'never') return ZST;
  if (r.kind === 'scalar') {
    switch (value.kind) {
      case 'scalar': return { k: 's', o: c(r.type, value.value) };
      case 'variant': return { k: 's', o: c(r.type, value.adt.variants[value.index]!.discr) };
      case 'ptr': return { k: 's', o: c('ptr', value.addr) };
      case 'fn': cx.mc.declareFn(value.def); return { k: 's', o: cx.b.staticAddr(value.def.symbol) };
      case 'staticRef': cx.mc.declareStatic(value.def); return { k: 's', o: cx.b.staticAddr(value.def.symbol) };
      case 'ref': case 'bytes': return { k: 's', o: cx.b.staticAddr(placeReferent(cx.mc, value, ty).symbol) };
      default: return ice(`constant ${value.kind} of scalar type`);
    }
  }
  if (r.kind === 'fat') {
    if (value.kind === 'staticRef') { cx.mc.declareStatic(value.def); return { k: 'f', p: cx.b.staticAddr(value.def.symbol), n: c('usize', value.len ?? 0) }; }
    const { symbol, len } = placeReferent(cx.mc, value, ty);
    return { k: 'f', p: cx.b.staticAddr(symbol), n: c('usize', len) };
  }
  // An aggregate constant: read-only bytes, copied by whoever stores it.
  const bytes = new Uint8Array(r.layout.size);
  const relocs: Reloc[] = [];
  serialize(cx.mc, value, ty, bytes, 0, relocs);
  return { k: 'm', a: cx.b.staticAddr(cx.mc.dataStatic(bytes, r.layout.align, relocs)), temp: false };
}

/** The IR static of a `static` item. */
export function lowerStatic(mc: ModuleCx, def: StaticDef): Static {
  const layout = layoutOfTy(def.ty);
  const bytes = new Uint8Array(layout.size);
  const relocs: Reloc[] = [];
  if (!def.value) ice(`static ${def.name} has no evaluated initializer`, def.span);
  serialize(mc, def.value, def.ty, bytes, 0, relocs);
  return { name: def.symbol, global: def.exported, mutable: def.mut, align: layout.align, bytes, ...(relocs.length > 0 && { relocs }) };
}

/**
 * Evaluates an expression made only of literals, consts and aggregates of them, for promotion
 * of `&[1, 2, 3]` and `&CONST_STRUCT` to read-only memory (as rustc promotes such borrows to
 * `'static`). Anything else: undefined.
 */
export function tryConstEval(e: Expr): ConstValue | undefined {
  switch (e.kind) {
    case 'lit': return e.value;
    case 'const': return e.def.value;
    case 'variant': return { kind: 'variant', adt: e.adt, index: e.index };
    case 'array': case 'tuple': {
      const fields = e.elems.map(tryConstEval);
      return fields.every((f) => f !== undefined) ? { kind: 'aggregate', fields: fields as ConstValue[] } : undefined;
    }
    case 'struct': {
      if (e.base) return undefined;
      const fields = e.fields.map(tryConstEval);
      return fields.every((f) => f !== undefined) ? { kind: 'aggregate', fields: fields as ConstValue[] } : undefined;
    }
    case 'repeat': {
      const x = tryConstEval(e.elem);
      return x && e.count <= 4096 ? { kind: 'aggregate', fields: new Array(e.count).fill(x) } : undefined;
    }
    case 'unary': {
      const x = tryConstEval(e.operand);
      const s = scalarOf(e.ty);
      if (x?.kind !== 'scalar' || !s || e.op !== 'neg') return undefined;
      return { kind: 'scalar', value: -x.value };
    }
    default: return undefined;
  }
}
