// analyzeCrate: name resolution and type checking of one crate, producing its definitions and
// the typed bodies (THIR) that the checking passes and lowering consume. It never throws: an
// internal failure in one item becomes an `internal compiler error` diagnostic for that item.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { attrListIdents, attrName } from '../resolve/attrs.ts';
import { collectCrate } from '../resolve/collect.ts';
import { type AnalyzeOptions, Cx } from '../resolve/cx.ts';
import { resolveImports } from '../resolve/imports.ts';
import type { Span } from '../span/span.ts';
import type { CrateDef } from '../thir/defs.ts';
import { printTy } from '../thir/ty.ts';
import { checkFnBody, checkStatic, ensureConstTy, evalArrayLen, evalConst, evalDiscr } from './bodies.ts';
import { checkDerives, checkRecursiveAdts, collectImpls, lowerAdts, lowerFnSigs, lowerVariants, tyCtx } from './items.ts';
import { lowerTy } from './lower-ty.ts';

export type { AnalyzeOptions } from '../resolve/cx.ts';

export interface AnalyzeResult {
  crate: CrateDef;
  diagnostics: Diagnostic[];
}

function ice(cx: Cx, e: unknown, span: Span): void {
  const msg = e instanceof Error ? e.message : String(e);
  cx.emit(error(`internal compiler error: ${msg}`).primary(span));
}

export function analyzeCrate(crate: ast.Crate, opts: AnalyzeOptions): AnalyzeResult {
  const cx = new Cx(opts);
  const def: CrateDef = { name: opts.crateName, root: undefined as never, fns: [], adts: [], statics: [], consts: [], primitiveMethods: new Map(), primitiveConsts: new Map() };
  cx.crate = def;
  cx.evalArrayLen = (e, scope, selfRes, outer) => evalArrayLen(cx, e, scope, selfRes, outer);
  cx.constValue = (d) => evalConst(cx, d);
  cx.constTy = (d) => ensureConstTy(cx, d);
  const checking = new Set<object>();
  cx.fnBody = (d) => {
    if (d.body || checking.has(d)) return d.body;
    const item = cx.fnItems.find((f) => f.def === d);
    if (!item) return undefined;
    checking.add(d);
    try {
      checkFnBody(cx, item);
    } finally {
      checking.delete(d);
    }
    return d.body;
  };
  const step = (span: Span, f: () => void): void => {
    try {
      f();
    } catch (e) {
      ice(cx, e, span);
    }
  };
  const fileName = (() => {
    try {
      return opts.sourceMap.fileAt(crate.span.lo).name;
    } catch {
      return 'src/main.rs';
    }
  })();
  for (const a of crate.attrs) {
    if (!a.inner) continue;
    if (attrName(a) === 'feature') for (const f of attrListIdents(a)) cx.features.add(f);
    if (attrName(a) === 'no_std' || attrName(a) === 'no_core') cx.noStd = true;
    if (attrName(a) === 'no_core') cx.noCore = true;
  }
  step(crate.span, () => collectCrate(cx, crate, fileName));
  if (!cx.root) return { crate: def, diagnostics: cx.sink.diagnostics };
  step(crate.span, () => resolveImports(cx));
  step(crate.span, () => lowerAdts(cx));
  step(crate.span, () => checkRecursiveAdts(cx));
  step(crate.span, () => checkDerives(cx));
  step(crate.span, () => collectImpls(cx));
  step(crate.span, () => lowerFnSigs(cx));
  for (const s of cx.statics) step(s.def.span, () => ((s.def as { ty: unknown }).ty = lowerTy(cx, tyCtx(cx, s.scope), s.tyAst)));
  for (const c of cx.consts) step(c.def.span, () => ensureConstTy(cx, c.def));
  step(crate.span, () => lowerVariants(cx, (e, ty, scope) => evalDiscr(cx, e, ty, scope)));
  for (const c of cx.consts) step(c.def.span, () => evalConst(cx, c.def));
  for (const s of cx.statics) step(s.def.span, () => checkStatic(cx, s));
  for (const f of cx.fnItems) step(f.span, () => f.def.body || checkFnBody(cx, f));
  step(crate.span, () => checkPanicHandler(cx));
  // Our core (`#![no_core]`) builds its PanicInfo in another module than the struct's; until its
  // fields are `pub(crate)`, the privacy pass's E0451 is not applied to it (user crates get it).
  if (cx.sink.errorCount === 0 && !cx.noCore) for (const d of cx.latePrivacy) cx.emit(d);
  return { crate: def, diagnostics: cx.sink.diagnostics };
}

/** The `#[panic_handler]` signature, `fn(&PanicInfo) -> !` (E0308), and only one (E0152). */
function checkPanicHandler(cx: Cx): void {
  const handlers = cx.fnItems.filter((f) => f.def.panicHandler);
  if (handlers.length > 1) {
    cx.emit(error('found duplicate lang item `panic_impl`', 'E0152').primary(trimStart(cx, handlers[1]!.span, handlers[1]!.def.span)).spanNote(trimStart(cx, handlers[0]!.span, handlers[0]!.def.span), 'the lang item is first defined here'));
  }
  const h = handlers[0];
  if (!h) return;
  const info = cx.opts.externs.find((c) => c.name === 'core')?.adts.find((a) => a.name === 'PanicInfo' && a.path.join('::') === 'panic::PanicInfo');
  const d = h.def;
  const wrong = (span: Span, label: string) =>
    cx.emit(error('`#[panic_handler]` function has wrong type', 'E0308').primary(span, label).note('expected signature `for<\'a, \'b> fn(&\'a PanicInfo<\'b>) -> !`'));
  if (d.ret.kind !== 'never') {
    const sp = h.sig.ret ? h.sig.ret.span : closeParenSpan(cx, h);
    wrong(sp, `expected \`!\`, found \`${printTy(d.ret)}\``);
    return;
  }
  const p = d.params[0];
  const okParam = p && d.params.length === 1 && p.ty.kind === 'ref' && !p.ty.mut && (!info || (p.ty.to.kind === 'adt' && p.ty.to.def === info));
  if (!okParam) {
    if (d.params.length !== 1) {
      const start = trimStart(cx, h.span, d.span);
      const end = h.sig.ret ? h.sig.ret.span.hi : closeParenSpan(cx, h).hi;
      wrong({ lo: start.lo, hi: end }, 'incorrect number of function parameters');
      return;
    }
    const sp = h.sig.params[0]?.ty?.span ?? closeParenSpan(cx, h);
    wrong(sp, `expected \`&PanicInfo<'_>\`, found \`${printTy(p!.ty)}\``);
  }
}

/** An item's span from its first keyword (after `#[…]` attributes) on. */
function trimStart(cx: Cx, item: Span, ident: Span): Span {
  const text = cx.snippet({ lo: item.lo, hi: ident.lo });
  const m = /(?:^|\s)((?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:unsafe\s+)?(?:extern\s+"[^"]*"\s+)?fn\s+)$/.exec(text);
  return m ? { lo: ident.lo - m[1]!.length, hi: item.hi } : item;
}

/** Just after the parameter list's `)`, where rustc puts "expected `!`, found `()`". */
function closeParenSpan(cx: Cx, h: { span: Span; body?: ast.Block }): Span {
  const end = h.body ? h.body.span.lo : h.span.hi;
  const text = cx.snippet({ lo: h.span.lo, hi: end });
  const i = text.lastIndexOf(')');
  const at = i < 0 ? end : h.span.lo + i + 1;
  return { lo: at, hi: at };
}
