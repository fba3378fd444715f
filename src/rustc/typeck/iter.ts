// The built-in iterators (thir/ty.ts IterShape): what a `for` loop accepts and what each step
// yields. `for x in &arr` / `&slice` / `&mut …` iterate the slice; `for x in arr` (an array by
// value) iterates it too, with each item dereferenced by the pattern.
import { error } from '../diagnostics/diagnostic.ts';
import type { Expr } from '../thir/thir.ts';
import { type Ty, USIZE } from '../thir/ty.ts';
import type { FnCx } from './fncx.ts';

export function iterItemTy(fcx: FnCx, t: Ty): Ty {
  const s = fcx.shallow(t);
  if (s.kind !== 'iter') return { kind: 'error' };
  const sh = s.shape;
  switch (sh.kind) {
    case 'range': return sh.elem;
    case 'sliceIter': return { kind: 'ref', mut: sh.mut, to: sh.elem };
    case 'bytes': return { kind: 'int', int: 'u8' };
    case 'chars': return { kind: 'char' };
    case 'enumerate': return { kind: 'tuple', elems: [USIZE, iterItemTy(fcx, sh.inner)] };
    case 'rev':
    case 'stepBy': return iterItemTy(fcx, sh.inner);
  }
}

function sliceIter(fcx: FnCx, sliceRef: Expr, elem: Ty, mut: boolean): Expr {
  return fcx.expr({ kind: 'builtin', op: mut ? 'slice.iter_mut' : 'slice.iter', args: [sliceRef] }, { kind: 'iter', shape: { kind: 'sliceIter', elem, mut } }, sliceRef.span);
}

/** `&[T; N]` / `&mut [T; N]` as a slice reference (unsized). */
export function asSliceRef(fcx: FnCx, e: Expr, mut: boolean, elem: Ty): Expr {
  return fcx.expr({ kind: 'coerce', coercion: 'unsize', operand: e }, { kind: 'ref', mut, to: { kind: 'slice', elem } }, e.span);
}

export function toIterator(fcx: FnCx, e: Expr): { iter: Expr; patTy: Ty; derefItem: boolean } | undefined {
  const t = fcx.shallow(e.ty);
  if (t.kind === 'error') return undefined;
  if (t.kind === 'iter') return { iter: e, patTy: iterItemTy(fcx, t), derefItem: false };
  if (t.kind === 'ref') {
    const to = fcx.shallow(t.to);
    if (to.kind === 'slice') {
      const it = sliceIter(fcx, e, to.elem, t.mut);
      return { iter: it, patTy: iterItemTy(fcx, it.ty), derefItem: false };
    }
    if (to.kind === 'array') {
      const it = sliceIter(fcx, asSliceRef(fcx, e, t.mut, to.elem), to.elem, t.mut);
      return { iter: it, patTy: iterItemTy(fcx, it.ty), derefItem: false };
    }
  }
  if (t.kind === 'array') {
    const ref = fcx.expr({ kind: 'addrOf', mut: false, raw: false, place: e }, { kind: 'ref', mut: false, to: t }, e.span);
    const it = sliceIter(fcx, asSliceRef(fcx, ref, false, t.elem), t.elem, false);
    return { iter: it, patTy: t.elem, derefItem: true };
  }
  const shown = fcx.show(t);
  fcx.cx.emit(
    error(`\`${shown}\` is not an iterator`, 'E0277')
      .primary(e.span, `\`${shown}\` is not an iterator`)
      .help(`the trait \`Iterator\` is not implemented for \`${shown}\``),
  );
  return undefined;
}
