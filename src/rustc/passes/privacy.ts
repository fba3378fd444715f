// The private_interfaces lint: a function, static or constant reachable from outside the crate
// (`pub` along its whole path) whose type names a struct or enum that is not. rustc reports it
// at the item's header with a note at the private type.
import type { Item } from '../ast/ast.ts';
import { warning } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import type { AdtDef } from '../thir/defs.ts';
import type { Ty } from '../thir/ty.ts';
import { textOf, type PassContext } from './context.ts';
import { collectAst, type AstInfo } from './dead-code.ts';

function adtsIn(t: Ty, out: AdtDef[]): AdtDef[] {
  switch (t.kind) {
    case 'adt':
      out.push(t.def);
      break;
    case 'ref':
    case 'ptr':
      adtsIn(t.to, out);
      break;
    case 'array':
    case 'slice':
      adtsIn(t.elem, out);
      break;
    case 'tuple':
      t.elems.forEach((e) => adtsIn(e, out));
      break;
    case 'fnPtr':
      t.params.forEach((e) => adtsIn(e, out));
      adtsIn(t.ret, out);
      break;
    default:
      break;
  }
  return out;
}

/** From the item's start to the end of its signature (before the body or the `=`). */
function headerSpan(ctx: PassContext, it: Item): Span {
  const end = it.kind === 'fn' && it.body ? it.body.span.lo : (it.kind === 'static' || it.kind === 'const') ? it.ty.span.hi : it.span.hi;
  const text = textOf(ctx, { lo: it.span.lo, hi: end });
  const attrEnd = it.attrs.filter((a) => !a.inner).reduce((m, a) => Math.max(m, a.span.hi), it.span.lo);
  const lead = textOf(ctx, { lo: attrEnd, hi: end });
  const start = attrEnd + (lead.length - lead.trimStart().length);
  return { lo: Math.max(start, it.span.lo), hi: it.span.lo + text.trimEnd().length };
}

export function privateInterfaces(ctx: PassContext): void {
  const ast = new Map<number, AstInfo>();
  collectAst(ctx.ast.items, true, ast);
  const isPublic = (d: AdtDef): boolean => ast.get(d.span.lo)?.reachable ?? true;
  const items: Array<{ span: Span; name: string; what: string; tys: Ty[] }> = [];
  for (const f of ctx.crate.fns) if (f.crate === ctx.crate.name && !f.foreign) items.push({ span: f.span, name: f.name, what: f.selfKind ? 'method' : f.implFor ? 'associated function' : 'function', tys: [...f.params.map((p) => p.ty), f.ret] });
  for (const s of ctx.crate.statics) if (s.crate === ctx.crate.name) items.push({ span: s.span, name: s.name, what: 'static', tys: [s.ty] });
  for (const c of ctx.crate.consts) if (c.crate === ctx.crate.name) items.push({ span: c.span, name: c.name, what: 'constant', tys: [c.ty] });
  items.sort((a, b) => a.span.lo - b.span.lo);
  for (const x of items) {
    const info = ast.get(x.span.lo);
    if (!info?.reachable || info.item.vis.kind !== 'pub') continue;
    const priv = x.tys.flatMap((t) => adtsIn(t, [])).find((d) => d.crate === ctx.crate.name && !isPublic(d));
    if (!priv) continue;
    const privItem = ast.get(priv.span.lo)?.item;
    const header = headerSpan(ctx, info.item);
    const d = warning(`type \`${priv.name}\` is more private than the item \`${x.name}\``).primary(header, `${x.what} \`${x.name}\` is reachable at visibility \`pub\``);
    if (privItem) d.spanNote({ lo: headerSpan(ctx, privItem).lo, hi: priv.span.hi }, `but type \`${priv.name}\` is only usable at visibility \`pub(crate)\``);
    ctx.lints.emit('private_interfaces', header, d);
  }
}
