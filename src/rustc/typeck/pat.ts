// Patterns against a known type: bindings declare locals, literals and consts become constant
// patterns, C-like enum variants and structs/tuples destructure. Default binding modes are made
// explicit: a non-reference pattern matched against `&T` is a `deref` pattern whose bindings
// bind by reference.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import { resolveSegs, segsOf } from '../resolve/path.ts';
import type { Res } from '../resolve/scope.ts';
import type { ConstValue, Pat, PatKind } from '../thir/thir.ts';
import { ERROR_TY, type Ty } from '../thir/ty.ts';
import { evalConstExpr, intRange } from './consteval.ts';
import { checkExpr } from './expr.ts';
import type { FnCx } from './fncx.ts';

export interface PatOpts {
  declare: boolean;
  /** Bindings of an or-pattern's first alternative, reused by the others. */
  orNames?: Map<string, number>;
  /** Default binding mode inherited from an implicit dereference. */
  mode?: 'value' | 'ref' | 'refMut';
  /** Names bound so far in this pattern (or parameter list): a second one is E0416 / E0415. */
  names?: Map<string, ast.Ident>;
  /** Checking a function's parameters. */
  params?: boolean;
}

function mk(kind: PatKind, ty: Ty, span: ast.Pat['span']): Pat {
  return { ...kind, ty, span } as Pat;
}

function isNonRefPattern(p: ast.Pat): boolean {
  return ['lit', 'range', 'tuple', 'tupleStruct', 'struct', 'path', 'slice'].includes(p.kind) || (p.kind === 'ident' && false);
}

export function checkPat(fcx: FnCx, p: ast.Pat, expected: Ty, opts: PatOpts): Pat {
  const t = fcx.shallow(expected);
  if (t.kind === 'ref' && isNonRefPattern(p) && !(p.kind === 'lit' && isStrLit(p.expr))) {
    const inner = checkPat(fcx, p, t.to, { ...opts, mode: t.mut && opts.mode !== 'ref' ? 'refMut' : 'ref' });
    return mk({ kind: 'deref', pat: inner }, expected, p.span);
  }
  switch (p.kind) {
    case 'wild': return mk({ kind: 'wild' }, expected, p.span);
    case 'paren': return checkPat(fcx, p.pat, expected, opts);
    case 'ident': return checkIdentPat(fcx, p, expected, opts);
    case 'lit': {
      const e = checkExpr(fcx, p.expr, { ty: expected });
      if (!fcx.infer.unify(e.ty, expected)) {
        fcx.cx.emit(fcx.mismatch(p.span, expected, e.ty).secondary(p.span, `this expression has type \`${fcx.show(expected)}\``));
        return mk({ kind: 'wild' }, expected, p.span);
      }
      const v = evalConstExpr(fcx.cx, e);
      return mk(v ? { kind: 'const', value: v } : { kind: 'wild' }, expected, p.span);
    }
    case 'range': {
      if (!p.lo && !p.hi) return mk({ kind: 'wild' }, expected, p.span);
      const given = { lo: p.lo ? constOperand(fcx, p.lo, expected) : undefined, hi: p.hi ? constOperand(fcx, p.hi, expected) : undefined };
      let et = fcx.shallow(expected);
      if (et.kind === 'infer' && et.intVar) {
        fcx.infer.unify(et, { kind: 'int', int: 'i32' });
        et = fcx.shallow(expected);
      }
      // `..=hi` starts at the type's minimum, `lo..` ends at its maximum (inclusive).
      const [min, max] = et.kind === 'int' ? intRange(et.int) : et.kind === 'char' ? [0n, 0x10ffffn] : [0n, 0n];
      const lo = p.lo ? given.lo : ({ kind: 'scalar', value: min } as ConstValue);
      const hi = p.hi ? given.hi : ({ kind: 'scalar', value: max } as ConstValue);
      if (!p.hi && et.kind !== 'int' && et.kind !== 'char') {
        fcx.cx.emit(error('only `char` and numeric types are allowed in range patterns', 'E0029').primary(p.span));
        return mk({ kind: 'wild' }, expected, p.span);
      }
      if (!p.hi) return mk(lo ? { kind: 'range', lo, hi: hi!, inclusive: true } : { kind: 'wild' }, expected, p.span);
      if (et.kind !== 'int' && et.kind !== 'char' && et.kind !== 'error' && !(et.kind === 'infer' && et.intVar)) {
        fcx.cx.emit(error('only `char` and numeric types are allowed in range patterns', 'E0029').primary(p.span));
        return mk({ kind: 'wild' }, expected, p.span);
      }
      if (!lo || !hi) return mk({ kind: 'wild' }, expected, p.span);
      if (lo.kind === 'scalar' && hi.kind === 'scalar' && (p.end === '..' ? lo.value >= hi.value : lo.value > hi.value)) {
        fcx.cx.emit(
          p.end === '..'
            ? error('lower range bound must be less than upper', 'E0579').primary(p.span)
            : error('lower range bound must be less than or equal to upper', 'E0030').primary(p.lo?.span ?? p.span, 'lower bound larger than upper bound'),
        );
      }
      return mk({ kind: 'range', lo, hi, inclusive: p.end !== '..' }, expected, p.span);
    }
    case 'ref': {
      if (t.kind !== 'ref' && t.kind !== 'infer' && t.kind !== 'error') {
        fcx.cx.emit(fcx.mismatch(p.span, expected, { kind: 'ref', mut: p.mut, to: fcx.infer.fresh() }).secondary(p.span, `expected \`${fcx.show(expected)}\`, found \`&_\``));
        return mk({ kind: 'wild' }, expected, p.span);
      }
      let to: Ty = ERROR_TY;
      if (t.kind === 'ref') to = t.to;
      else if (t.kind === 'infer') {
        to = fcx.infer.fresh();
        fcx.infer.unify(t, { kind: 'ref', mut: p.mut, to });
      }
      const inner = checkPat(fcx, p.pat, to, { ...opts, mode: 'value' });
      return mk({ kind: 'deref', pat: inner }, expected, p.span);
    }
    case 'tuple': return checkTuplePat(fcx, p.elems, expected, opts, p.span);
    case 'path': {
      const r = resolvePatPath(fcx, p.path, 'unitStruct');
      return r ? patOfRes(fcx, r, expected, p.span) : mk({ kind: 'wild' }, expected, p.span);
    }
    case 'tupleStruct': {
      const r = resolvePatPath(fcx, p.path, 'tupleStruct');
      if (!r) return mk({ kind: 'wild' }, expected, p.span);
      if (r.kind === 'ctor' && r.def.structKind === 'tuple') {
        const adtTy: Ty = { kind: 'adt', def: r.def };
        unifyPat(fcx, p.span, expected, adtTy);
        const fieldTys = r.def.fields.map((f) => f.ty);
        const sub = expandRest(fcx, p.elems, fieldTys, opts, p.span, p.elems.length > 0 ? { lo: p.elems[0]!.span.lo, hi: p.elems[p.elems.length - 1]!.span.hi } : { lo: p.path.span.hi, hi: p.span.hi });
        return mk({ kind: 'struct', adt: r.def, fields: sub.map((pat, index) => ({ index, pat })) }, expected, p.span);
      }
      fcx.cx.unsupported('this tuple-struct pattern', p.span);
      return mk({ kind: 'wild' }, expected, p.span);
    }
    case 'struct': {
      const r = resolveSegs(fcx.cx, { scope: fcx.scope, selfRes: fcx.selfRes }, segsOf(p.path), p.path.global, 'type', 'struct');
      if (!r) return mk({ kind: 'wild' }, expected, p.span);
      if (r.kind !== 'adt' || r.def.adtKind !== 'struct') {
        fcx.cx.unsupported('this struct pattern', p.span);
        return mk({ kind: 'wild' }, expected, p.span);
      }
      const def = r.def;
      unifyPat(fcx, p.span, expected, { kind: 'adt', def });
      const fields: { index: number; pat: Pat }[] = [];
      for (const fp of p.fields) {
        const index = def.fields.findIndex((f) => f.name === fp.ident.name);
        if (index < 0) {
          fcx.cx.emit(error(`struct \`${def.name}\` does not have a field named \`${fp.ident.name}\``, 'E0026').primary(fp.ident.span, 'struct `' + def.name + '` does not have this field'));
          continue;
        }
        fields.push({ index, pat: checkPat(fcx, fp.pat, def.fields[index]!.ty, opts) });
      }
      if (!p.rest) {
        const missing = def.fields.filter((_, i) => !fields.some((f) => f.index === i)).map((f) => `\`${f.name}\``);
        if (missing.length > 0) fcx.cx.emit(error(`pattern does not mention field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, 'E0027').primary(p.span, `missing field${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`));
      }
      return mk({ kind: 'struct', adt: def, fields }, expected, p.span);
    }
    case 'or': {
      const names = new Map<string, number>();
      const alts = p.pats.map((a, i) => checkPat(fcx, a, expected, { ...opts, names: i === 0 ? opts.names : new Map(), orNames: i === 0 ? undefined : names, ...(i === 0 ? { collect: names } : {}) } as PatOpts));
      return mk({ kind: 'or', alts }, expected, p.span);
    }
    case 'rest':
      fcx.cx.emit(error('`..` patterns are not allowed here').primary(p.span).note('only allowed in tuple, tuple struct, and slice patterns'));
      return mk({ kind: 'wild' }, expected, p.span);
    case 'slice':
      fcx.cx.unsupported('slice patterns', p.span);
      return mk({ kind: 'wild' }, expected, p.span);
    case 'box':
      fcx.cx.unsupported('`box` patterns', p.span);
      return mk({ kind: 'wild' }, expected, p.span);
    case 'macro':
      fcx.cx.unsupported('macros in patterns', p.span);
      return mk({ kind: 'wild' }, expected, p.span);
    case 'err':
      return mk({ kind: 'wild' }, expected, p.span);
  }
}

function isStrLit(e: ast.Expr): boolean {
  return e.kind === 'lit' && (e.lit.kind === 'str' || e.lit.kind === 'rawStr');
}

function unifyPat(fcx: FnCx, span: ast.Pat['span'], expected: Ty, actual: Ty): void {
  if (!fcx.infer.unify(expected, actual)) {
    fcx.cx.emit(fcx.mismatch(span, expected, actual).secondary(span, `this expression has type \`${fcx.show(expected)}\``));
  }
}

function constOperand(fcx: FnCx, e: ast.Expr, expected: Ty): ConstValue | undefined {
  const x = checkExpr(fcx, e, { ty: expected });
  if (!fcx.infer.unify(x.ty, expected)) {
    fcx.cx.emit(fcx.mismatch(e.span, expected, x.ty));
    return undefined;
  }
  return evalConstExpr(fcx.cx, x);
}

function resolvePatPath(fcx: FnCx, path: ast.Path, wanted: 'unitStruct' | 'tupleStruct'): Res | undefined {
  return resolveSegs(fcx.cx, { scope: fcx.scope, selfRes: fcx.selfRes }, segsOf(path), path.global, 'value', wanted);
}

function patOfRes(fcx: FnCx, r: Res, expected: Ty, span: ast.Pat['span']): Pat {
  switch (r.kind) {
    case 'variant':
      unifyPat(fcx, span, expected, { kind: 'adt', def: r.def });
      return mk({ kind: 'variant', adt: r.def, index: r.index }, expected, span);
    case 'const': {
      unifyPat(fcx, span, expected, fcx.cx.constTy(r.def));
      const v = fcx.cx.constValue(r.def);
      return mk(v ? { kind: 'const', value: v } : { kind: 'wild' }, expected, span);
    }
    case 'ctor':
      if (r.def.structKind === 'unit') {
        unifyPat(fcx, span, expected, { kind: 'adt', def: r.def });
        return mk({ kind: 'struct', adt: r.def, fields: [] }, expected, span);
      }
      break;
    default:
      break;
  }
  fcx.cx.unsupported('this pattern', span);
  return mk({ kind: 'wild' }, expected, span);
}

function checkIdentPat(fcx: FnCx, p: ast.Pat & { kind: 'ident' }, expected: Ty, opts: PatOpts): Pat {
  // An identifier naming a constant, unit struct or unit variant is a path pattern.
  if (!p.sub && !p.byRef && !p.mut) {
    const r = resolveSegs(fcx.cx, { scope: fcx.scope, selfRes: fcx.selfRes, report: false }, [{ name: p.ident.name, span: p.ident.span }], false, 'value', 'value');
    if (r && (r.kind === 'const' || r.kind === 'variant' || (r.kind === 'ctor' && r.def.structKind === 'unit'))) return patOfRes(fcx, r, expected, p.span);
  }
  const mode: 'value' | 'ref' | 'refMut' = p.byRef ? (p.refMut ? 'refMut' : 'ref') : opts.mode ?? 'value';
  const localTy: Ty = mode === 'value' ? expected : { kind: 'ref', mut: mode === 'refMut', to: expected };
  let local: number;
  const existing = opts.orNames?.get(p.ident.name);
  if (existing !== undefined) {
    local = existing;
    if (!fcx.infer.unify(fcx.locals[local]!.ty, localTy)) fcx.cx.emit(fcx.mismatch(p.span, fcx.locals[local]!.ty, localTy));
  } else {
    const et = fcx.shallow(expected);
    if (et.kind === 'adt' && et.def.adtKind === 'enum' && et.def.variants.some((v) => v.name === p.ident.name)) {
      fcx.cx.emit(error(`pattern binding \`${p.ident.name}\` is named the same as one of the variants of the type \`${et.def.name}\``, 'E0170').primary(p.ident.span).help(`to match on the variant, qualify the path: \`${et.def.name}::${p.ident.name}\``));
    }
    const seen = (opts as PatOpts & { names?: Map<string, ast.Ident> }).names;
    if (seen?.has(p.ident.name)) {
      fcx.cx.emit(error(`identifier \`${p.ident.name}\` is bound more than once in ${opts.params ? 'this parameter list' : 'the same pattern'}`, opts.params ? 'E0415' : 'E0416').primary(p.ident.span, 'used as parameter more than once'.replace('used as parameter', opts.params ? 'used as parameter' : 'used in a pattern')));
    }
    seen?.set(p.ident.name, p.ident);
    local = fcx.declareLocal(p.ident.name, localTy, p.mut, p.ident.span);
    (opts as PatOpts & { collect?: Map<string, number> }).collect?.set(p.ident.name, local);
  }
  const sub = p.sub ? checkPat(fcx, p.sub, expected, opts) : undefined;
  return mk({ kind: 'binding', local, mode, ...(sub ? { sub } : {}) }, expected, p.span);
}

/** Sub-patterns for `n` element types, with one `..` expanded to wildcards. */
function expandRest(fcx: FnCx, elems: ast.Pat[], tys: readonly Ty[], opts: PatOpts, span: ast.Pat['span'], tupleStruct?: ast.Pat['span']): Pat[] {
  const restAt = elems.findIndex((e) => e.kind === 'rest');
  const out: Pat[] = [];
  if (restAt < 0) {
    if (elems.length !== tys.length && tupleStruct) {
      const f = (n: number) => `${n} field${n === 1 ? '' : 's'}`;
      fcx.cx.emit(error(`this pattern has ${f(elems.length)}, but the corresponding tuple struct has ${f(tys.length)}`, 'E0023').primary(tupleStruct, `expected ${f(tys.length)}, found ${elems.length}`));
      elems.forEach((e) => checkPat(fcx, e, ERROR_TY, opts));
      return tys.map((t) => mk({ kind: 'wild' }, t, span));
    }
    if (elems.length !== tys.length) {
      fcx.cx.emit(error('mismatched types', 'E0308').primary(span, `expected a tuple with ${tys.length} element${tys.length === 1 ? '' : 's'}, found one with ${elems.length} element${elems.length === 1 ? '' : 's'}`));
      // Bind the names anyway (with the error type) so their uses are not reported again.
      elems.forEach((e) => checkPat(fcx, e, ERROR_TY, opts));
      return tys.map((t) => mk({ kind: 'wild' }, t, span));
    }
    return elems.map((e, i) => checkPat(fcx, e, tys[i]!, opts));
  }
  const after = elems.length - restAt - 1;
  for (let i = 0; i < restAt; i++) out.push(checkPat(fcx, elems[i]!, tys[i]!, opts));
  for (let i = restAt; i < tys.length - after; i++) out.push(mk({ kind: 'wild' }, tys[i]!, elems[restAt]!.span));
  for (let i = 0; i < after; i++) out.push(checkPat(fcx, elems[restAt + 1 + i]!, tys[tys.length - after + i]!, opts));
  return out;
}

function checkTuplePat(fcx: FnCx, elems: ast.Pat[], expected: Ty, opts: PatOpts, span: ast.Pat['span']): Pat {
  let t = fcx.shallow(expected);
  if (t.kind === 'infer' && !t.intVar) {
    const hasRest = elems.some((e) => e.kind === 'rest');
    if (hasRest) {
      fcx.cx.emit(error('type annotations needed', 'E0282').primary(span));
      return mk({ kind: 'wild' }, expected, span);
    }
    const fresh: Ty = { kind: 'tuple', elems: elems.map(() => fcx.infer.fresh()) };
    fcx.infer.unify(t, fresh);
    t = fresh;
  }
  if (t.kind !== 'tuple') {
    if (t.kind !== 'error') {
      const found: Ty = { kind: 'tuple', elems: elems.filter((e) => e.kind !== 'rest').map(() => fcx.infer.fresh()) };
      fcx.cx.emit(error('mismatched types', 'E0308').primary(span, `expected \`${fcx.show(expected)}\`, found \`(${found.kind === 'tuple' ? found.elems.map(() => '_').join(', ') : ''}${found.kind === 'tuple' && found.elems.length === 1 ? ',' : ''})\``).secondary(span, `this expression has type \`${fcx.show(expected)}\``));
    }
    return mk({ kind: 'wild' }, expected, span);
  }
  const sub = expandRest(fcx, elems, t.elems, opts, span);
  return mk({ kind: 'tuple', elems: sub }, expected, span);
}
