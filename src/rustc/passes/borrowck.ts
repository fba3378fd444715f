// What rustc's borrow checker reports for the subset: E0384 (assigning twice to an immutable
// binding, or to an immutable argument), E0381 (using a binding that is not initialised on
// every path), E0594/E0596 (assigning to or mutably borrowing something not declared mutable,
// behind a `&` reference, or an immutable static) and the unused_mut lint. Initialisation is a
// forward data flow over the body's CFG (cfg.ts); mutability is read off each place.
import { error, warning, type DiagBuilder } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import type { LocalDef } from '../thir/defs.ts';
import type { Block, Expr } from '../thir/thir.ts';
import { buildCfg, predecessors, type Cfg } from './cfg.ts';
import { checkLoans, checkLoopLoans, checkOutlives } from './loans.ts';
import { checkMoves, checkMovesOutOfPlaces } from './moves.ts';
import { walkCrate } from './ast-walk.ts';
import { textOf, type BodyOwner, type PassContext } from './context.ts';
import { ThirVisitor, patBindings } from './visit.ts';

interface InitState {
  maybe: bigint;
  definitely: bigint;
}

/** Forward data flow: which locals may be / are surely initialised on entry to each node. */
export function initStates(cfg: Cfg, localCount: number, ignoreCompound = false): InitState[] {
  const all = (1n << BigInt(localCount)) - 1n;
  const preds = predecessors(cfg);
  const out: InitState[] = cfg.nodes.map(() => ({ maybe: 0n, definitely: all }));
  const inState = (i: number): InitState => {
    if (i === cfg.entry) return { maybe: 0n, definitely: 0n };
    const ps = preds[i]!;
    if (ps.length === 0) return { maybe: 0n, definitely: all };
    let maybe = 0n;
    let definitely = all;
    for (const p of ps) {
      maybe |= out[p]!.maybe;
      definitely &= out[p]!.definitely;
    }
    return { maybe, definitely };
  };
  const transfer = (i: number, s: InitState): InitState => {
    const ev = cfg.nodes[i]!.ev;
    if (ev.kind === 'def' && !(ignoreCompound && ev.compound)) {
      const bit = 1n << BigInt(ev.local);
      return { maybe: s.maybe | bit, definitely: s.definitely | bit };
    }
    if (ev.kind === 'decl') {
      const bit = 1n << BigInt(ev.local);
      return { maybe: s.maybe & ~bit, definitely: s.definitely & ~bit };
    }
    return s;
  };
  // Nodes are numbered mostly in flow order: start with all, reversed so the lowest pops first.
  const work: number[] = cfg.nodes.map((_, i) => cfg.nodes.length - 1 - i);
  const queued = new Uint8Array(cfg.nodes.length).fill(1);
  while (work.length > 0) {
    const i = work.pop()!;
    queued[i] = 0;
    const next = transfer(i, inState(i));
    if (next.maybe !== out[i]!.maybe || next.definitely !== out[i]!.definitely) {
      out[i] = next;
      for (const s of cfg.nodes[i]!.succ) {
        if (!queued[s]) {
          queued[s] = 1;
          work.push(s);
        }
      }
    }
  }
  return cfg.nodes.map((_, i) => inState(i));
}

const has = (set: bigint, local: number): boolean => (set & (1n << BigInt(local))) !== 0n;

/** The `mut ` insertion rustc suggests before a binding's identifier. */
function suggestMut(d: DiagBuilder, local: LocalDef, message: string): DiagBuilder {
  return d.suggest({ lo: local.span.lo, hi: local.span.lo }, message, 'mut ', 'verbose', 'MaybeIncorrect');
}

type PlaceFault =
  | { kind: 'local'; local: LocalDef }
  | { kind: 'ref'; through: Expr }
  | { kind: 'constPtr' }
  | { kind: 'static'; name: string; declSpan: Span; whole: boolean };

class MutabilityChecker extends ThirVisitor {
  constructor(
    private readonly ctx: PassContext,
    private readonly owner: BodyOwner,
    private readonly errors: Array<{ at: number; d: DiagBuilder }>,
  ) {
    super();
  }

  private local(i: number): LocalDef {
    return this.owner.body.locals[i]!;
  }

  /** Why a place cannot be written, or undefined when it can. */
  private fault(p: Expr): PlaceFault | undefined {
    switch (p.kind) {
      case 'local':
        return this.local(p.local).mut ? undefined : { kind: 'local', local: this.local(p.local) };
      case 'field':
      case 'index':
      case 'rangeIndex': {
        const f = this.fault(p.base);
        return f?.kind === 'static' ? { ...f, whole: false } : f;
      }
      case 'deref': {
        const t = p.operand.ty;
        if (t.kind === 'ref') return t.mut ? undefined : { kind: 'ref', through: p.operand };
        if (t.kind === 'ptr') return t.mut ? undefined : { kind: 'constPtr' };
        return undefined;
      }
      case 'static':
        return p.def.mut ? undefined : { kind: 'static', name: p.def.name, declSpan: p.def.span, whole: true };
      default:
        return undefined;
    }
  }

  /** rustc's description of a place: `x`, `*r`, `s.v` (the deref under a field is implicit), `a[_]`. */
  private describe(p: Expr): string {
    switch (p.kind) {
      case 'local':
        return this.local(p.local).name;
      case 'static':
        return p.def.name;
      case 'deref':
        return `*${this.describe(p.operand)}`;
      case 'field': {
        const baseTy = p.base.ty;
        let name = String(p.index);
        if (baseTy.kind === 'adt') name = baseTy.def.fields[p.index]?.name ?? name;
        const base = p.base.kind === 'deref' ? this.describe(p.base.operand) : this.describe(p.base);
        return `${base}.${name}`;
      }
      case 'index':
      case 'rangeIndex':
        // `(*xs)[i]` through a reference reads as `xs[_]`.
        return `${p.base.kind === 'deref' ? this.describe(p.base.operand) : this.describe(p.base)}[_]`;
      case 'coerce':
      case 'cast':
        return this.describe(p.operand);
      default:
        return '_';
    }
  }

  private report(p: Expr, span: Span, borrow: boolean): void {
    const f = this.fault(p);
    if (!f) return;
    // Assigning a whole immutable local is E0384, found by the data flow.
    if (!borrow && f.kind === 'local' && p.kind === 'local') return;
    const desc = this.describe(p);
    let d: DiagBuilder;
    switch (f.kind) {
      case 'local':
        d = borrow
          ? error(`cannot borrow \`${desc}\` as mutable, as ${p.kind === 'local' ? 'it' : `\`${f.local.name}\``} is not declared as mutable`, 'E0596').primary(span, 'cannot borrow as mutable')
          : error(`cannot assign to \`${desc}\`, as \`${f.local.name}\` is not declared as mutable`, 'E0594').primary(span, 'cannot assign');
        suggestMut(d, f.local, 'consider changing this to be mutable');
        break;
      case 'ref': {
        const via = this.describe(f.through);
        d = borrow
          ? error(`cannot borrow \`${desc}\` as mutable, as it is behind a \`&\` reference`, 'E0596').primary(span, `\`${via}\` is a \`&\` reference, so it cannot be borrowed as mutable`)
          : error(`cannot assign to \`${desc}\`, which is behind a \`&\` reference`, 'E0594').primary(span, `\`${via}\` is a \`&\` reference, so it cannot be written to`);
        const via_ = f.through.kind === 'local' ? this.local(f.through.local) : undefined;
        const forIter = via_ ? this.forIterOf(via_) : undefined;
        if (forIter) {
          // `for x in v.iter() { *x = … }`: rustc points at the iterator and offers iter_mut().
          d.secondary(forIter.iter, 'this iterator yields `&` references');
          d.suggest(forIter.method, 'use mutable method', 'iter_mut()', 'inline', 'MachineApplicable');
        } else {
          const at = via_ ? this.refTypeAmp(via_) : undefined;
          if (at !== undefined) d.suggest({ lo: at + 1, hi: at + 1 }, 'consider changing this to be a mutable reference', 'mut ', 'verbose', 'MaybeIncorrect');
        }
        break;
      }
      case 'constPtr':
        d = borrow
          ? error(`cannot borrow \`${desc}\` as mutable, as it is behind a \`*const\` pointer`, 'E0596').primary(span, 'cannot borrow as mutable')
          : error(`cannot assign to \`${desc}\`, which is behind a \`*const\` pointer`, 'E0594').primary(span, 'cannot assign');
        break;
      case 'static':
        if (!f.whole) {
          d = borrow
            ? error(`cannot borrow \`${desc}\` as mutable, as \`${f.name}\` is an immutable static item`, 'E0596').primary(span, 'cannot borrow as mutable')
            : error(`cannot assign to \`${desc}\`, as \`${f.name}\` is an immutable static item`, 'E0594').primary(span, 'cannot assign');
          const decl = this.staticDeclSpan(f.declSpan);
          if (decl && !borrow) d.secondary(decl, 'this `static` cannot be written to');
          break;
        }
        d = borrow
          ? error(`cannot borrow immutable static item \`${f.name}\` as mutable`, 'E0596').primary(span, 'cannot borrow as mutable')
          : error(`cannot assign to immutable static item \`${f.name}\``, 'E0594').primary(span, 'cannot assign');
        {
          const decl = this.staticDeclSpan(f.declSpan);
          if (decl && !borrow) d.secondary(decl, 'this `static` cannot be written to');
        }
        break;
    }
    if (f.kind === 'local') {
      // Several faults on one immutable binding become one diagnostic, as rustc groups them.
      const key = `${f.local.id}:${borrow ? 'b' : 'a'}`;
      const prev = this.byLocal.get(key);
      if (prev) {
        if (prev.sites.length === 1) {
          const first = prev.entry.d.diag.spans.find((x) => x.primary)!;
          first.primary = false;
          prev.entry.d.diag.spans.unshift({ span: f.local.span, label: 'not mutable', primary: true });
          prev.entry.at = f.local.span.lo;
        }
        prev.entry.d.secondary(span, borrow ? 'cannot borrow as mutable' : 'cannot assign');
        prev.sites.push(span);
        return;
      }
      const entry = { at: span.lo, d };
      this.byLocal.set(key, { entry, sites: [span] });
      this.errors.push(entry);
      return;
    }
    this.errors.push({ at: span.lo, d });
  }

  private readonly byLocal = new Map<string, { entry: { at: number; d: DiagBuilder }; sites: Span[] }>();

  /** Position of the `&` in the declared type of a parameter or `let` binding of reference type. */
  private refTypeAmp(local: LocalDef): number | undefined {
    const param = this.ctx.astParams.get(local.span.lo) ?? [...this.ctx.astParams.values()].find((p) => p.span.lo <= local.span.lo && local.span.hi <= p.span.hi);
    if (param) {
      if (param.self?.kind === 'ref') return param.span.lo;
      if (param.ty?.kind === 'ref') return param.ty.span.lo;
      return undefined;
    }
    for (const l of this.ctx.astLets) {
      if (!(l.pat.span.lo <= local.span.lo && local.span.hi <= l.pat.span.hi)) continue;
      if (l.ty?.kind === 'ref') return l.ty.span.lo;
      // `let r = &x;`: the borrow itself becomes `&mut x`.
      if (!l.ty && l.init?.kind === 'ref' && !l.init.raw && !l.init.mut) return l.init.span.lo;
    }
    return undefined;
  }

  /** The `.iter()` call of a `for` loop whose pattern binds this local. */
  private forIterOf(local: LocalDef): { iter: Span; method: Span } | undefined {
    let found: { iter: Span; method: Span } | undefined;
    walkCrate(this.ctx.ast, {
      expr: (e) => {
        if (e.kind !== 'for' || found) return;
        if (!(e.pat.span.lo <= local.span.lo && local.span.hi <= e.pat.span.hi)) return;
        if (e.iter.kind === 'methodCall' && e.iter.seg.ident.name === 'iter' && e.iter.args.length === 0) {
          found = { iter: e.iter.span, method: { lo: e.iter.seg.ident.span.lo, hi: e.iter.span.hi } };
        }
      },
    });
    return found;
  }

  /** `static NAME: TYPE` (up to the type's end), where rustc points "this `static` cannot be written to". */
  private staticDeclSpan(ident: Span): Span | undefined {
    const item = this.ctx.ast.items.find((it) => it.kind === 'static' && it.ident.span.lo === ident.lo);
    if (!item || item.kind !== 'static') return undefined;
    const start = item.vis.kind === 'inherited' ? item.span.lo : item.vis.span.lo;
    const text = textOf(this.ctx, { lo: start, hi: item.ty.span.hi });
    const off = text.indexOf('static');
    return { lo: start + Math.max(0, off), hi: item.ty.span.hi };
  }

  override visitExpr(e: Expr): void {
    if (e.kind === 'assign' || e.kind === 'assignOp') this.report(e.place, e.span, false);
    if (e.kind === 'addrOf' && e.mut) this.report(e.place, e.span, true);
    this.walkExpr(e);
  }
}

/** Borrow checking of one body: unused_mut lints first, then its errors in source order (as rustc buffers them). */
export function borrowck(ctx: PassContext, owner: BodyOwner): void {
  const { body } = owner;
  const cfg = buildCfg(body);
  const states = initStates(cfg, body.locals.length);
  const params = new Set<number>();
  for (const p of body.params) for (const b of patBindings(p)) params.add(b.local);
  const errors: Array<{ at: number; d: DiagBuilder }> = [];
  const mutated = new Set<number>();
  const reportedUninit = new Set<number>();
  let withoutCompound: InitState[] | undefined;
  const firstAssign = new Map<number, Span>();
  const bound = new Set<number>();
  cfg.nodes.forEach((n, i) => {
    const ev = n.ev;
    const s = states[i]!;
    if (!cfg.reachable[i]) return;
    if (ev.kind === 'mutate') mutated.add(ev.local);
    if (ev.kind === 'def' && ev.how !== 'assign') bound.add(ev.local);
    // The first initialising assignment in the source (nodes are not in source order).
    if (ev.kind === 'def' && ev.how === 'assign' && !has(s.maybe, ev.local) && ev.span.lo < (firstAssign.get(ev.local)?.lo ?? Infinity)) firstAssign.set(ev.local, ev.span);
  });
  cfg.nodes.forEach((n, i) => {
    const ev = n.ev;
    const s = states[i]!;
    if (!cfg.reachable[i]) return;
    if (ev.kind === 'def' && ev.how === 'assign') {
      const local = body.locals[ev.local]!;
      const wasInit = has(s.maybe, ev.local);
      if (wasInit) mutated.add(ev.local);
      if (!local.mut && params.has(ev.local)) {
        const d = error(`cannot assign to immutable argument \`${local.name}\``, 'E0384').primary(ev.span, 'cannot assign to immutable argument');
        errors.push({ at: ev.span.lo, d: suggestMut(d, local, 'consider making this binding mutable') });
      } else if (!local.mut && wasInit) {
        const d = error(`cannot assign twice to immutable variable \`${local.name}\``, 'E0384');
        // The binding's own value, or the first later assignment; none when the loop repeats this one.
        const first = bound.has(ev.local) ? local.span : firstAssign.get(ev.local);
        if (first && first.lo !== ev.span.lo) d.secondary(first, `first assignment to \`${local.name}\``);
        d.primary(ev.span, 'cannot assign twice to immutable variable');
        errors.push({ at: ev.span.lo, d: suggestMut(d, local, 'consider making this binding mutable') });
      }
    }
    if (ev.kind === 'use' && !has(s.definitely, ev.local) && !reportedUninit.has(ev.local)) {
      reportedUninit.add(ev.local);
      const local = body.locals[ev.local]!;
      // A value that only the failing `x += …` itself would give does not make it "possibly" initialized.
      const possibly = has(s.maybe, ev.local) && has((withoutCompound ??= initStates(cfg, body.locals.length, true))[i]!.maybe, ev.local);
      const state = possibly ? 'is possibly-uninitialized' : "isn't initialized";
      const verb = ev.borrow ? 'borrowed' : 'used';
      const pat = ctx.astBindings.get(local.span.lo);
      const declared: Span = pat ? { lo: pat.span.lo, hi: local.span.hi } : local.span;
      const d = error(`used binding \`${local.name}\` ${possibly ? 'is possibly-uninitialized' : "isn't initialized"}`, 'E0381')
        .secondary(declared, 'binding declared here but left uninitialized')
        .primary(ev.span, `\`${local.name}\` ${verb} here but it ${state}`);
      if (!possibly) suggestInitialValue(ctx, d, local);
      else missingElse(body.block, ev.local, ev.span.lo, d, local.name);
      forZeroTimes(body.block, ev.local, ev.span, local.span, d, local.name);
      errors.push({ at: ev.span.lo, d });
    }
  });
  new MutabilityChecker(ctx, owner, errors).visitBlock(body.block);
  checkMoves(ctx, owner, errors);
  checkMovesOutOfPlaces(ctx, owner, errors);
  checkLoans(ctx, owner, errors);
  checkLoopLoans(ctx, owner, errors);
  checkOutlives(ctx, owner, errors);
  // unused_mut: a `mut` binding never assigned again nor borrowed mutably (and given a value at
  // all on a path that runs: rustc says nothing of `let mut x;` left empty or never reached).
  const valued = new Set<number>();
  cfg.nodes.forEach((n, i) => {
    if (cfg.reachable[i] && n.ev.kind === 'def') valued.add(n.ev.local);
  });
  for (const local of body.locals) {
    if (!local.mut || local.name.startsWith('_') || mutated.has(local.id) || !valued.has(local.id)) continue;
    const pat = ctx.astBindings.get(local.span.lo);
    if (!pat || !pat.mut) continue;
    const whole: Span = { lo: pat.span.lo, hi: local.span.hi };
    const d = warning('variable does not need to be mutable').primary(whole).suggest({ lo: pat.span.lo, hi: local.span.lo }, 'remove this `mut`', '', 'inline', 'MachineApplicable');
    ctx.lints.emit('unused_mut', local.span, d);
  }
  errors.sort((a, b) => a.at - b.at);
  for (const e of errors) ctx.out.push(e.d.build());
}

/** For a binding initialised only in an `if` without `else` before its use, rustc's two extra labels. */
function missingElse(block: Block, local: number, useAt: number, d: DiagBuilder, name: string): void {
  const assigns = (e: Expr): boolean => {
    let found = false;
    const v = new (class extends ThirVisitor {
      override visitExpr(x: Expr): void {
        if (x.kind === 'assign' && x.place.kind === 'local' && x.place.local === local) found = true;
        this.walkExpr(x);
      }
    })();
    v.visitExpr(e);
    return found;
  };
  const finder = new (class extends ThirVisitor {
    override visitExpr(x: Expr): void {
      if (x.kind === 'if' && !x.else && x.span.hi <= useAt && assigns(x.then)) {
        d.secondary(x.cond.span, `if this \`if\` condition is \`false\`, \`${name}\` is not initialized`);
        d.secondary({ lo: x.span.hi, hi: x.span.hi }, `an \`else\` arm might be missing here, initializing \`${name}\``);
      }
      this.walkExpr(x);
    }
  })();
  finder.visitBlock(block);
}

/** A use inside a `for` loop that assigns the binding: rustc points at the loop that might not run. */
function forZeroTimes(block: Block, local: number, use: Span, declared: Span, d: DiagBuilder, name: string): void {
  new (class extends ThirVisitor {
    override visitExpr(x: Expr): void {
      if (x.kind === 'for' && x.body.span.lo <= use.lo && use.hi <= x.body.span.hi && declared.hi <= x.span.lo) {
        d.secondary(x.iter.span, `if the \`for\` loop runs 0 times, \`${name}\` is not initialized`);
      }
      this.walkExpr(x);
    }
  })().visitBlock(block);
}

/** rustc's "consider assigning a value" for a `let x: T;` of a type with an obvious value. */
function suggestInitialValue(ctx: PassContext, d: DiagBuilder, local: LocalDef): void {
  const value = local.ty.kind === 'int' ? '42' : local.ty.kind === 'bool' ? 'false' : undefined;
  if (!value) return;
  const stmt = ctx.astLets.find((l) => l.pat.span.lo <= local.span.lo && local.span.hi <= l.pat.span.hi);
  if (!stmt) return;
  const end = stmt.ty ? stmt.ty.span.hi : stmt.pat.span.hi;
  d.suggest({ lo: end, hi: end }, 'consider assigning a value', ` = ${value}`, 'verbose', 'MaybeIncorrect');
}
