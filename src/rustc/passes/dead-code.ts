// The dead_code lint: items that nothing live uses. Live roots are what can be reached from
// outside the crate (public items along a public path), `#[no_mangle]` items, the
// `#[panic_handler]` and `main` of a binary; from them, everything their bodies call, read or
// construct is live. Reported as rustc groups them: the unused methods of one `impl` in one
// warning, the never-constructed variants of one enum, the never-read fields of one struct.
import type { Attribute, Item } from '../ast/ast.ts';
import { warning, type DiagBuilder } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import type { AdtDef, ConstDef, FnDef, StaticDef } from '../thir/defs.ts';
import type { ConstValue, Expr, Pat } from '../thir/thir.ts';
import type { Ty } from '../thir/ty.ts';
import type { PassContext } from './context.ts';
import { ThirVisitor } from './visit.ts';

const hasAttr = (attrs: readonly Attribute[], name: string): boolean =>
  attrs.some((a) => a.doc === undefined && a.path.segments.length === 1 && a.path.segments[0]!.ident.name === name);

export interface AstInfo {
  readonly item: Item;
  /** Public along its whole path from the crate root. */
  readonly reachable: boolean;
  /** The `impl` block holding it, if any. */
  readonly impl?: Item & { kind: 'impl' };
}

/** "`a`", "`a` and `b`", "`a`, `b`, and `c`" (rustc's list for dead items). */
function listNames(names: readonly string[]): string {
  const q = names.map((n) => `\`${n}\``);
  if (q.length <= 1) return q.join('');
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

export function collectAst(items: readonly Item[], reachable: boolean, out: Map<number, AstInfo>, impl?: Item & { kind: 'impl' }): void {
  for (const it of items) {
    const pub = it.vis.kind === 'pub';
    const r = reachable && (pub || (impl !== undefined && impl.trait !== undefined));
    switch (it.kind) {
      case 'fn':
      case 'static':
      case 'const':
      case 'struct':
      case 'enum':
      case 'union':
        out.set(it.ident.span.lo, { item: it, reachable: r, impl });
        break;
      case 'mod':
        collectAst(it.items ?? [], r, out);
        break;
      case 'impl':
        // Methods are reachable when public and their type is; the subset's types are local, so their visibility decides.
        collectAst(it.items, reachable, out, it);
        break;
      case 'externBlock':
        collectAst(it.items, true, out);
        break;
      default:
        break;
    }
  }
}

class Liveness extends ThirVisitor {
  readonly liveFns = new Set<FnDef>();
  readonly liveStatics = new Set<StaticDef | ConstDef>();
  readonly constructed = new Set<AdtDef>();
  readonly usedAdts = new Set<AdtDef>();
  readonly builtVariants = new Set<string>();
  readonly readFields = new Set<string>();
  private readonly work: Array<() => void> = [];

  markFn(f: FnDef): void {
    if (this.liveFns.has(f)) return;
    this.liveFns.add(f);
    for (const p of f.params) this.useTy(p.ty);
    this.useTy(f.ret);
    if (f.implFor) this.useTy(f.implFor);
    if (f.body) {
      const body = f.body;
      this.work.push(() => {
        for (const l of body.locals) this.useTy(l.ty);
        for (const p of body.params) this.visitPat(p);
        this.visitBlock(body.block);
      });
    }
  }

  markStatic(s: StaticDef | ConstDef): void {
    if (this.liveStatics.has(s)) return;
    this.liveStatics.add(s);
    this.useTy(s.ty);
    const init = s.init;
    if (init) this.work.push(() => this.visitExpr(init));
    if (s.value) this.constValue(s.value);
  }

  run(): void {
    while (this.work.length > 0) this.work.pop()!();
  }

  useTy(t: Ty): void {
    switch (t.kind) {
      case 'adt':
        this.usedAdts.add(t.def);
        break;
      case 'ref':
      case 'ptr':
        this.useTy(t.to);
        break;
      case 'array':
      case 'slice':
        this.useTy(t.elem);
        break;
      case 'tuple':
        t.elems.forEach((e) => this.useTy(e));
        break;
      case 'fnDef':
        this.markFn(t.def);
        break;
      default:
        break;
    }
  }

  constValue(v: ConstValue): void {
    switch (v.kind) {
      case 'variant':
        this.builtVariants.add(`${v.adt.span.lo}:${v.index}`);
        this.usedAdts.add(v.adt);
        break;
      case 'aggregate':
        v.fields.forEach((f) => this.constValue(f));
        break;
      case 'ref':
        this.constValue(v.to);
        break;
      case 'staticRef':
        this.markStatic(v.def);
        break;
      case 'fn':
        this.markFn(v.def);
        break;
      default:
        break;
    }
  }

  override visitPat(p: Pat): void {
    if (p.kind === 'struct' && p.ty.kind === 'adt') {
      for (const f of p.fields) if (f.pat.kind !== 'wild') this.readFields.add(`${p.ty.def.span.lo}:${f.index}`);
    }
    if (p.kind === 'const') this.constValue(p.value);
    super.visitPat(p);
  }

  /** Reads of fields (not the target of an assignment). */
  private readField(e: Expr): void {
    if (e.kind === 'field') {
      const base = e.base.ty;
      if (base.kind === 'adt') this.readFields.add(`${base.def.span.lo}:${e.index}`);
    }
  }

  override visitExpr(e: Expr): void {
    this.useTy(e.ty);
    switch (e.kind) {
      case 'call':
        this.markFn(e.callee);
        break;
      case 'fnItem':
        this.markFn(e.def);
        break;
      case 'static':
        this.markStatic(e.def);
        break;
      case 'const':
        this.markStatic(e.def);
        break;
      case 'variant':
        this.builtVariants.add(`${e.adt.span.lo}:${e.index}`);
        break;
      case 'struct':
        this.constructed.add(e.adt);
        break;
      case 'lit':
        this.constValue(e.value);
        break;
      case 'field':
        this.readField(e);
        break;
      case 'assign':
      case 'assignOp': {
        // Writing a field is not reading it; the base place itself is still walked.
        let place = e.place;
        if (e.kind === 'assign' && place.kind === 'field') {
          this.visitExpr(place.base);
          this.visitExpr(e.value);
          return;
        }
        void place;
        break;
      }
      default:
        break;
    }
    this.walkExpr(e);
  }
}

export function deadCode(ctx: PassContext): void {
  const { crate } = ctx;
  const ast = new Map<number, AstInfo>();
  collectAst(ctx.ast.items, true, ast);
  const noMain = ctx.ast.attrs.some((a) => a.inner && a.path.segments.length === 1 && a.path.segments[0]!.ident.name === 'no_main');
  const info = (s: Span): AstInfo | undefined => ast.get(s.lo);
  const live = new Liveness();
  const local = <T extends { crate: string }>(xs: readonly T[]): T[] => xs.filter((x) => x.crate === crate.name);

  for (const f of local(crate.fns)) {
    const a = info(f.span);
    const root = f.foreign || f.noMangle || f.panicHandler || f.exported || a?.reachable || (a && hasAttr(a.item.attrs, 'no_mangle')) || (ctx.crateType === 'bin' && !noMain && f.name === 'main' && f.path.length === 1);
    if (root) live.markFn(f);
  }
  for (const s of [...local(crate.statics), ...local(crate.consts)]) {
    const a = info(s.span);
    if (a?.reachable || (s.kind === 'static' && (s.exported || s.init === undefined)) || (a && (hasAttr(a.item.attrs, 'no_mangle') || hasAttr(a.item.attrs, 'used')))) live.markStatic(s);
    // `const _: T = …;` is never reported.
    if (s.name === '_') live.markStatic(s);
  }
  const pubAdts = new Set<AdtDef>();
  for (const d of local(crate.adts)) {
    if (info(d.span)?.reachable) {
      pubAdts.add(d);
      live.constructed.add(d);
      live.usedAdts.add(d);
    }
  }
  live.run();

  const found: Array<{ at: number; lintAt: Span; d: DiagBuilder }> = [];
  const add = (lintAt: Span, d: DiagBuilder): void => {
    found.push({ at: d.diag.spans.find((s) => s.primary)?.span.lo ?? lintAt.lo, lintAt, d });
  };

  // Functions outside impls, statics, consts.
  const implGroups = new Map<Item, Array<{ f: FnDef | ConstDef; kind: string }>>();
  for (const f of local(crate.fns)) {
    if (live.liveFns.has(f) || f.name.startsWith('_')) continue;
    const a = info(f.span);
    if (a?.impl) {
      const g = implGroups.get(a.impl) ?? [];
      g.push({ f, kind: f.selfKind ? 'method' : 'associated function' });
      implGroups.set(a.impl, g);
      continue;
    }
    add(f.span, warning(`function \`${f.name}\` is never used`).primary(f.span));
  }
  for (const s of [...local(crate.statics), ...local(crate.consts)]) {
    if (live.liveStatics.has(s) || s.name.startsWith('_')) continue;
    const a = info(s.span);
    if (a?.impl && s.kind === 'const') {
      const g = implGroups.get(a.impl) ?? [];
      g.push({ f: s, kind: 'associated constant' });
      implGroups.set(a.impl, g);
      continue;
    }
    add(s.span, warning(`${s.kind === 'static' ? 'static' : 'constant'} \`${s.name}\` is never used`).primary(s.span));
  }
  for (const [impl, g] of implGroups) {
    g.sort((a, b) => a.f.span.lo - b.f.span.lo);
    const kinds = new Set(g.map((x) => x.kind));
    const kind = kinds.size === 1 ? g[0]!.kind : 'associated item';
    const plural = g.length > 1 ? `${kind}s` : kind;
    const d = warning(`${plural} ${listNames(g.map((x) => x.f.name))} ${g.length > 1 ? 'are' : 'is'} never used`);
    const header: Span = { lo: impl.span.lo, hi: (impl as Item & { kind: 'impl' }).selfTy.span.hi };
    d.secondary(header, `${plural} in this implementation`);
    for (const x of g) d.primary(x.f.span);
    add(g[0]!.f.span, d);
  }

  // Types, variants, fields.
  for (const adt of local(crate.adts)) {
    if (adt.name.startsWith('_')) continue;
    const derivedNote = derivedImplNote(adt);
    if (adt.adtKind === 'enum') {
      if (!live.usedAdts.has(adt)) {
        add(adt.span, warning(`enum \`${adt.name}\` is never used`).primary(adt.span));
        continue;
      }
      if (pubAdts.has(adt)) continue;
      const dead = adt.variants.map((v, i) => ({ v, i })).filter(({ v, i }) => !live.builtVariants.has(`${adt.span.lo}:${i}`) && !v.name.startsWith('_'));
      if (dead.length === 0) continue;
      const one = dead.length === 1;
      const d = warning(`variant${one ? '' : 's'} ${listNames(dead.map((x) => x.v.name))} ${one ? 'is' : 'are'} never constructed`).secondary(adt.span, `variant${one ? '' : 's'} in this enum`);
      for (const x of dead) d.primary(x.v.span);
      if (derivedNote) d.note(derivedNote);
      add(adt.span, d);
      continue;
    }
    // A struct named anywhere in live code (a type, a cast, a construction) is used.
    if (!live.constructed.has(adt) && !live.usedAdts.has(adt)) {
      const d = warning(`struct \`${adt.name}\` is never constructed`).primary(adt.span);
      if (derivedNote) d.note(derivedNote);
      add(adt.span, d);
      continue;
    }
    const astItem = info(adt.span)?.item;
    const astFields = astItem && (astItem.kind === 'struct' || astItem.kind === 'union') && astItem.data.kind !== 'unit' ? astItem.data.fields : [];
    const dead = adt.fields
      .map((f, i) => ({ f, i }))
      .filter(({ f, i }) => !live.readFields.has(`${adt.span.lo}:${i}`) && !f.name.startsWith('_') && !(f.pub && pubAdts.has(adt)));
    // `#[repr(C)]` fields may be read by other code through the layout: rustc never reports them.
    if (adt.repr === 'C' || adt.derives.some((t) => READING_DERIVES.has(t))) continue;
    if (dead.length === 0) continue;
    const one = dead.length === 1;
    const d = warning(`field${one ? '' : 's'} ${listNames(dead.map((x) => x.f.name))} ${one ? 'is' : 'are'} never read`).secondary(adt.span, `field${one ? '' : 's'} in this struct`);
    for (const x of dead) {
      const af = astFields[x.i];
      d.primary(af ? (af.ident ? af.ident.span : af.ty.span) : x.f.span);
    }
    if (adt.structKind === 'tuple') {
      const trailing = dead.every((x, k) => x.i === adt.fields.length - dead.length + k);
      d.help(
        trailing
          ? `consider removing ${one ? 'this field' : 'these fields'}`
          : `consider changing the field${one ? '' : 's'} to be of unit type to suppress this warning while preserving the field numbering, or remove the field${one ? '' : 's'}`,
      );
    }
    if (derivedNote) d.note(derivedNote);
    add(adt.span, d);
  }
  // Items nested in a dead function are not reported on their own (rustc reports the function).
  const deadFns = local(crate.fns).filter((f) => !live.liveFns.has(f) && f.body).map((f) => f.body!.block.span);
  const kept = found.filter((f) => !deadFns.some((b) => b.lo <= f.lintAt.lo && f.lintAt.hi <= b.hi));
  kept.sort((a, b) => a.at - b.at);
  for (const f of kept) ctx.lints.emit('dead_code', f.lintAt, f.d);
}

/** Derived impls that read every field (rustc ignores only Clone's and Debug's, its "trivial field reads"). */
const READING_DERIVES: ReadonlySet<string> = new Set(['PartialEq', 'PartialOrd', 'Ord', 'Hash']);

/** rustc's note that the derived Clone and Debug impls do not count as uses. */
function derivedImplNote(adt: AdtDef): string | undefined {
  const traits = adt.derives.filter((t) => t === 'Clone' || t === 'Debug');
  if (traits.length === 0) return undefined;
  if (traits.length === 1) return `\`${adt.name}\` has a derived impl for the trait \`${traits[0]}\`, but this is intentionally ignored during dead code analysis`;
  return `\`${adt.name}\` has derived impls for the traits ${listNames(traits).replace(', and', ' and')}, but these are intentionally ignored during dead code analysis`;
}
