// The calling convention of lowered functions (thir/README.md): a scalar is one argument, a fat
// pointer two (ptr, len), an aggregate a pointer to a copy the caller made, a zero-sized value
// nothing. Aggregate and fat results go through a hidden out-pointer, the first argument.
import type { ScalarType } from '../ir/types.ts';
import type { FnDef } from '../thir/defs.ts';
import type { Ty } from '../thir/ty.ts';
import { reprOf } from './repr.ts';

export interface FnAbi {
  readonly params: ScalarType[];
  readonly ret: ScalarType;
  /** The result is written through a pointer passed first. */
  readonly outPtr: boolean;
}

export function paramTypes(t: Ty): ScalarType[] {
  const r = reprOf(t);
  switch (r.kind) {
    case 'scalar': return [r.type];
    case 'fat': return ['ptr', 'usize'];
    case 'agg': return ['ptr'];
    default: return [];
  }
}

export function sigAbi(params: readonly Ty[], ret: Ty): FnAbi {
  const r = reprOf(ret);
  const outPtr = r.kind === 'agg' || r.kind === 'fat';
  const ps = params.flatMap(paramTypes);
  const retType: ScalarType = r.kind === 'scalar' ? r.type : r.kind === 'never' ? 'never' : 'unit';
  return { params: outPtr ? ['ptr', ...ps] : ps, ret: retType, outPtr };
}

const cache = new WeakMap<FnDef, FnAbi>();

export function fnAbi(def: FnDef): FnAbi {
  let a = cache.get(def);
  if (!a) { a = sigAbi(def.params.map((p) => p.ty), def.ret); cache.set(def, a); }
  return a;
}
