// After a body is checked: `{integer}` variables default to i32, every type in the THIR and in
// the locals is replaced by its resolved form, and a variable nothing constrained is rustc's
// E0282 ("type annotations needed").
import { error } from '../diagnostics/diagnostic.ts';
import { printTy, type Ty } from '../thir/ty.ts';
import type { FnCx } from './fncx.ts';
import { containsInfer, walkTy } from './infer.ts';

/** Keys of THIR nodes that hold definitions or spans, never child nodes. */
const SKIP = new Set(['span', 'def', 'adt', 'callee']);
/** Keys that hold a child expression on some nodes and a ConstValue on others (those have no span). */
const MAYBE_CHILD = new Set(['value', 'lo', 'hi']);

export function finalizeBody(fcx: FnCx, root: object): void {
  if (fcx.infer.count === 0) return;
  fcx.infer.defaultInts();
  let reported = fcx.cx.sink.errorCount > 0;
  // A local whose type is still open is where rustc asks for an annotation.
  for (const l of fcx.locals) {
    if (reported) break;
    const r = fcx.infer.resolve(l.ty);
    if (!containsInfer(r)) continue;
    let typeParam = false;
    walkTy(r, (t) => {
      if (t.kind === 'infer' && fcx.typeParamVars.has(t.id)) typeParam = true;
    });
    reported = true;
    fcx.cx.emit(error(`type annotations needed for \`${printTy(r)}\``, typeParam ? 'E0283' : 'E0282').primary(l.span));
  }
  const fix = (t: Ty, span: { lo: number; hi: number } | undefined): Ty => {
    if (t.kind === 'int' || t.kind === 'bool' || t.kind === 'adt' || t.kind === 'never' || t.kind === 'char') return t;
    const r = fcx.infer.resolve(t);
    if (containsInfer(r)) {
      if (!reported && span) {
        reported = true;
        fcx.cx.emit(error('type annotations needed', 'E0282').primary(span));
      }
      return replaceInfer(r);
    }
    return r;
  };
  // The THIR is a tree (definitions, which could lead back, are skipped), so no visited set.
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const o = node as Record<string, unknown>;
    if ('ty' in o && o.ty && typeof o.ty === 'object') o.ty = fix(o.ty as Ty, o.span as { lo: number; hi: number });
    if ('typeArg' in o && o.typeArg) o.typeArg = fix(o.typeArg as Ty, o.span as { lo: number; hi: number });
    for (const k in o) {
      if (k === 'ty' || k === 'typeArg' || SKIP.has(k)) continue;
      if (MAYBE_CHILD.has(k) && !(o[k] && typeof o[k] === 'object' && 'span' in (o[k] as object))) continue;
      visit(o[k]);
    }
  };
  visit(root);
  for (const l of fcx.locals) (l as { ty: Ty }).ty = fix(l.ty, l.span);
}

/** Unconstrained variables after an error: the error type, so later stages see no `infer`. */
function replaceInfer(t: Ty): Ty {
  switch (t.kind) {
    case 'infer': return { kind: 'error' };
    case 'tuple': return { kind: 'tuple', elems: t.elems.map(replaceInfer) };
    case 'slice': return { kind: 'slice', elem: replaceInfer(t.elem) };
    case 'array': return { kind: 'array', elem: replaceInfer(t.elem), len: t.len };
    case 'ref':
    case 'ptr': return { kind: t.kind, mut: t.mut, to: replaceInfer(t.to) };
    case 'fnPtr': return { ...t, params: t.params.map(replaceInfer), ret: replaceInfer(t.ret) };
    case 'iter': {
      const s = t.shape;
      if (s.kind === 'range' || s.kind === 'sliceIter') return { kind: 'iter', shape: { ...s, elem: replaceInfer(s.elem) } };
      if (s.kind === 'enumerate' || s.kind === 'rev' || s.kind === 'stepBy') return { kind: 'iter', shape: { kind: s.kind, inner: replaceInfer(s.inner) } };
      return t;
    }
    default: return t;
  }
}
