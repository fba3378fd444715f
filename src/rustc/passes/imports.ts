// The unused_imports lint, which rustc reports while resolving names (so before every other
// lint): a `use` whose imported name no path in the crate starts with. One warning per `use`
// item, naming its unused leaves ("unused imports: `self` and `write_volatile`"). Re-exports
// (`pub use`) and glob imports are left alone.
import type { Item, MacCall, Path, TokenTree, UseTree } from '../ast/ast.ts';
import { warning } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import { walkCrate } from './ast-walk.ts';
import { textOf, type PassContext } from './context.ts';

interface Leaf {
  /** The name the import brings into scope. */
  readonly name: string;
  /** What rustc quotes and underlines. */
  readonly span: Span;
}

function leaves(tree: UseTree, parent: string | undefined, out: Leaf[]): Leaf[] {
  switch (tree.kind) {
    case 'simple': {
      const segs = tree.prefix.segments;
      const last = segs[segs.length - 1];
      if (!last) break;
      // `{self}` imports the module the braces are in.
      const own = last.ident.name === 'self' && segs.length === 1 ? parent : last.ident.name;
      const name = tree.rename?.name ?? own;
      if (name) out.push({ name, span: tree.span });
      break;
    }
    case 'nested': {
      const segs = tree.prefix.segments;
      const prefixLast = segs[segs.length - 1]?.ident.name ?? parent;
      for (const t of tree.trees) leaves(t, prefixLast, out);
      break;
    }
    default:
      break;
  }
  return out;
}

/** Names inside macro arguments count as uses (typeck expands the macros we support). */
function tokenNames(tts: readonly TokenTree[], out: Set<string>): void {
  for (const t of tts) {
    if (t.kind === 'group') tokenNames(t.tts, out);
    else if (t.kind === 'ident') out.add(t.text);
  }
}

export function unusedImports(ctx: PassContext): void {
  const used = new Set<string>();
  const path = (p: Path): void => {
    const first = p.segments[0];
    if (first) used.add(first.ident.name);
  };
  const mac = (m: MacCall): void => {
    path(m.path);
    tokenNames(m.tts, used);
  };
  const uses: Item[] = [];
  walkCrate(ctx.ast, {
    item: (it) => {
      if (it.kind === 'use') uses.push(it);
      if (it.kind === 'impl') typePaths(it.selfTy, path);
      if (it.kind === 'fn') {
        for (const p of it.sig.params) if (p.ty) typePaths(p.ty, path);
        if (it.sig.ret) typePaths(it.sig.ret, path);
      }
      if (it.kind === 'static' || it.kind === 'const') typePaths(it.ty, path);
      if (it.kind === 'struct' && it.data.kind !== 'unit') for (const f of it.data.fields) typePaths(f.ty, path);
      if (it.kind === 'macCall') mac(it.mac);
    },
    stmt: (s) => {
      if (s.kind === 'let' && s.ty) typePaths(s.ty, path);
    },
    expr: (e) => {
      if (e.kind === 'path' || e.kind === 'struct') path(e.path);
      if (e.kind === 'cast') typePaths(e.ty, path);
      if (e.kind === 'macro') mac(e.mac);
      if (e.kind === 'methodCall') e.seg.args?.kind === 'angle' && e.seg.args.args.forEach((a) => a.kind === 'type' && typePaths(a.ty, path));
      if (e.kind === 'path') for (const seg of e.path.segments) if (seg.args?.kind === 'angle') for (const a of seg.args.args) if (a.kind === 'type') typePaths(a.ty, path);
    },
    pat: (p) => {
      if (p.kind === 'path' || p.kind === 'tupleStruct' || p.kind === 'struct') path(p.path);
      if (p.kind === 'ident') used.add(p.ident.name);
    },
  });
  for (const u of uses) {
    if (u.kind !== 'use' || u.vis.kind !== 'inherited') continue;
    const unused = leaves(u.tree, undefined, []).filter((l) => !used.has(l.name) && !l.name.startsWith('_'));
    if (unused.length === 0) continue;
    const names = unused.map((l) => `\`${textOf(ctx, l.span)}\``);
    const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const d = warning(`unused import${names.length === 1 ? '' : 's'}: ${list}`);
    for (const l of unused) d.primary(l.span);
    ctx.lints.emit('unused_imports', u.span, d);
  }
}

/** Calls `f` on every path in a type (`&PanicInfo`, `[Color; 4]`, `*mut Buffer`). */
function typePaths(t: import('../ast/ast.ts').Type, f: (p: Path) => void): void {
  switch (t.kind) {
    case 'path':
      f(t.path);
      for (const s of t.path.segments) if (s.args?.kind === 'angle') for (const a of s.args.args) if (a.kind === 'type') typePaths(a.ty, f);
      break;
    case 'ref':
    case 'ptr':
    case 'slice':
    case 'paren':
    case 'array':
      typePaths(t.ty, f);
      break;
    case 'tuple':
      t.elems.forEach((e) => typePaths(e, f));
      break;
    case 'fn':
      t.params.forEach((p) => typePaths(p.ty, f));
      if (t.ret) typePaths(t.ret, f);
      break;
    default:
      break;
  }
}
