// `use` declarations: flattened to one directive per imported name, then resolved to a fixed
// point (an import may go through another module's imports). What is left is E0432.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import { define, publish } from './collect.ts';
import type { Cx } from './cx.ts';
import { lookupInScope, lookupLexical, memberOf } from './lookup.ts';
import { bestMatch, namesIn } from './similar.ts';
import { resolveSegs, type Seg } from './path.ts';
import { type ModScope, moduleOf, type Namespace, type Res } from './scope.ts';

interface Directive {
  scope: ModScope;
  segs: Seg[];
  global: boolean;
  /** The name bound (last segment or rename); absent for globs. */
  name?: string;
  nameSpan: Span;
  /** The span rustc underlines on failure (the path of this import). */
  span: Span;
  glob: boolean;
  pub: boolean;
}

function flatten(tree: ast.UseTree, prefix: Seg[], global: boolean, scope: ModScope, pub: boolean, out: Directive[]): void {
  const segs = [...prefix, ...tree.prefix.segments.map((s) => ({ name: s.ident.name, span: s.ident.span }))];
  const g = global || tree.prefix.global;
  if (tree.kind === 'simple') {
    let path = segs;
    // `use foo::{self}` imports `foo` itself.
    if (path.length > 1 && path[path.length - 1]!.name === 'self') path = path.slice(0, -1);
    const last = path[path.length - 1];
    if (!last) return;
    const name = tree.rename?.name ?? last.name;
    const span = prefix.length > 0 ? tree.span : tree.prefix.span;
    out.push({ scope, segs: path, global: g, name, nameSpan: tree.rename?.span ?? last.span, span, glob: false, pub });
  } else if (tree.kind === 'glob') {
    out.push({ scope, segs, global: g, nameSpan: tree.span, span: tree.span, glob: true, pub });
  } else {
    for (const t of tree.trees) flatten(t, segs, g, scope, pub, out);
  }
}

/** Resolves a directive's target in each namespace without reporting; undefined if none yet. */
function tryResolve(cx: Cx, d: Directive): Partial<Record<Namespace, Res>> | undefined {
  const n = d.segs.length;
  const found: Partial<Record<Namespace, Res>> = {};
  if (n === 1 && !d.glob) {
    for (const ns of ['type', 'value', 'macro'] as Namespace[]) {
      if (d.global) continue;
      const r = d.segs[0]!.name === 'crate' || d.segs[0]!.name === 'self' || d.segs[0]!.name === 'super' ? undefined : lookupLexicalExcept(cx, d, ns);
      if (r) found[ns] = r;
    }
    if (d.global) {
      const c = cx.extern(d.segs[0]!.name);
      if (c) found.type = { kind: 'crate', crate: c };
    }
    return Object.keys(found).length > 0 ? found : undefined;
  }
  const prefixSegs = d.glob ? d.segs : d.segs.slice(0, -1);
  const prefix = prefixSegs.length === 0 ? undefined : resolveSegs(cx, { scope: d.scope, report: false }, prefixSegs, d.global, 'type', 'module');
  if (!prefix) return undefined;
  if (d.glob) return { type: prefix };
  const name = d.segs[n - 1]!.name;
  for (const ns of ['type', 'value', 'macro'] as Namespace[]) {
    const r = memberOf(cx, prefix, name, ns);
    if (r) found[ns] = r;
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** `use foo;` must not find the very binding it is about to create. */
function lookupLexicalExcept(cx: Cx, d: Directive, ns: Namespace): Res | undefined {
  const own = lookupInScope(cx, d.scope, d.segs[0]!.name, ns);
  if (own) return undefined;
  return lookupLexical(cx, d.scope, d.segs[0]!.name, ns);
}

export function resolveImports(cx: Cx): void {
  const pending: Directive[] = [];
  for (const u of cx.uses) flatten(u.tree, [], false, u.scope, u.pub, pending);
  let progress = true;
  while (progress && pending.length > 0) {
    progress = false;
    for (let i = 0; i < pending.length; i++) {
      const d = pending[i]!;
      const found = tryResolve(cx, d);
      if (!found) continue;
      bind(cx, d, found);
      pending.splice(i--, 1);
      progress = true;
    }
  }
  for (const d of pending) reportUnresolved(cx, d);
}

function bind(cx: Cx, d: Directive, found: Partial<Record<Namespace, Res>>): void {
  if (d.glob) {
    const target = found.type!;
    if (target.kind !== 'mod' && target.kind !== 'crate' && !(target.kind === 'adt' && target.def.adtKind === 'enum')) {
      cx.unsupported('glob imports of this kind', d.span);
      return;
    }
    d.scope.globs.push({ target: target.kind === 'crate' ? { kind: 'mod', def: target.crate.root } : target, pub: d.pub });
    return;
  }
  if (d.name === '_') return;
  for (const ns of ['type', 'value', 'macro'] as Namespace[]) {
    const r = found[ns];
    if (!r) continue;
    if (r.kind === 'crate' && d.segs.length === 1) continue; // `use core;` changes nothing
    define(cx, d.scope, ns, d.name!, r, d.span, d.pub, ns === 'type' ? 'type' : ns === 'macro' ? 'macro' : 'value', true);
    if (d.pub && !d.scope.outer) publish(moduleOf(d.scope).def, ns, d.name!, r);
  }
}

function reportUnresolved(cx: Cx, d: Directive): void {
  const text = d.segs.map((s) => s.name).join('::');
  // Find how far the path resolves to name the failing segment as rustc does.
  const n = d.segs.length;
  let prefixRes: Res | undefined;
  let failAt = 0;
  for (let k = 1; k <= n - (d.glob ? 0 : 1); k++) {
    const r = resolveSegs(cx, { scope: d.scope, report: false }, d.segs.slice(0, k), d.global, 'type', 'module');
    if (!r) break;
    prefixRes = r;
    failAt = k;
  }
  if (!prefixRes) {
    const first = d.segs[0]!;
    if (n >= 3) {
      cx.emit(
        error(`cannot find module or crate \`${first.name}\` in this scope`, 'E0433')
          .primary(first.span, `use of unresolved module or unlinked crate \`${first.name}\``)
          .help(`you might be missing a crate named \`${first.name}\``),
      );
      return;
    }
    cx.emit(
      error(`unresolved import \`${first.name}\``, 'E0432')
        .primary(first.span, `use of unresolved module or unlinked crate \`${first.name}\``)
        .help(`you might be missing a crate named \`${first.name}\``),
    );
    return;
  }
  const failing = d.segs[failAt]!;
  const parentName = prefixRes.kind === 'crate' ? 'the root' : prefixRes.kind === 'mod' && prefixRes.def.path.length === 0 ? 'the root' : `\`${d.segs[failAt - 1]!.name}\``;
  const shown = failAt === n - 1 ? text : d.segs.slice(0, failAt + 1).map((s) => s.name).join('::');
  const e = error(`unresolved import \`${shown}\``, 'E0432').primary(d.span, `no \`${failing.name}\` in ${parentName}`);
  if (failAt === n - 1) {
    const names = (['type', 'value', 'macro'] as Namespace[]).flatMap((ns) => namesIn(cx, prefixRes, ns).map((c) => c.name));
    const similar = bestMatch(failing.name, names);
    if (similar) e.suggest(failing.span, 'a similar name exists in the module', similar, 'verbose', 'MaybeIncorrect');
  }
  cx.emit(e);
}
