// Calls: of functions (direct, intrinsic, through fn pointers), tuple-struct constructors, the
// compiler-provided functions of core::ptr/mem/hint, and method calls (user methods with
// auto-ref/auto-deref written out, and the builtin methods of pointers, slices, str, iterators).
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { BuiltinFn } from '../resolve/builtin-paths.ts';
import { adtHeaderSpan, canSeePrivate } from '../resolve/path.ts';
import type { Span } from '../span/span.ts';
import type { FnDef } from '../thir/defs.ts';
import type { BuiltinOp } from '../thir/builtins.ts';
import type { Expr } from '../thir/thir.ts';
import { BOOL, ERROR_TY, printTy, type Ty, UNIT, USIZE } from '../thir/ty.ts';
import { coerce } from './coerce.ts';
import { checkCoerce, checkExpr, refuse, resolveValuePath, valueOfRes } from './expr.ts';
import type { Expect, FnCx } from './fncx.ts';
import { checkBuiltinMethod, UNSUPPORTED_ITER_METHODS } from './methods.ts';
import { autoderef } from './places.ts';
import { structValue } from './structs.ts';

function plural(n: number, w: string): string {
  return `${n} ${w}${n === 1 ? '' : 's'}`;
}

/** "function defined here" with the definition's name and the parameters concerned. */
function definedHere(fcx: FnCx, d: ReturnType<typeof error>, def: FnDef | undefined, what: string, paramIdx: number[]): void {
  if (!def || def.crate !== fcx.cx.crateName) return;
  const spans = fcx.cx.paramSpans.get(def) ?? [];
  const offset = def.selfKind ? 1 : 0;
  d.diag.children.push({
    level: 'note',
    message: `${what} defined here`,
    spans: [{ span: def.span, label: '', primary: true }, ...paramIdx.filter((i) => spans[i + offset]).map((i) => ({ span: spans[i + offset]!, label: '', primary: false }))],
  });
}

/** Where a call's arguments are checked: the callee's span and the call's, what is called. */
export interface CallSite {
  callee: Span;
  call: Span;
  what: 'function' | 'method' | 'struct';
  def?: FnDef;
  /** A tuple struct: its name for "tuple struct defined here". */
  structSpan?: Span;
}

/** Arguments coerced to the parameter types; E0061 when the count differs. */
export function checkArgs(fcx: FnCx, params: readonly Ty[], args: readonly ast.Expr[], site: CallSite): Expr[] {
  const { what, def } = site;
  const word = what === 'method' ? 'method' : 'function';
  if (params.length !== args.length) {
    const d = error(`this ${what} takes ${plural(params.length, 'argument')} but ${plural(args.length, 'argument')} ${args.length === 1 ? 'was' : 'were'} supplied`, 'E0061').primary(site.callee);
    const list = { lo: site.callee.hi, hi: site.call.hi };
    const argTexts = args.map((a) => fcx.cx.snippet(a.span));
    if (params.length === args.length + 1) {
      const k = args.length;
      d.secondary(list, `argument #${k + 1} of type \`${fcx.show(params[k]!)}\` is missing`);
      if (site.structSpan) d.spanNote(site.structSpan, 'tuple struct defined here');
      else definedHere(fcx, d, def, word, [k]);
      d.suggest(list, 'provide the argument', `(${[...argTexts, `/* ${fcx.show(params[k]!)} */`].join(', ')})`, 'verbose', 'HasPlaceholders');
    } else if (args.length === params.length + 1) {
      const extra = args[args.length - 1]!;
      const ex = checkExpr(fcx, extra);
      d.secondary(extra.span, `unexpected argument #${args.length} of type \`${fcx.show(ex.ty)}\``);
      if (site.structSpan) d.spanNote(site.structSpan, 'tuple struct defined here');
      else definedHere(fcx, d, def, word, []);
    } else if (site.structSpan) d.spanNote(site.structSpan, 'tuple struct defined here');
    else definedHere(fcx, d, def, word, []);
    fcx.cx.emit(d);
    args.forEach((a, i) => {
      if (!(args.length === params.length + 1 && i === args.length - 1)) checkExpr(fcx, a);
    });
    return [];
  }
  return args.map((a, i) =>
    checkCoerce(fcx, a, params[i]!, (d) => {
      d.secondary(site.callee, `arguments to this ${word} are incorrect`);
      definedHere(fcx, d, def, word, [i]);
    }),
  );
}

/** E0624: a private method or associated function used outside the module of its `impl`. */
function checkAssocPrivacy(fcx: FnCx, def: FnDef, at: Span): void {
  const info = fcx.cx.assocFns.get(def);
  if (!info || info.pub || canSeePrivate(fcx.scope, info.scope)) return;
  const what = def.selfKind ? 'method' : 'associated function';
  fcx.cx.emit(error(`${what} \`${def.name}\` is private`, 'E0624').secondary(info.header, `private ${what} defined here`).primary(at, `private ${what}`));
}

function callFn(fcx: FnCx, def: FnDef, args: Expr[], span: Span): Expr {
  if ((fcx.constContext || fcx.inConstFn) && !def.constFn && !def.intrinsic) {
    const where = fcx.constContext === 'static' ? 'statics' : fcx.constContext ? 'constants' : 'constant functions';
    fcx.cx.emit(error(`cannot call non-const function \`${def.name}\` in ${where}`, 'E0015').primary(span).note(`calls in ${where} are limited to constant functions, tuple structs and tuple variants`));
  }
  if (def.intrinsic) return fcx.expr({ kind: 'builtin', op: def.intrinsic as BuiltinOp, args }, def.ret, span);
  return fcx.expr({ kind: 'call', callee: def, args }, def.ret, span);
}

/** A single type given with a turbofish (`null_mut::<u8>()`, `p.cast::<u32>()`), or a fresh variable. */
function typeArgOf(fcx: FnCx, seg: ast.PathSegment | undefined): Ty {
  const a = seg?.args;
  if (a && a.kind === 'angle' && a.args.length === 1 && a.args[0]!.kind === 'type') return fcx.lowerTy(a.args[0]!.ty, true);
  const v = fcx.infer.fresh();
  if (v.kind === 'infer') fcx.typeParamVars.add(v.id);
  return v;
}

export function checkCall(fcx: FnCx, e: ast.Expr & { kind: 'call' }, _exp: Expect): Expr {
  if (e.func.kind === 'path' && !e.func.qself) {
    const path = e.func.path;
    const generic = path.segments.slice(0, -1).find((s) => s.args);
    if (generic) return refuse(fcx, 'generic arguments here', generic.args!.span);
    const last = path.segments[path.segments.length - 1]!;
    const r = resolveValuePath(fcx, { ...path, segments: path.segments.map((s) => ({ ident: s.ident })) }, 'function');
    if (!r) {
      e.args.forEach((a) => checkExpr(fcx, a));
      return fcx.errorExpr(e.span);
    }
    if (!('local' in r)) {
      if (r.kind === 'builtin') return checkBuiltinFnCall(fcx, r.fn, last, e);
      if (last.args) return refuse(fcx, 'generic functions', last.args.span);
      if (r.kind === 'fn') checkAssocPrivacy(fcx, r.def, last.ident.span);
      if (r.kind === 'fn') return callFn(fcx, r.def, checkArgs(fcx, r.def.params.map((p) => p.ty), e.args, { callee: e.func.span, call: e.span, what: 'function', def: r.def }), e.span);
      if (r.kind === 'ctor') {
        if (r.def.structKind !== 'tuple') {
          fcx.cx.emit(error(`expected function, found struct \`${r.def.name}\``, 'E0618').primary(e.func.span));
          return fcx.errorExpr(e.span);
        }
        const args = checkArgs(fcx, r.def.fields.map((f) => f.ty), e.args, { callee: e.func.span, call: e.span, what: 'struct', ...(r.def.crate === fcx.cx.crateName ? { structSpan: r.def.span } : {}) });
        if (args.length !== r.def.fields.length) return fcx.errorExpr(e.span);
        return structValue(fcx, r.def, args, e.span);
      }
      if (r.kind === 'variant') {
        fcx.cx.emit(error(`expected function, found enum variant \`${path.segments.map((s) => s.ident.name).join('::')}\``, 'E0618').primary(e.func.span).secondary(e.span, 'call expression requires function'));
        e.args.forEach((a) => checkExpr(fcx, a));
        return fcx.errorExpr(e.span);
      }
    }
    return callValue(fcx, valueOfRes(fcx, r, e.func.span), e);
  }
  const func = checkExpr(fcx, e.func);
  return callValue(fcx, func, e);
}

function callValue(fcx: FnCx, func0: Expr, e: ast.Expr & { kind: 'call' }): Expr {
  const func = autoderef(fcx, func0, (t) => t.kind === 'fnPtr' || t.kind === 'fnDef');
  const t = fcx.shallow(func.ty);
  if (t.kind === 'error') {
    e.args.forEach((a) => checkExpr(fcx, a));
    return fcx.errorExpr(e.span);
  }
  if (t.kind === 'fnDef') return callFn(fcx, t.def, checkArgs(fcx, t.def.params.map((p) => p.ty), e.args, { callee: e.func.span, call: e.span, what: 'function', def: t.def }), e.span);
  if (t.kind === 'fnPtr') {
    const args = checkArgs(fcx, t.params, e.args, { callee: e.func.span, call: e.span, what: 'function' });
    return fcx.expr({ kind: 'callValue', func, args }, t.ret, e.span);
  }
  const d = error(`expected function, found \`${fcx.show(t)}\``, 'E0618');
  if (func.kind === 'local') {
    const l = fcx.locals[func.local]!;
    d.secondary(l.span, `\`${l.name}\` has type \`${fcx.show(l.ty)}\``);
  }
  fcx.cx.emit(d.primary(e.func.span).secondary({ lo: e.func.span.lo, hi: e.span.hi }, 'call expression requires function'));
  e.args.forEach((a) => checkExpr(fcx, a));
  return fcx.errorExpr(e.span);
}

/** `core::ptr::write_volatile(p, v)` and the other compiler-provided free functions. */
function checkBuiltinFnCall(fcx: FnCx, b: BuiltinFn, seg: ast.PathSegment, e: ast.Expr & { kind: 'call' }): Expr {
  if (b.macro) {
    fcx.cx.emit(error(`expected function, found macro \`${b.name}\``, 'E0423').primary(e.func.span, 'not a function'));
    return fcx.errorExpr(e.span);
  }
  const T = typeArgOf(fcx, seg);
  const ptr = (mut: boolean): Ty => ({ kind: 'ptr', mut, to: T });
  const sig: Record<string, { params: Ty[]; ret: Ty; typeArg?: boolean }> = {
    read_volatile: { params: [ptr(false)], ret: T },
    read: { params: [ptr(false)], ret: T },
    write_volatile: { params: [ptr(true), T], ret: UNIT },
    write: { params: [ptr(true), T], ret: UNIT },
    null: { params: [], ret: ptr(false), typeArg: true },
    null_mut: { params: [], ret: ptr(true), typeArg: true },
    copy: { params: [ptr(false), ptr(true), USIZE], ret: UNIT },
    copy_nonoverlapping: { params: [ptr(false), ptr(true), USIZE], ret: UNIT },
    write_bytes: { params: [ptr(true), { kind: 'int', int: 'u8' }, USIZE], ret: UNIT },
    size_of: { params: [], ret: USIZE, typeArg: true },
    align_of: { params: [], ret: USIZE, typeArg: true },
    spin_loop: { params: [], ret: UNIT },
    black_box: { params: [T], ret: T },
  };
  const s = sig[b.name]!;
  const args = checkArgs(fcx, s.params, e.args, { callee: e.func.span, call: e.span, what: 'function' });
  if (args.length !== s.params.length) return fcx.errorExpr(e.span);
  if (fcx.constContext && b.module !== 'mem' && b.name !== 'null' && b.name !== 'null_mut') {
    fcx.cx.emit(error(`cannot call non-const function \`${b.module}::${b.name}\` in ${fcx.constContext === 'static' ? 'statics' : 'constants'}`, 'E0015').primary(e.span));
  }
  return fcx.expr({ kind: 'builtin', op: b.op!, args, ...(s.typeArg || b.name === 'null' ? { typeArg: T } : {}) }, s.ret, e.span);
}

/** How rustc names the receiver's type in E0599 ("for struct `Foo`", "for raw pointer `*mut u8`"). */
function typeWord(fcx: FnCx, t: Ty, e?: Expr): string {
  const shown = `\`${e ? fcx.showExprTy(e) : fcx.show(t)}\``;
  switch (t.kind) {
    case 'adt': return `${t.def.adtKind} ${shown}`;
    case 'ref': return `${t.mut ? 'mutable reference' : 'reference'} ${shown}`;
    case 'ptr': return `raw pointer ${shown}`;
    case 'array': return `array ${shown}`;
    case 'slice': return `slice ${shown}`;
    case 'tuple': return t.elems.length === 0 ? `unit type ${shown}` : `tuple ${shown}`;
    case 'fnDef': return `fn item ${shown}`;
    default: return `type ${shown}`;
  }
}

/** `&place` for a `&self` receiver; `&*r` is just `r`. */
export function autoref(fcx: FnCx, place: Expr, mut: boolean): Expr {
  if (place.kind === 'deref') {
    const inner = fcx.shallow(place.operand.ty);
    if (inner.kind === 'ref' && inner.mut === mut) return place.operand;
    if (inner.kind === 'ref' && inner.mut && !mut) return fcx.expr({ kind: 'coerce', coercion: 'mutToConst', operand: place.operand }, { kind: 'ref', mut: false, to: inner.to }, place.span);
  }
  return fcx.expr({ kind: 'addrOf', mut, raw: false, place }, { kind: 'ref', mut, to: place.ty }, place.span);
}

function inherentMethod(fcx: FnCx, t: Ty, name: string): FnDef | undefined {
  if (t.kind === 'adt') return t.def.methods.get(name);
  const prim = t.kind === 'int' ? t.int : t.kind === 'bool' || t.kind === 'char' ? t.kind : undefined;
  if (!prim) return undefined;
  for (const c of [fcx.cx.crate, ...fcx.cx.opts.externs]) {
    const m = c.primitiveMethods.get(prim)?.get(name);
    if (m) return m;
  }
  return undefined;
}

function anyPrimitiveHas(fcx: FnCx, name: string): boolean {
  for (const c of [fcx.cx.crate, ...fcx.cx.opts.externs]) for (const m of c.primitiveMethods.values()) if (m.has(name)) return true;
  return false;
}

export function checkMethodCall(fcx: FnCx, e: ast.Expr & { kind: 'methodCall' }, _exp: Expect): Expr {
  const recv = checkExpr(fcx, e.receiver);
  const name = e.seg.ident.name;
  const nameSpan = e.seg.ident.span;
  let cur = recv;
  for (let step = 0; step < 16; step++) {
    const t = fcx.shallow(cur.ty);
    if (t.kind === 'error') {
      e.args.forEach((a) => checkExpr(fcx, a));
      return fcx.errorExpr(e.span);
    }
    if (t.kind === 'infer') {
      if (t.intVar && anyPrimitiveHas(fcx, name)) {
        fcx.cx.emit(error(`can't call method \`${name}\` on ambiguous numeric type \`{integer}\``, 'E0689').primary(nameSpan));
      } else if (t.intVar) break;
      else fcx.cx.emit(error('type annotations needed', 'E0282').primary(e.receiver.span));
      e.args.forEach((a) => checkExpr(fcx, a));
      return fcx.errorExpr(e.span);
    }
    const builtin = checkBuiltinMethod(fcx, cur, t, name, e);
    if (builtin) return builtin;
    const m = inherentMethod(fcx, t, name);
    if (m) {
      if (!m.selfKind) {
        const tn = printTy(t);
        fcx.cx.emit(
          error(`no method named \`${name}\` found for ${typeWord(fcx, recv.ty)} in the current scope`, 'E0599')
            .primary(nameSpan, 'this is an associated function, not a method')
            .note('found the following associated functions; to be used as methods, functions must have a `self` parameter')
            .help(`use associated function syntax instead: \`${tn}::${name}()\``),
        );
        e.args.forEach((a) => checkExpr(fcx, a));
        return fcx.errorExpr(e.span);
      }
      if (e.seg.args) return refuse(fcx, 'generic methods', e.seg.args.span);
      checkAssocPrivacy(fcx, m, nameSpan);
      const self = m.selfKind === 'value' ? cur : autoref(fcx, cur, m.selfKind === 'refMut');
      const args = checkArgs(fcx, m.params.slice(1).map((p) => p.ty), e.args, { callee: nameSpan, call: { lo: nameSpan.lo, hi: e.span.hi }, what: 'method', def: m });
      if (args.length !== m.params.length - 1) return fcx.errorExpr(e.span);
      return callFn(fcx, m, [self, ...args], e.span);
    }
    if (t.kind !== 'ref') break;
    cur = fcx.expr({ kind: 'deref', operand: cur }, t.to, cur.span);
  }
  const rt = fcx.shallow(recv.ty);
  const base = rt.kind === 'ref' ? fcx.shallow(rt.to) : rt;
  if (base.kind === 'iter' && UNSUPPORTED_ITER_METHODS.has(name)) return refuse(fcx, `the iterator method \`${name}\``, e.span);
  if (fcx.cx.refusedMethods.has(name)) {
    e.args.forEach((a) => checkExpr(fcx, a));
    return fcx.errorExpr(e.span);
  }
  const d = error(`no method named \`${name}\` found for ${typeWord(fcx, rt, recv)} in the current scope`, 'E0599');
  if (rt.kind === 'adt' && rt.def.crate === fcx.cx.crateName) d.secondary(adtHeaderSpan(fcx.cx, rt.def.span, rt.def.adtKind), `method \`${name}\` not found for this ${rt.def.adtKind}`);
  d.primary(nameSpan, `method not found in \`${fcx.show(rt)}\``);
  fcx.cx.emit(d);
  e.args.forEach((a) => checkExpr(fcx, a));
  return fcx.errorExpr(e.span);
}

export { BOOL, ERROR_TY, coerce };
