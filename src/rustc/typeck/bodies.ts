// Checking the bodies: functions (parameters bound by patterns, the block coerced to the return
// type), const initializers (evaluated on first use, so array lengths and patterns can use a
// const declared later) and static initializers.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { ConstItem, Cx, FnItem, StaticItem } from '../resolve/cx.ts';
import type { ModScope, Res } from '../resolve/scope.ts';
import type { ConstDef, FnBody } from '../thir/defs.ts';
import type { ConstValue, Expr, Pat } from '../thir/thir.ts';
import { ERROR_TY, type Ty, USIZE } from '../thir/ty.ts';
import { coerce } from './coerce.ts';
import { evalConstExpr } from './consteval.ts';
import { checkBlock } from './control.ts';
import { checkExpr } from './expr.ts';
import { finalizeBody } from './finalize.ts';
import { FnCx } from './fncx.ts';
import { selfResOf, tyCtx } from './items.ts';
import { lowerTy } from './lower-ty.ts';
import { checkPat } from './pat.ts';

export function checkFnBody(cx: Cx, f: FnItem): void {
  if (!f.body) return;
  const def = f.def;
  const selfRes = selfResOf(f.implSelf);
  const fcx = new FnCx(cx, f.scope, def.ret, selfRes, f.sig.ret?.span);
  fcx.inConstFn = def.constFn;
  const params: Pat[] = [];
  const paramNames = new Map<string, ast.Ident>();
  let pi = 0;
  for (const p of f.sig.params) {
    const ty = def.params[pi]?.ty ?? ERROR_TY;
    pi++;
    if (p.self) {
      const mut = p.self.kind === 'value' || p.self.kind === 'explicit' ? p.self.mut : false;
      const local = fcx.declareLocal('self', ty, mut, p.span);
      params.push({ kind: 'binding', local, mode: 'value', ty, span: p.span });
    } else if (p.pat) params.push(checkPat(fcx, p.pat, ty, { declare: true, names: paramNames, params: true }));
  }
  const block = checkBlock(fcx, f.body, { ty: def.ret });
  let finalBlock = block;
  const blockTy = fcx.shallow(block.ty);
  if (block.tail) {
    const c = coerce(fcx, block.tail, def.ret, (d) => {
      if (f.sig.ret) d.secondary(f.sig.ret.span, `expected \`${fcx.show(def.ret)}\` because of return type`);
    });
    if (c !== block.tail) finalBlock = { ...block, tail: c, ty: c.ty };
  } else if (blockTy.kind !== 'never' && !fcx.infer.unify(def.ret, block.ty)) {
    const d = error('mismatched types', 'E0308').primary(f.sig.ret?.span ?? f.body.span, `expected \`${fcx.show(def.ret)}\`, found \`()\``);
    d.secondary(def.span, 'implicitly returns `()` as its body has no tail or `return` expression');
    const last = block.stmts[block.stmts.length - 1];
    if (last && last.kind === 'expr' && fcx.infer.canUnify(last.expr.ty, def.ret) && cx.snippet({ lo: last.span.hi - 1, hi: last.span.hi }) === ';') {
      d.suggest({ lo: last.span.hi - 1, hi: last.span.hi }, 'remove this semicolon to return this value', '', 'short', 'MachineApplicable');
    }
    cx.emit(d);
  }
  const body: FnBody = { params, locals: fcx.locals, block: finalBlock, loopCount: fcx.loopCount };
  finalizeBody(fcx, body);
  def.body = body;
}

/** Checks a const or static initializer (or an array length) in its own inference context. */
function checkInit(cx: Cx, scope: ModScope, selfRes: Res | undefined, e: ast.Expr, ty: Ty, context: 'constant' | 'static', tySpan?: ast.Type['span'], outer?: FnCx['outer']): Expr {
  const fcx = new FnCx(cx, scope, ty, selfRes);
  if (outer) fcx.outer = outer;
  fcx.constContext = context;
  const raw = checkExpr(fcx, e, { ty });
  const init = coerce(fcx, raw, ty, (d) => {
    if (tySpan) d.secondary(tySpan, 'expected due to this');
  });
  const holder = { init };
  finalizeBody(fcx, holder);
  return holder.init;
}

const typed = new WeakSet<ConstDef>();

/** Lowers a const's declared type once (consts may be used before their item is reached). */
export function ensureConstTy(cx: Cx, def: ConstDef): Ty {
  if (typed.has(def)) return def.ty;
  typed.add(def);
  const item = cx.constItems.get(def);
  if (item) (def as { ty: Ty }).ty = lowerTy(cx, tyCtx(cx, item.scope, selfResOf(item.implSelf)), item.tyAst);
  return def.ty;
}

const evaluating = new WeakSet<ConstDef>();
const evaluated = new WeakSet<ConstDef>();

/** Type-checks and evaluates a const once; cycles are rustc's E0391. */
export function evalConst(cx: Cx, def: ConstDef): ConstValue | undefined {
  if (evaluated.has(def)) return def.value;
  const item = cx.constItems.get(def);
  if (!item) return def.value;
  if (evaluating.has(def)) {
    cx.emit(error(`cycle detected when const-evaluating + checking \`${def.name}\``, 'E0391').primary(def.span));
    return undefined;
  }
  evaluating.add(def);
  ensureConstTy(cx, def);
  try {
    if (!item.expr) {
      cx.emit(error('free constant item without body').primary(def.span));
      return undefined;
    }
    const errorsBefore = cx.sink.errorCount;
    const init = checkInit(cx, item.scope, selfResOf(item.implSelf), item.expr, def.ty, 'constant');
    def.init = init;
    if (cx.sink.errorCount === errorsBefore) def.value = validated(cx, evalConstExpr(cx, init, def.name), def.ty, item);
    return def.value;
  } finally {
    evaluating.delete(def);
    evaluated.add(def);
  }
}

export function checkStatic(cx: Cx, item: StaticItem): void {
  const def = item.def;
  if (!item.expr) return;
  const errorsBefore = cx.sink.errorCount;
  const init = checkInit(cx, item.scope, undefined, item.expr, def.ty, 'static');
  def.init = init;
  if (cx.sink.errorCount === errorsBefore) def.value = validated(cx, evalConstExpr(cx, init, def.name), def.ty, item);
}

/**
 * rustc checks the final value of a const or static against its type: a reference must point
 * at something the program owns, so `&mut *(0xb8000 as *mut Buffer)` in a static is E0080.
 */
function validated(cx: Cx, v: ConstValue | undefined, ty: Ty, item: StaticItem | ConstItem): ConstValue | undefined {
  if (!v) return v;
  const problem = invalidAt(v, ty, '');
  if (!problem) return v;
  const span = { lo: item.itemLo ?? item.def.span.lo, hi: item.tyAst.span.hi };
  cx.emit(
    error(`constructing invalid value${problem.path ? ` at ${problem.path}` : ''}: ${problem.what}`, 'E0080')
      .primary(span, 'it is undefined behavior to use this value')
      .note("the rules on what exactly is undefined behavior aren't clear, so this check might be overzealous. Please open an issue on the rustc repository if you believe it should not be considered undefined behavior."),
  );
  return undefined;
}

function invalidAt(v: ConstValue, ty: Ty, path: string): { path: string; what: string } | undefined {
  if (ty.kind === 'ref' && v.kind === 'ptr') {
    return { path, what: v.addr === 0n ? 'encountered a null reference' : `encountered a dangling reference (0x${v.addr.toString(16)}[noalloc] has no provenance)` };
  }
  if (v.kind !== 'aggregate') return undefined;
  if (ty.kind === 'adt') {
    for (let i = 0; i < ty.def.fields.length && i < v.fields.length; i++) {
      const p = invalidAt(v.fields[i]!, ty.def.fields[i]!.ty, `${path}.${ty.def.fields[i]!.name}`);
      if (p) return p;
    }
  } else if (ty.kind === 'tuple') {
    for (let i = 0; i < ty.elems.length && i < v.fields.length; i++) {
      const p = invalidAt(v.fields[i]!, ty.elems[i]!, `${path}.${i}`);
      if (p) return p;
    }
  } else if (ty.kind === 'array') {
    for (let i = 0; i < v.fields.length; i++) {
      const p = invalidAt(v.fields[i]!, ty.elem, `${path}[${i}]`);
      if (p) return p;
    }
  }
  return undefined;
}

/** An array length or repeat count: a `usize` constant. */
export function evalArrayLen(cx: Cx, e: ast.Expr, scope: ModScope, selfRes?: Res, outer?: FnCx['outer']): number | undefined {
  const errorsBefore = cx.sink.errorCount;
  const init = checkInit(cx, scope, selfRes, e, USIZE, 'constant', undefined, outer);
  if (cx.sink.errorCount !== errorsBefore) return undefined;
  const v = evalConstExpr(cx, init);
  if (!v || v.kind !== 'scalar') return undefined;
  return Number(v.value);
}

/** A discriminant expression, of the enum's discriminant type. */
export function evalDiscr(cx: Cx, e: ast.Expr, ty: Ty, scope: ModScope): bigint | undefined {
  const errorsBefore = cx.sink.errorCount;
  const init = checkInit(cx, scope, undefined, e, ty, 'constant');
  if (cx.sink.errorCount !== errorsBefore) return undefined;
  const v = evalConstExpr(cx, init);
  return v && v.kind === 'scalar' ? v.value : undefined;
}

export { tyCtx };
export type { FnItem };
