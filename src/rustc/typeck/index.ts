// analyzeCrate: name resolution and type checking of one crate, producing its definitions and
// the typed bodies (THIR) that the checking passes and lowering consume. It never throws: an
// internal failure in one item becomes an `internal compiler error` diagnostic for that item.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { hasAttr } from '../resolve/attrs.ts';
import { collectCrate } from '../resolve/collect.ts';
import { type AnalyzeOptions, Cx } from '../resolve/cx.ts';
import { resolveImports } from '../resolve/imports.ts';
import type { Span } from '../span/span.ts';
import type { CrateDef } from '../thir/defs.ts';
import { checkFnBody, checkStatic, ensureConstTy, evalArrayLen, evalConst, evalDiscr } from './bodies.ts';
import { collectImpls, lowerAdts, lowerFnSigs, lowerVariants, tyCtx } from './items.ts';
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
  cx.evalArrayLen = (e, scope, selfRes) => evalArrayLen(cx, e, scope, selfRes);
  cx.constValue = (d) => evalConst(cx, d);
  cx.constTy = (d) => ensureConstTy(cx, d);
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
  step(crate.span, () => collectCrate(cx, crate, fileName));
  if (!cx.root) return { crate: def, diagnostics: cx.sink.diagnostics };
  step(crate.span, () => resolveImports(cx));
  step(crate.span, () => lowerAdts(cx));
  step(crate.span, () => collectImpls(cx));
  step(crate.span, () => lowerFnSigs(cx));
  for (const s of cx.statics) step(s.def.span, () => ((s.def as { ty: unknown }).ty = lowerTy(cx, tyCtx(cx, s.scope), s.tyAst)));
  for (const c of cx.consts) step(c.def.span, () => ensureConstTy(cx, c.def));
  step(crate.span, () => lowerVariants(cx, (e, ty, scope) => evalDiscr(cx, e, ty, scope)));
  for (const c of cx.consts) step(c.def.span, () => evalConst(cx, c.def));
  for (const s of cx.statics) step(s.def.span, () => checkStatic(cx, s));
  for (const f of cx.fnItems) step(f.span, () => checkFnBody(cx, f));
  step(crate.span, () => checkCrateLevel(cx, crate));
  return { crate: def, diagnostics: cx.sink.diagnostics };
}

/** `main` for a bin crate without `#![no_main]` (E0601). */
function checkCrateLevel(cx: Cx, crate: ast.Crate): void {
  if (cx.opts.crateType !== 'bin' || hasAttr(crate.attrs, 'no_main')) return;
  if (cx.root.values.has('main')) return;
  const file = cx.opts.sourceMap.fileAt(crate.span.lo);
  const end = { lo: file.end, hi: file.end };
  cx.emit(
    error(`\`main\` function not found in crate \`${cx.crateName}\``, 'E0601')
      .primary(end, `consider adding a \`main\` function to \`${file.name}\``),
  );
}
