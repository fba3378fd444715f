// Inference variables of one body: `_` types and `{integer}` literals. A variable is bound at
// most once; `{integer}` variables bind only to integer types and default to i32 at the end, as
// rustc's integer fallback does.
import type { IterShape, Ty } from '../thir/ty.ts';

export class Infer {
  private readonly bound: (Ty | undefined)[] = [];
  private readonly isInt: boolean[] = [];
  /** Variables bound by the unification in progress, to undo it when it fails. */
  private trail: number[] | undefined;

  private bindId(id: number, t: Ty): void {
    this.bound[id] = t;
    this.trail?.push(id);
  }

  /** How many variables were made (none: a body needs no substitution). */
  get count(): number {
    return this.bound.length;
  }

  fresh(intVar = false): Ty {
    const id = this.bound.length;
    this.bound.push(undefined);
    this.isInt.push(intVar);
    return { kind: 'infer', id, intVar };
  }

  /** Follows bound variables at the top only. */
  shallow(t: Ty): Ty {
    while (t.kind === 'infer') {
      const b = this.bound[t.id];
      if (!b) return { kind: 'infer', id: t.id, intVar: this.isInt[t.id]! };
      t = b;
    }
    return t;
  }

  /** Replaces every bound variable inside `t` (unbound ones stay); `t` itself when nothing changes. */
  resolve(t: Ty): Ty {
    const s = t.kind === 'infer' ? this.shallow(t) : t;
    switch (s.kind) {
      case 'tuple': {
        if (s.elems.length === 0) return s;
        const elems = s.elems.map((e) => this.resolve(e));
        return elems.every((e, i) => e === s.elems[i]) ? s : { kind: 'tuple', elems };
      }
      case 'slice':
      case 'array': {
        const elem = this.resolve(s.elem);
        return elem === s.elem ? s : { ...s, elem };
      }
      case 'ref':
      case 'ptr': {
        const to = this.resolve(s.to);
        return to === s.to ? s : { kind: s.kind, mut: s.mut, to };
      }
      case 'fnPtr': {
        const params = s.params.map((p) => this.resolve(p));
        const ret = this.resolve(s.ret);
        return ret === s.ret && params.every((p, i) => p === s.params[i]) ? s : { ...s, params, ret };
      }
      case 'iter': {
        const shape = this.resolveShape(s.shape);
        return shape === s.shape ? s : { kind: 'iter', shape };
      }
      default: return s;
    }
  }

  private resolveShape(sh: IterShape): IterShape {
    switch (sh.kind) {
      case 'range':
      case 'sliceIter': {
        const elem = this.resolve(sh.elem);
        return elem === sh.elem ? sh : { ...sh, elem };
      }
      case 'enumerate':
      case 'rev':
      case 'stepBy': {
        const inner = this.resolve(sh.inner);
        return inner === sh.inner ? sh : { kind: sh.kind, inner };
      }
      default: return sh;
    }
  }

  /** Binds every still-unbound `{integer}` variable to `i32` (rustc's fallback). */
  defaultInts(): void {
    for (let i = 0; i < this.bound.length; i++) if (!this.bound[i] && this.isInt[i]) this.bound[i] = { kind: 'int', int: 'i32' };
  }

  hasUnbound(t: Ty): boolean {
    const s = this.resolve(t);
    return containsInfer(s);
  }

  /** Makes `a` and `b` the same type; false (and nothing bound) when they cannot be. */
  unify(a: Ty, b: Ty): boolean {
    const trail: number[] = [];
    this.trail = trail;
    const ok = this.unifyInner(a, b);
    this.trail = undefined;
    if (!ok) for (const id of trail) this.bound[id] = undefined;
    return ok;
  }

  /** Whether unify would succeed, binding nothing. */
  canUnify(a: Ty, b: Ty): boolean {
    const trail: number[] = [];
    this.trail = trail;
    const ok = this.unifyInner(a, b);
    this.trail = undefined;
    for (const id of trail) this.bound[id] = undefined;
    return ok;
  }

  private unifyInner(a: Ty, b: Ty): boolean {
    a = this.shallow(a);
    b = this.shallow(b);
    if (a.kind === 'error' || b.kind === 'error') return true;
    if (a.kind === 'infer' && b.kind === 'infer') {
      if (a.id === b.id) return true;
      if (a.intVar && !b.intVar) this.bindId(b.id, a);
      else this.bindId(a.id, b);
      return true;
    }
    if (a.kind === 'infer') return this.bindVar(a, b);
    if (b.kind === 'infer') return this.bindVar(b, a);
    if (a.kind !== b.kind) return false;
    switch (a.kind) {
      case 'int': return a.int === (b as typeof a).int;
      case 'tuple': {
        const bb = b as typeof a;
        return a.elems.length === bb.elems.length && a.elems.every((e, i) => this.unifyInner(e, bb.elems[i]!));
      }
      case 'slice': return this.unifyInner(a.elem, (b as typeof a).elem);
      case 'array': return a.len === (b as typeof a).len && this.unifyInner(a.elem, (b as typeof a).elem);
      case 'ref':
      case 'ptr': return a.mut === (b as typeof a).mut && this.unifyInner(a.to, (b as typeof a).to);
      case 'adt':
      case 'fnDef': return a.def === (b as typeof a).def;
      case 'fnPtr': {
        const bb = b as typeof a;
        return a.unsafe === bb.unsafe && a.abi === bb.abi && a.params.length === bb.params.length && a.params.every((p, i) => this.unifyInner(p, bb.params[i]!)) && this.unifyInner(a.ret, bb.ret);
      }
      case 'iter': return this.unifyShape(a.shape, (b as typeof a).shape);
      default: return true;
    }
  }

  private unifyShape(a: IterShape, b: IterShape): boolean {
    if (a.kind !== b.kind) return false;
    switch (a.kind) {
      case 'range': return a.inclusive === (b as typeof a).inclusive && this.unifyInner(a.elem, (b as typeof a).elem);
      case 'sliceIter': return a.mut === (b as typeof a).mut && this.unifyInner(a.elem, (b as typeof a).elem);
      case 'enumerate':
      case 'rev':
      case 'stepBy': return this.unifyInner(a.inner, (b as typeof a).inner);
      default: return true;
    }
  }

  private bindVar(v: Ty & { kind: 'infer' }, t: Ty): boolean {
    if (v.intVar && t.kind !== 'int') return false;
    if (containsVar(this, t, v.id)) return false;
    this.bindId(v.id, t);
    return true;
  }
}

function containsVar(inf: Infer, t: Ty, id: number): boolean {
  const s = inf.resolve(t);
  let found = false;
  walkTy(s, (x) => {
    if (x.kind === 'infer' && x.id === id) found = true;
  });
  return found;
}

export function containsInfer(t: Ty): boolean {
  let found = false;
  walkTy(t, (x) => {
    if (x.kind === 'infer') found = true;
  });
  return found;
}

export function walkTy(t: Ty, f: (t: Ty) => void): void {
  f(t);
  switch (t.kind) {
    case 'tuple': t.elems.forEach((e) => walkTy(e, f)); break;
    case 'slice':
    case 'array': walkTy(t.elem, f); break;
    case 'ref':
    case 'ptr': walkTy(t.to, f); break;
    case 'fnPtr': t.params.forEach((p) => walkTy(p, f)); walkTy(t.ret, f); break;
    case 'iter': {
      const s = t.shape;
      if (s.kind === 'range' || s.kind === 'sliceIter') walkTy(s.elem, f);
      else if (s.kind === 'enumerate' || s.kind === 'rev' || s.kind === 'stepBy') walkTy(s.inner, f);
      break;
    }
    default: break;
  }
}
