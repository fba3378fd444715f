// First pass over the AST: one definition object per item, entered in its module's scope and
// namespaces (duplicates are E0428), modules loaded (`mod foo;` through the driver's
// loadModule), items nested in function bodies given block scopes. Signatures, fields and
// bodies come later (typeck), once every name exists.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import { mangle } from '../codegen/x86_64/mangle.ts';
import { parseCrate } from '../index.ts';
import type { Span } from '../span/span.ts';
import type { AdtDef, ConstDef, FnDef, ModuleDef, StaticDef } from '../thir/defs.ts';
import { UNIT, type Ty } from '../thir/ty.ts';
import { attrValue, findAttr, hasAttr, isPub } from './attrs.ts';
import { type Cx, withoutAttrs } from './cx.ts';
import { type Binding, type ModScope, type Namespace, type Res, newScope, nsMap } from './scope.ts';

const NS_WORD: Record<Namespace, string> = { type: 'type', value: 'value', macro: 'macro' };

/** Enters `name` in a scope; reports E0428 when the namespace already has it. */
export function define(cx: Cx, scope: ModScope, ns: Namespace, name: string, res: Res, span: Span, pub: boolean, kindWord: string, imported = false): void {
  const map = nsMap(scope, ns);
  const prev = map.get(name);
  if (prev && imported) {
    cx.emit(
      error(`the name \`${name}\` is defined multiple times`, 'E0252')
        .secondary(prev.span, `previous ${prev.imported ? 'import' : 'definition'} of the ${kindWord} \`${name}\` here`)
        .primary(span, `\`${name}\` reimported here`)
        .note(`\`${name}\` must be defined only once in the ${NS_WORD[ns]} namespace of this module`),
    );
    return;
  }
  if (prev) {
    cx.emit(
      error(`the name \`${name}\` is defined multiple times`, 'E0428')
        .secondary(prev.span, `previous definition of the ${kindWord} \`${name}\` here`)
        .primary(span, `\`${name}\` redefined here`)
        .note(`\`${name}\` must be defined only once in the ${NS_WORD[ns]} namespace of this ${scope.outer ? 'block' : 'module'}`),
    );
    return;
  }
  const b: Binding = { res, span, pub, ...(imported ? { imported } : {}) };
  map.set(name, b);
  if (pub && !scope.outer) publish(scope.def, ns, name, res);
}

/** Public names are what other crates see in ModuleDef. */
export function publish(def: ModuleDef, ns: Namespace, name: string, res: Res): void {
  if (ns === 'type' && (res.kind === 'mod' || res.kind === 'adt')) def.types.set(name, res.def);
  if (ns === 'value' && (res.kind === 'fn' || res.kind === 'static' || res.kind === 'const')) def.values.set(name, res.def);
}

/**
 * rustc's "def span" of an item: from its first keyword (after attributes) to the end of its
 * signature (`fn print()`, `pub struct Foo`), where E0428 points.
 */
export function itemHeaderSpan(cx: Cx, item: ast.Item): Span {
  let lo = item.span.lo;
  for (const a of item.attrs) lo = Math.max(lo, a.span.hi);
  const text = cx.snippet({ lo, hi: item.span.hi });
  lo += text.length - text.trimStart().length;
  let hi = 'ident' in item ? item.ident.span.hi : item.span.hi;
  if (item.kind === 'fn') {
    const end = item.body ? item.body.span.lo : item.span.hi;
    const sig = cx.snippet({ lo, hi: end });
    hi = lo + sig.trimEnd().replace(/;$/, '').trimEnd().length;
  }
  return { lo, hi };
}

export function newModuleDef(cx: Cx, name: string, path: readonly string[], span: Span): ModuleDef {
  return { kind: 'mod', crate: cx.crateName, path, span, name, types: new Map(), values: new Map() };
}

export function collectCrate(cx: Cx, crate: ast.Crate, fileName: string): void {
  const def = newModuleDef(cx, cx.crateName, [], crate.span);
  cx.root = newScope(def, []);
  (cx.crate as { root: ModuleDef }).root = def;
  collectItems(cx, cx.root, crate.items, fileName, true);
}

/** Kind words rustc uses in "previous definition of the … here". */
const KIND_WORD: Record<string, string> = { fn: 'value', struct: 'type', enum: 'type', mod: 'module', static: 'value', const: 'value', union: 'type' };

function collectItems(cx: Cx, scope: ModScope, items: readonly ast.Item[], fileName: string, dirOwner: boolean): void {
  for (const item of items) {
    try {
      collectItem(cx, scope, item, fileName, dirOwner);
    } catch (e) {
      cx.emit(error(`internal compiler error: ${e instanceof Error ? e.message : String(e)}`).primary(item.span));
    }
  }
}

function hasTypeParams(g: ast.Generics | undefined): boolean {
  return !!g && g.params.some((p) => p.kind !== 'lifetime');
}

export function makeFnDef(cx: Cx, scope: ModScope, item: ast.Item & { kind: 'fn' }, path: readonly string[], opts: { foreignAbi?: string; implSelf?: Ty; methodOf?: boolean }): FnDef {
  const sig = item.sig;
  const noMangle = hasAttr(item.attrs, 'no_mangle') || hasAttr(item.attrs, 'unsafe::no_mangle') || item.attrs.some((a) => a.unsafe && a.tts.length > 0 && a.path.segments[0]?.ident.name === 'unsafe' && JSON.stringify(a.tts).includes('"no_mangle"'));
  const panicHandler = hasAttr(item.attrs, 'panic_handler');
  const foreign = opts.foreignAbi !== undefined;
  const abiStr = foreign ? opts.foreignAbi : sig.abi ?? (sig.extern ? 'C' : 'Rust');
  const abi: 'Rust' | 'C' = abiStr === 'Rust' ? 'Rust' : 'C';
  const intrinsic = hasAttr(item.attrs, 'rustc_intrinsic') ? item.ident.name : undefined;
  const pub = isPub(item.vis);
  const plain = panicHandler ? 'rust_begin_unwind' : noMangle || foreign ? item.ident.name : undefined;
  const def: FnDef = {
    kind: 'fn',
    crate: cx.crateName,
    path,
    span: item.ident.span,
    name: item.ident.name,
    symbol: plain ?? '',
    params: [],
    ret: UNIT,
    unsafe: sig.unsafe || (foreign && !sig.safe),
    abi,
    foreign,
    noMangle,
    exported: noMangle || panicHandler || (cx.opts.crateType === 'lib' && pub) || (abi === 'C' && pub && !foreign),
    panicHandler,
    constFn: sig.const,
    ...(intrinsic ? { intrinsic } : {}),
    ...(opts.implSelf ? { implFor: opts.implSelf } : {}),
  };
  if (plain === undefined) lazySymbol(def, cx.crateName, path);
  featureGate(cx, item.attrs, 'lang', 'lang_items', 'lang items are subject to change');
  featureGate(cx, item.attrs, 'rustc_intrinsic', 'intrinsics', 'the `#[rustc_intrinsic]` attribute is used to declare intrinsics as function items');
  if (hasAttr(item.attrs, 'lang') && attrValue(findAttr(item.attrs, 'lang')!) === 'panic') cx.crate.panicEntry = def;
  if (panicHandler) cx.crate.panicHandler = def;
  cx.crate.fns.push(def);
  return def;
}

function collectItem(cx: Cx, scope: ModScope, item: ast.Item, fileName: string, dirOwner: boolean): void {
  const pub = isPub(item.vis);
  const path = (name: string) => [...scope.path, name];
  switch (item.kind) {
    case 'fn': {
      if (hasTypeParams(item.generics)) return refuseItem(cx, scope, item, 'value', 'generic functions', item.generics.span);
      const def = makeFnDef(cx, scope, item, path(item.ident.name), {});
      define(cx, scope, 'value', item.ident.name, { kind: 'fn', def }, itemHeaderSpan(cx, item), pub, 'value');
      cx.fnItems.push({ def, sig: item.sig, generics: item.generics, body: item.body, scope, span: item.span });
      if (item.body) collectBlockItems(cx, scope, item.body, [...scope.path, item.ident.name], fileName);
      return;
    }
    case 'struct':
    case 'enum': {
      if (hasTypeParams(item.generics)) {
        refuseItem(cx, scope, item, 'type', item.kind === 'struct' ? 'generic structs' : 'generic enums', item.generics.span);
        if (item.kind === 'struct' && item.data.kind !== 'struct') define(cx, scope, 'value', item.ident.name, { kind: 'unsupported', what: 'generic structs', silent: true }, item.ident.span, false, 'value');
        return;
      }
      const def: AdtDef = {
        kind: 'adt',
        crate: cx.crateName,
        path: path(item.ident.name),
        span: item.ident.span,
        name: item.ident.name,
        adtKind: item.kind,
        ...(item.kind === 'struct' ? { structKind: item.data.kind === 'struct' ? ('named' as const) : item.data.kind } : {}),
        repr: 'Rust',
        derives: [],
        fields: [],
        variants: [],
        methods: new Map(),
        assocConsts: new Map(),
      };
      // Variant names exist from the start so that `use Color::Red` resolves; their
      // discriminants are evaluated later (typeck/items.ts lowerVariants).
      if (item.kind === 'enum') def.variants = item.variants.filter((v) => v.data.kind === 'unit').map((v, i) => ({ name: v.ident.name, discr: BigInt(i), span: v.ident.span }));
      cx.crate.adts.push(def);
      cx.adts.push({ def, item, scope });
      cx.adtScopes.set(def, scope);
      define(cx, scope, 'type', item.ident.name, { kind: 'adt', def }, itemHeaderSpan(cx, item), pub, 'type');
      if (item.kind === 'struct' && item.data.kind !== 'struct') define(cx, scope, 'value', item.ident.name, { kind: 'ctor', def }, item.ident.span, pub, 'value');
      return;
    }
    case 'static': {
      const noMangle = hasAttr(item.attrs, 'no_mangle');
      const def: StaticDef = {
        kind: 'static',
        crate: cx.crateName,
        path: path(item.ident.name),
        span: item.ident.span,
        name: item.ident.name,
        symbol: noMangle ? item.ident.name : mangle(cx.crateName, path(item.ident.name)),
        ty: UNIT,
        mut: item.mut,
        exported: noMangle || (cx.opts.crateType === 'lib' && pub),
      };
      cx.crate.statics.push(def);
      const si = { def, tyAst: item.ty, expr: item.expr, scope, itemLo: withoutAttrs(item).lo };
      cx.statics.push(si);
      cx.staticItems.set(def, si);
      define(cx, scope, 'value', item.ident.name, { kind: 'static', def }, item.ident.span, pub, 'value');
      return;
    }
    case 'const': {
      if (item.ident.name === '_') return;
      const def = makeConstDef(cx, path(item.ident.name), item.ident);
      const ci = { def, tyAst: item.ty, expr: item.expr, scope, itemLo: withoutAttrs(item).lo };
      cx.consts.push(ci);
      cx.constItems.set(def, ci);
      define(cx, scope, 'value', item.ident.name, { kind: 'const', def }, item.ident.span, pub, 'value');
      return;
    }
    case 'mod': {
      const def = newModuleDef(cx, item.ident.name, path(item.ident.name), item.ident.span);
      const child = newScope(def, def.path, scope);
      define(cx, scope, 'type', item.ident.name, { kind: 'mod', def, scope: child }, itemHeaderSpan(cx, item), pub, 'module');
      if (item.items) {
        collectItems(cx, child, item.items, fileName, false);
        return;
      }
      loadOutOfLine(cx, child, item, fileName, dirOwner);
      return;
    }
    case 'use':
      cx.uses.push({ tree: item.tree, scope, pub });
      return;
    case 'impl':
      if (item.trait) {
        for (const it of item.items) if (it.kind === 'fn') cx.refusedMethods.add(it.ident.name);
        return cx.unsupported('trait implementations', item.span);
      }
      if (hasTypeParams(item.generics)) return cx.unsupported('generic impl blocks', item.generics.span);
      cx.impls.push({ item, scope });
      return;
    case 'externBlock':
      collectExternBlock(cx, scope, item);
      return;
    case 'externCrate':
      if (!cx.extern(item.name.name) && item.name.name !== 'self') cx.emit(error(`can't find crate for \`${item.name.name}\``, 'E0463').primary(item.span, "can't find crate"));
      else if (item.rename) cx.unsupported('renamed extern crates', item.span);
      return;
    case 'union':
      return refuseItem(cx, scope, item, 'type', 'unions', item.span);
    case 'trait':
    case 'traitAlias':
      if (item.kind === 'trait') {
        for (const it of item.items) if (it.kind === 'fn') cx.refusedMethods.add(it.ident.name);
        return refuseItem(cx, scope, item, 'type', 'traits', item.span);
      }
      return cx.unsupported('traits', item.span);
    case 'type':
      return refuseItem(cx, scope, item, 'type', 'type aliases', item.span);
    case 'macroRules':
      return refuseItem(cx, scope, item, 'macro', '`macro_rules!` macros', item.span);
    case 'macCall': {
      const name = item.mac.path.segments.map((s) => s.ident.name).join('::');
      if (name === 'global_asm' || name.endsWith('::global_asm')) return cx.unsupported('`global_asm!`', item.span);
      return cx.unsupported(`the \`${name}!\` macro`, item.span);
    }
  }
}

/** E0658 for an attribute behind a feature gate the crate did not enable. */
function featureGate(cx: Cx, attrs: readonly ast.Attribute[], attr: string, feature: string, message: string): void {
  const a = findAttr(attrs, attr);
  if (!a || cx.features.has(feature)) return;
  cx.emit(error(message, 'E0658').primary(a.span).help(`add \`#![feature(${feature})]\` to the crate attributes to enable`));
}

/** Mangled names are computed when first read: most of core's functions are never linked. */
function lazySymbol(def: object, crate: string, path: readonly string[]): void {
  let cached: string | undefined;
  Object.defineProperty(def, 'symbol', { get: () => (cached ??= mangle(crate, path)), enumerable: true, configurable: true });
}

/**
 * Reports an item outside the subset once, where it is declared, and enters its name as a quiet
 * placeholder so that its uses do not add "cannot find" errors.
 */
function refuseItem(cx: Cx, scope: ModScope, item: ast.Item, ns: Namespace, what: string, span: Span): void {
  cx.unsupported(what, span);
  const ident = 'ident' in item ? (item.ident as ast.Ident) : undefined;
  if (ident) define(cx, scope, ns, ident.name, { kind: 'unsupported', what, silent: true }, ident.span, isPub(item.vis), ns === 'type' ? 'type' : 'value');
}

export function makeConstDef(cx: Cx, path: readonly string[], ident: ast.Ident): ConstDef {
  const def: ConstDef = { kind: 'const', crate: cx.crateName, path, span: ident.span, name: ident.name, ty: UNIT };
  cx.crate.consts.push(def);
  return def;
}

function collectExternBlock(cx: Cx, scope: ModScope, item: ast.Item & { kind: 'externBlock' }): void {
  const abi = item.abi ?? 'C';
  if (abi !== 'C' && abi !== 'Rust') return cx.unsupported(`the \`extern "${abi}"\` ABI`, item.span);
  for (const it of item.items) {
    if (it.kind === 'fn') {
      if (hasTypeParams(it.generics)) {
        cx.unsupported('generic functions', it.generics.span);
        continue;
      }
      if (it.sig.variadic) {
        cx.unsupported('variadic functions', it.span);
        continue;
      }
      const def = makeFnDef(cx, scope, it, [...scope.path, it.ident.name], { foreignAbi: abi });
      define(cx, scope, 'value', it.ident.name, { kind: 'fn', def }, it.ident.span, isPub(it.vis), 'value');
      cx.fnItems.push({ def, sig: it.sig, scope, span: it.span });
    } else if (it.kind === 'static') {
      const def: StaticDef = { kind: 'static', crate: cx.crateName, path: [...scope.path, it.ident.name], span: it.ident.span, name: it.ident.name, symbol: it.ident.name, ty: UNIT, mut: it.mut, exported: false };
      cx.crate.statics.push(def);
      const si = { def, tyAst: it.ty, scope };
      cx.statics.push(si);
      cx.staticItems.set(def, si);
      define(cx, scope, 'value', it.ident.name, { kind: 'static', def }, it.ident.span, isPub(it.vis), 'value');
    } else cx.unsupported('this item in an `extern` block', it.span);
  }
}

function dirOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i < 0 ? '' : file.slice(0, i + 1);
}

function loadOutOfLine(cx: Cx, child: ModScope, item: ast.Item & { kind: 'mod' }, fileName: string, dirOwner: boolean): void {
  const name = item.ident.name;
  // A crate root or mod.rs owns its directory; `src/foo.rs` puts its children in `src/foo/`.
  const base = dirOwner ? dirOf(fileName) : fileName.replace(/\.rs$/, '/');
  const candidates = [`${base}${name}.rs`, `${base}${name}/mod.rs`];
  for (const file of candidates) {
    const src = cx.opts.loadModule?.(file);
    if (src === undefined) continue;
    const parsed = parseCrate(src, file, { sourceMap: cx.opts.sourceMap });
    for (const d of parsed.diagnostics) cx.emit(d);
    collectItems(cx, child, parsed.ast.items, file, file.endsWith('/mod.rs'));
    return;
  }
  cx.emit(
    error(`file not found for module \`${name}\``, 'E0583')
      .primary(item.span)
      .help(`to create the module \`${name}\`, create file "${candidates[0]}" or "${candidates[1]}"`)
      .note(`if there is a \`mod ${name}\` elsewhere in the crate already, import it with \`use crate::...\` instead`),
  );
}

/**
 * Items declared inside a function body live in an anonymous scope per block; the walk finds
 * every block (in any nested expression) that declares one.
 */
function collectBlockItems(cx: Cx, scope: ModScope, body: ast.Block, fnPath: readonly string[], fileName: string): void {
  const visit = (node: unknown, outer: ModScope): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, outer);
      return;
    }
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.stmts) && 'span' in o && !('kind' in o)) {
      const block = o as unknown as ast.Block;
      const items = block.stmts.filter((s): s is ast.Stmt & { kind: 'item' } => s.kind === 'item').map((s) => s.item);
      let inner = outer;
      if (items.length > 0) {
        inner = newScope(scope.def, fnPath, scope.parent, outer);
        cx.blockScopes.set(block, inner);
        collectItems(cx, inner, items, fileName, false);
      }
      for (const s of block.stmts) if (s.kind !== 'item') visit(s, inner);
      return;
    }
    for (const k in o) if (k !== 'span' && k !== 'lit' && k !== 'attrs') visit(o[k], outer);
  };
  visit(body, scope);
}
