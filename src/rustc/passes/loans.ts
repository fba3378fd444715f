// Borrow conflicts for the simple shape learners write: a reference kept in a local
// (`let r = &mut x;` / `let r = &x;`) is a loan of `x` for as long as `r` is live (rustc's
// non-lexical lifetimes), and while it is, using `x` in a way the loan forbids is E0499 (a second
// `&mut`), E0502 (`&` against `&mut`), E0503 (reading a mutably borrowed `x`) or E0506
// (assigning to a borrowed `x`). Loans that escape into calls, fields or raw pointers are not
// tracked, so nothing is reported for them.
import { error, type DiagBuilder } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import type { Expr } from '../thir/thir.ts';
import type { Ty } from '../thir/ty.ts';
import { buildCfg, fieldPath, fieldsOverlap, placeRootLocal, type Cfg } from './cfg.ts';
import type { BodyOwner, PassContext } from './context.ts';
import { liveOut } from './liveness.ts';
import { cloneNote } from './moves.ts';
import { ThirVisitor } from './visit.ts';

interface Loan {
  /** The reference local holding the loan. */
  readonly ref: number;
  /** The borrowed local. */
  readonly of: number;
  readonly mut: boolean;
  readonly span: Span;
  readonly node: number;
  /** The borrowed field path inside `of` (empty: all of it). */
  readonly fields: readonly number[];
}

/** Where a use of a local "happens" for rustc's labels: `*r`, `r[0]`, or the assignment `*r = 3`. */
function useSites(block: import('../thir/thir.ts').Block): Map<number, Span> {
  const sites = new Map<number, Span>();
  const climb = (e: Expr, site: Span): void => {
    // The outermost expression wins (visited first): `*r = 3` over `*r`, `r[0]` over `r`.
    if (e.kind === 'local' && !sites.has(e.span.lo)) sites.set(e.span.lo, site);
    else if (e.kind === 'deref' || e.kind === 'coerce') climb(e.operand, site);
    else if (e.kind === 'field' || e.kind === 'index') climb(e.base, site);
  };
  new (class extends ThirVisitor {
    override visitExpr(e: Expr): void {
      if (e.kind === 'assign' || e.kind === 'assignOp') climb(e.place, e.span);
      if (e.kind === 'deref' || e.kind === 'index' || e.kind === 'field') climb(e, e.span);
      this.walkExpr(e);
    }
  })().visitBlock(block);
  return sites;
}

/** The loans made by `let r = &x` / `let r = &mut x.f` in a body. */
function findLoans(cfg: Cfg): Loan[] {
  const loans: Loan[] = [];
  cfg.nodes.forEach((n, i) => {
    const ev = n.ev;
    // A borrow use immediately followed (after an optional mutate) by the binding of a reference local.
    if (ev.kind !== 'use' || !ev.borrow || ev.raw || !cfg.reachable[i]) return;
    let j = n.succ.length === 1 ? n.succ[0]! : -1;
    if (j >= 0 && cfg.nodes[j]!.ev.kind === 'mutate') j = cfg.nodes[j]!.succ.length === 1 ? cfg.nodes[j]!.succ[0]! : -1;
    const next = j >= 0 ? cfg.nodes[j]!.ev : undefined;
    if (next?.kind === 'def' && next.how === 'bind' && next.initSpan && next.initSpan.lo <= ev.span.lo && ev.span.hi <= next.initSpan.hi) {
      loans.push({ ref: next.local, of: ev.local, mut: !!ev.mutBorrow, span: ev.span, node: j, fields: ev.fields ?? [] });
    }
  });
  return loans;
}

export function checkLoans(ctx: PassContext, owner: BodyOwner, errors: Array<{ at: number; d: DiagBuilder }>): void {
  const cfg = buildCfg(owner.body);
  const loans = findLoans(cfg);
  if (loans.length === 0) return;
  const live = liveOut(cfg);
  const sites = useSites(owner.body.block);
  const name = (l: number): string => owner.body.locals[l]!.name;
  const reported = new Set<number>();
  for (const loan of loans) {
    const bit = 1n << BigInt(loan.ref);
    // Walk forward from the loan while the reference is live and not rebound.
    const seen = new Set<number>();
    const stack = [...cfg.nodes[loan.node]!.succ];
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (seen.has(i)) continue;
      seen.add(i);
      const ev = cfg.nodes[i]!.ev;
      if ((ev.kind === 'def' || ev.kind === 'decl') && ev.local === loan.ref) continue;
      const liveHere = (live[i]! & bit) !== 0n || (ev.kind === 'use' && ev.local === loan.ref);
      if (!liveHere) continue;
      // `&mut p.left` leaves `p.right` free: only overlapping places conflict.
      const disjoint = ev.kind === 'use' && !fieldsOverlap(ev.fields, loan.fields);
      if (!reported.has(i) && 'local' in ev && ev.local === loan.of && !disjoint) {
        const n = cfg.nodes[i]!;
        const moveNext = n.succ.length === 1 && cfg.nodes[n.succ[0]!]!.ev.kind === 'move';
        const d = moveNext ? undefined : conflict(ev, loan, name(loan.of), owner.body.locals[loan.of]!.span);
        const ty = owner.body.locals[loan.of]!.ty;
        if (d && ev.kind === 'move' && ty.kind === 'adt' && !ty.def.derives.includes('Clone')) {
          // rustc offers to clone the borrowed value, pointing at it inside the borrow (`&w`).
          const x = name(loan.of);
          cloneNote(ctx, d, ty.def, { lo: loan.span.hi - x.length, hi: loan.span.hi });
        }
        if (d) {
          reported.add(i);
          const later = laterUse(cfg, i, loan.ref);
          if (later !== undefined) {
            const at = sites.get(later.lo) ?? later;
            d.secondary(at, `${loan.mut && d.diag.code === 'E0499' ? 'first ' : d.diag.code === 'E0502' ? (loan.mut ? 'mutable ' : 'immutable ') : ''}borrow later used here`);
          }
          errors.push({ at: (d.diag.spans.find((s) => s.primary)?.span.lo ?? 0), d });
        }
      }
      stack.push(...cfg.nodes[i]!.succ);
    }
  }
}

/** What a use of the borrowed local conflicts with, as rustc words it. */
function conflict(ev: Cfg['nodes'][number]['ev'], loan: Loan, x: string, binding: Span): DiagBuilder | undefined {
  if (ev.kind === 'move') {
    return error(`cannot move out of \`${x}\` because it is borrowed`, 'E0505')
      .secondary(binding, `binding \`${x}\` declared here`)
      .secondary(loan.span, `borrow of \`${x}\` occurs here`)
      .primary(ev.span, `move out of \`${x}\` occurs here`);
  }
  if (ev.kind === 'use' && ev.borrow && !ev.raw) {
    if (loan.mut && ev.mutBorrow) {
      return error(`cannot borrow \`${x}\` as mutable more than once at a time`, 'E0499').secondary(loan.span, 'first mutable borrow occurs here').primary(ev.span, 'second mutable borrow occurs here');
    }
    if (loan.mut) {
      return error(`cannot borrow \`${x}\` as immutable because it is also borrowed as mutable`, 'E0502').secondary(loan.span, 'mutable borrow occurs here').primary(ev.span, 'immutable borrow occurs here');
    }
    if (ev.mutBorrow) {
      return error(`cannot borrow \`${x}\` as mutable because it is also borrowed as immutable`, 'E0502').secondary(loan.span, 'immutable borrow occurs here').primary(ev.span, 'mutable borrow occurs here');
    }
    return undefined;
  }
  if (ev.kind === 'use' && !ev.compound && loan.mut) {
    return error(`cannot use \`${x}\` because it was mutably borrowed`, 'E0503').secondary(loan.span, `\`${x}\` is borrowed here`).primary(ev.span, `use of borrowed \`${x}\``);
  }
  if (ev.kind === 'def' && ev.how === 'assign') {
    return error(`cannot assign to \`${x}\` because it is borrowed`, 'E0506').secondary(loan.span, `\`${x}\` is borrowed here`).primary(ev.span, `\`${x}\` is assigned to here but it was already borrowed`);
  }
  return undefined;
}

/** The first use of the reference after a node (where rustc says the borrow is "later used"). */
function laterUse(cfg: Cfg, from: number, ref: number): Span | undefined {
  const seen = new Set<number>();
  const queue = [...cfg.nodes[from]!.succ];
  while (queue.length > 0) {
    const i = queue.shift()!;
    if (seen.has(i)) continue;
    seen.add(i);
    const ev = cfg.nodes[i]!.ev;
    if (ev.kind === 'use' && ev.local === ref) return ev.span;
    if ((ev.kind === 'def' || ev.kind === 'decl') && ev.local === ref) continue;
    queue.push(...cfg.nodes[i]!.succ);
  }
  return undefined;
}


/** `a`, `a[_]`, `a.f`: how rustc names the place an assignment writes. */
function describePlace(e: Expr, localName: (l: number) => string): string | undefined {
  switch (e.kind) {
    case 'local':
      return localName(e.local);
    case 'index':
    case 'rangeIndex': {
      const b = describePlace(e.base, localName);
      return b === undefined ? undefined : `${b}[_]`;
    }
    case 'field': {
      const b = describePlace(e.base, localName);
      const t = e.base.ty;
      const f = t.kind === 'adt' ? t.def.fields[e.index]?.name : String(e.index);
      return b === undefined ? undefined : `${b}.${f ?? e.index}`;
    }
    default:
      return undefined;
  }
}

interface LoopLoan {
  readonly local: number;
  /** Field indices from the local to the borrowed place (shorter: an index or deref came first). */
  readonly fields: readonly number[];
  readonly mut: boolean;
}

/** Does a value of this type keep a borrow alive (a slice or str iterator does; a range does not)? */
function holdsBorrow(t: Ty): boolean {
  if (t.kind !== 'iter') return true;
  const s = t.shape;
  switch (s.kind) {
    case 'range': return s.elem.kind === 'ref';
    case 'enumerate':
    case 'rev':
    case 'stepBy': return holdsBorrow(s.inner);
    default: return true;
  }
}

/**
 * A `for` loop over an iterator that borrows a local (`for b in row.iter()`) holds that loan for
 * the whole loop: writing the local inside is E0506, borrowing it mutably E0502 (E0499 under
 * `iter_mut()`), as rustc reports at the loop's iterator expression.
 */
export function checkLoopLoans(ctx: PassContext, owner: BodyOwner, errors: Array<{ at: number; d: DiagBuilder }>): void {
  const name = (l: number): string => owner.body.locals[l]!.name;
  const loansOf = (iter: Expr): LoopLoan[] => {
    const out: LoopLoan[] = [];
    // `for i in 0..a.len()`: the range holds integers, no borrow outlives the header.
    if (!holdsBorrow(iter.ty)) return out;
    new (class extends ThirVisitor {
      override visitExpr(e: Expr): void {
        if (e.kind === 'addrOf' && !e.raw) {
          const path = fieldPath(e.place);
          if (path) out.push({ local: path.root, fields: path.fields, mut: e.mut });
        }
        this.walkExpr(e);
      }
    })().visitExpr(iter);
    return out;
  };
  // Disjoint fields do not conflict: a loan of `w.items` allows writing `w.best`.
  const conflicts = (loan: LoopLoan, place: Expr): boolean => {
    const path = fieldPath(place);
    return !!path && path.root === loan.local && fieldsOverlap(path.fields, loan.fields);
  };
  new (class extends ThirVisitor {
    override visitExpr(e: Expr): void {
      if (e.kind === 'for') {
        const loans = loansOf(e.iter);
        if (loans.length > 0) {
          const iterSpan = e.iter.span;
          new (class extends ThirVisitor {
            override visitExpr(x: Expr): void {
              if (x.kind === 'assign' || x.kind === 'assignOp') {
                const root = placeRootLocal(x.place);
                const desc = describePlace(x.place, name);
                if (root !== undefined && desc && loans.some((l) => conflicts(l, x.place))) {
                  const d = error(`cannot assign to \`${desc}\` because it is borrowed`, 'E0506')
                    .secondary(iterSpan, `\`${desc}\` is borrowed here`)
                    .secondary(iterSpan, 'borrow later used here')
                    .primary(x.span, `\`${desc}\` is assigned to here but it was already borrowed`);
                  errors.push({ at: x.span.lo, d });
                }
              }
              if (x.kind === 'addrOf' && x.mut && !x.raw) {
                const root = placeRootLocal(x.place);
                const loan = loans.find((l) => conflicts(l, x.place));
                if (root !== undefined && loan) {
                  const xName = name(root);
                  const d = loan.mut
                    ? error(`cannot borrow \`${xName}\` as mutable more than once at a time`, 'E0499').secondary(iterSpan, 'first mutable borrow occurs here').secondary(iterSpan, 'first borrow later used here').primary(x.span, 'second mutable borrow occurs here')
                    : error(`cannot borrow \`${xName}\` as mutable because it is also borrowed as immutable`, 'E0502').secondary(iterSpan, 'immutable borrow occurs here').secondary(iterSpan, 'immutable borrow later used here').primary(x.span, 'mutable borrow occurs here');
                  errors.push({ at: x.span.lo, d });
                }
              }
              this.walkExpr(x);
            }
          })().visitBlock(e.body);
        }
      }
      this.walkExpr(e);
    }
  })().visitBlock(owner.body.block);
}

/**
 * E0597: `r = &x;` inside a block that declares `x`, with `r` declared outside and used after
 * the block ends — `x` is dropped at the block's `}` while still borrowed.
 */
export function checkOutlives(ctx: PassContext, owner: BodyOwner, errors: Array<{ at: number; d: DiagBuilder }>): void {
  const { body } = owner;
  const cfg = buildCfg(body);
  const sites = useSites(body.block);
  // The block that declares each local.
  const scopeOf = new Map<number, import('../thir/thir.ts').Block>();
  new (class extends ThirVisitor {
    override visitBlock(b: import('../thir/thir.ts').Block): void {
      for (const s of b.stmts) if (s.kind === 'let') for (const x of patLocals(s.pat)) scopeOf.set(x, b);
      super.visitBlock(b);
    }
  })().visitBlock(body.block);
  const refUses = (ref: number): Span[] => {
    const out: Span[] = [];
    cfg.nodes.forEach((n, i) => {
      if (cfg.reachable[i] && n.ev.kind === 'use' && n.ev.local === ref) out.push(n.ev.span);
    });
    return out;
  };
  new (class extends ThirVisitor {
    override visitExpr(e: Expr): void {
      if (e.kind === 'assign' && e.place.kind === 'local') {
        let v = e.value;
        while (v.kind === 'coerce') v = v.operand;
        const ref = e.place.local;
        const root = v.kind === 'addrOf' && !v.raw ? placeRootLocal(v.place) : undefined;
        const scope = root !== undefined ? scopeOf.get(root) : undefined;
        const refDecl = body.locals[ref]!.span;
        if (root !== undefined && scope && scope !== body.block && refDecl.lo < scope.span.lo) {
          const end = scope.span.hi;
          const later = refUses(ref).filter((u) => u.lo >= end).sort((a, b) => a.lo - b.lo)[0];
          if (later) {
            const x = body.locals[root]!;
            const d = error(`\`${x.name}\` does not live long enough`, 'E0597')
              .secondary(x.span, `binding \`${x.name}\` declared here`)
              .primary(v.span, 'borrowed value does not live long enough')
              .secondary({ lo: end - 1, hi: end }, `\`${x.name}\` dropped here while still borrowed`)
              .secondary(sites.get(later.lo) ?? later, 'borrow later used here');
            errors.push({ at: v.span.lo, d });
          }
        }
      }
      this.walkExpr(e);
    }
  })().visitBlock(body.block);
}

function patLocals(p: import('../thir/thir.ts').Pat): number[] {
  const out: number[] = [];
  const walk = (q: import('../thir/thir.ts').Pat): void => {
    if (q.kind === 'binding') out.push(q.local);
    if (q.kind === 'binding' && q.sub) walk(q.sub);
    if (q.kind === 'tuple') q.elems.forEach(walk);
    if (q.kind === 'struct') q.fields.forEach((f) => walk(f.pat));
    if (q.kind === 'deref') walk(q.pat);
    if (q.kind === 'or' && q.alts[0]) walk(q.alts[0]);
  };
  walk(p);
  return out;
}
