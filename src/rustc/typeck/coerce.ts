// Implicit coercions at coercion sites (let with a type, arguments, return values, fields,
// array elements, assignments): `!` to anything, `&mut T` to `&T`, `&[T; N]` to `&[T]`,
// references to raw pointers, `*mut T` to `*const T`, fn items to fn pointers. Each one is an
// explicit `coerce` node in the THIR; anything else must be the same type.
import type { Expr } from '../thir/thir.ts';
import type { Ty } from '../thir/ty.ts';
import type { FnCx } from './fncx.ts';

function wrap(fcx: FnCx, e: Expr, coercion: 'unsize' | 'mutToConst' | 'refToPtr' | 'fnItemToPtr' | 'neverToAny', ty: Ty): Expr {
  return fcx.expr({ kind: 'coerce', coercion, operand: e }, ty, e.span);
}

/** The coerced expression, or undefined (nothing reported) when `e` cannot become `target`. */
export function tryCoerce(fcx: FnCx, e: Expr, target: Ty): Expr | undefined {
  const src = fcx.shallow(e.ty);
  const tgt = fcx.shallow(target);
  if (src.kind === 'error' || tgt.kind === 'error') return e;
  if (src.kind === 'never') {
    if (tgt.kind === 'never') return e;
    // Into a type still being inferred too (a match arm that `continue`s): the node's type is
    // the variable, substituted once the body is done.
    return wrap(fcx, e, 'neverToAny', tgt);
  }
  if (tgt.kind === 'infer' || src.kind === 'infer') return fcx.infer.unify(src, tgt) ? e : undefined;
  if (src.kind === 'ref' && tgt.kind === 'ref') {
    if (!tgt.mut || src.mut) {
      const from = fcx.shallow(src.to);
      const to = fcx.shallow(tgt.to);
      if (from.kind === 'array' && to.kind === 'slice') {
        if (!fcx.infer.unify(from.elem, to.elem)) return undefined;
        const unsized = wrap(fcx, e, 'unsize', { kind: 'ref', mut: src.mut, to: { kind: 'slice', elem: from.elem } });
        return src.mut && !tgt.mut ? wrap(fcx, unsized, 'mutToConst', tgt) : unsized;
      }
      if (src.mut && !tgt.mut) return fcx.infer.unify(from, to) ? wrap(fcx, e, 'mutToConst', tgt) : undefined;
      // Deref coercion through references: `&&str` → `&str` is the reborrow `&**e`.
      if (from.kind === 'ref' && !fcx.infer.canUnify(from, to)) {
        let place: Expr = fcx.expr({ kind: 'deref', operand: e }, from, e.span);
        let cur: Ty = from;
        let mutOk = src.mut;
        for (let i = 0; i < 8; i++) {
          const c = fcx.shallow(cur);
          if (c.kind !== 'ref') break;
          mutOk = mutOk && c.mut;
          place = fcx.expr({ kind: 'deref', operand: place }, c.to, e.span);
          cur = c.to;
          if (fcx.infer.canUnify(cur, to) && (mutOk || !tgt.mut)) {
            fcx.infer.unify(cur, to);
            return fcx.expr({ kind: 'addrOf', mut: tgt.mut, raw: false, place }, tgt, e.span);
          }
        }
      }
    }
  }
  if (tgt.kind === 'ptr' && src.kind === 'ref' && (src.mut || !tgt.mut)) {
    if (!fcx.infer.unify(src.to, tgt.to)) return undefined;
    const asPtr = wrap(fcx, e, 'refToPtr', { kind: 'ptr', mut: src.mut, to: src.to });
    return src.mut && !tgt.mut ? wrap(fcx, asPtr, 'mutToConst', tgt) : asPtr;
  }
  if (tgt.kind === 'ptr' && src.kind === 'ptr' && src.mut && !tgt.mut) {
    return fcx.infer.unify(src.to, tgt.to) ? wrap(fcx, e, 'mutToConst', tgt) : undefined;
  }
  if (tgt.kind === 'fnPtr' && src.kind === 'fnDef') {
    const d = src.def;
    const asPtr: Ty = { kind: 'fnPtr', params: d.params.map((p) => p.ty), ret: d.ret, unsafe: d.unsafe, abi: d.abi };
    if (tgt.unsafe && !d.unsafe) {
      const relaxed: Ty = { ...asPtr, unsafe: true } as Ty;
      return fcx.infer.unify(relaxed, tgt) ? wrap(fcx, e, 'fnItemToPtr', tgt) : undefined;
    }
    return fcx.infer.unify(asPtr, tgt) ? wrap(fcx, e, 'fnItemToPtr', tgt) : undefined;
  }
  return fcx.infer.unify(src, tgt) ? e : undefined;
}

/** The innermost expression rustc points at when a value has the wrong type (a block's tail). */
export function blameSpan(e: Expr): Expr['span'] {
  if (e.kind === 'block' && e.block.tail && !e.block.unsafe) return blameSpan(e.block.tail);
  if (e.kind === 'block' && e.block.tail) return blameSpan(e.block.tail);
  if (e.kind === 'coerce') return blameSpan(e.operand);
  return e.span;
}

/** rustc's suggestions for the mismatches learners meet most: `b"…"` for bytes, a literal's suffix. */
export function mismatchHelp(fcx: FnCx, d: ReturnType<FnCx['mismatch']>, e: Expr, target: Ty): void {
  const blamed = innermost(e);
  const t = fcx.resolved(target);
  const f = fcx.resolved(blamed.ty);
  if (blamed.kind === 'lit' && t.kind === 'ref' && f.kind === 'ref' && f.to.kind === 'str' && (t.to.kind === 'slice' || t.to.kind === 'array') && t.to.elem.kind === 'int' && t.to.elem.int === 'u8') {
    d.suggest({ lo: blamed.span.lo, hi: blamed.span.lo }, 'consider adding a leading `b`', 'b', 'verbose', 'MachineApplicable');
    return;
  }
  if (blamed.kind === 'lit' && t.kind === 'int' && f.kind === 'int') {
    const text = fcx.cx.snippet(blamed.span);
    if (text.endsWith(f.int)) d.suggest(blamed.span, `change the type of the numeric literal from \`${f.int}\` to \`${t.int}\``, text.slice(0, -f.int.length) + t.int, 'verbose', 'MachineApplicable');
  }
}

function innermost(e: Expr): Expr {
  if (e.kind === 'block' && e.block.tail) return innermost(e.block.tail);
  if (e.kind === 'coerce') return innermost(e.operand);
  return e;
}

/** Coerces or reports E0308 (with `decorate` adding the site's secondary labels and notes). */
export function coerce(fcx: FnCx, e: Expr, target: Ty, decorate?: (d: ReturnType<FnCx['mismatch']>) => void): Expr {
  const r = tryCoerce(fcx, e, target);
  if (r) return r;
  const d = fcx.mismatch(blameSpan(e), target, e.ty);
  decorate?.(d);
  mismatchHelp(fcx, d, e, target);
  fcx.cx.emit(d);
  return e;
}
