// E0382: a local used after its value was moved out (a struct without `Copy` passed by value,
// assigned to another binding, or moved in an earlier round of a loop), as rustc's borrow
// checker reports it. A forward data flow over the body's CFG: which locals may have been moved
// on some path to each node; assigning the local again gives it a value back.
import { error, type DiagBuilder } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import { printTy } from '../thir/ty.ts';
import { buildCfg, isCopy, predecessors } from './cfg.ts';
import type { AdtDef, FnDef } from '../thir/defs.ts';
import type { Block, Expr, Stmt } from '../thir/thir.ts';
import { textOf, type BodyOwner, type PassContext } from './context.ts';
import { ThirVisitor } from './visit.ts';

/** For each node, the moves (local → move sites) that may reach it. */
function movedIn(cfg: ReturnType<typeof buildCfg>): Array<Map<number, Span[]>> {
  const preds = predecessors(cfg);
  const inS: Array<Map<number, Span[]>> = cfg.nodes.map(() => new Map());
  const outS: Array<Map<number, Span[]>> = cfg.nodes.map(() => new Map());
  const key = (m: Map<number, Span[]>): string => [...m].map(([l, ss]) => `${l}:${ss.map((x) => x.lo).join(',')}`).sort().join(';');
  let changed = true;
  while (changed) {
    changed = false;
    cfg.nodes.forEach((n, i) => {
      if (!cfg.reachable[i]) return;
      const m = new Map<number, Span[]>();
      for (const p of preds[i]!) {
        for (const [l, ss] of outS[p]!) {
          const cur = m.get(l) ?? [];
          for (const s of ss) if (!cur.some((c) => c.lo === s.lo)) cur.push(s);
          m.set(l, cur);
        }
      }
      inS[i] = m;
      const o = new Map(m);
      const ev = n.ev;
      if (ev.kind === 'def' || ev.kind === 'decl') o.delete(ev.local);
      if (ev.kind === 'move') o.set(ev.local, [ev.span]);
      if (key(o) !== key(outS[i]!)) {
        outS[i] = o;
        changed = true;
      }
    });
  }
  return inS;
}

export function checkMoves(ctx: PassContext, owner: BodyOwner, errors: Array<{ at: number; d: DiagBuilder }>): void {
  const { body } = owner;
  const cfg = buildCfg(body);
  if (!cfg.nodes.some((n) => n.ev.kind === 'move')) return;
  const states = movedIn(cfg);
  // Where each argument that is a bare local went: (callee, parameter index), by the argument's position.
  const callArgs = new Map<number, { callee: FnDef; index: number }>();
  new (class extends ThirVisitor {
    override visitExpr(e: Expr): void {
      if (e.kind === 'call') e.args.forEach((a, index) => a.kind === 'local' && callArgs.set(a.span.lo, { callee: e.callee, index }));
      this.walkExpr(e);
    }
  })().visitBlock(body.block);
  const reported = new Set<number>();
  cfg.nodes.forEach((n, i) => {
    const ev = n.ev;
    if (!cfg.reachable[i] || ev.kind !== 'use' || reported.has(ev.local)) return;
    const moves = states[i]!.get(ev.local);
    if (!moves || moves.length === 0) return;
    reported.add(ev.local);
    const local = body.locals[ev.local]!;
    const pat = ctx.astBindings.get(local.span.lo);
    const binding: Span = pat ? { lo: pat.span.lo, hi: local.span.hi } : local.span;
    const d = error(`${ev.borrow ? 'borrow' : 'use'} of moved value: \`${local.name}\``, 'E0382');
    d.secondary(binding, `move occurs because \`${local.name}\` has type \`${printTy(local.ty)}\`, which does not implement the \`Copy\` trait`);
    const site = moves[0]!;
    if (site.lo === ev.span.lo) {
      const header = loopHeader(body.block, ev.span);
      if (header) d.secondary(header, 'inside of this loop');
      d.primary(ev.span, 'value moved here, in previous iteration of loop');
    } else {
      d.secondary(site, 'value moved here');
      d.primary(ev.span, `value ${ev.borrow ? 'borrowed' : 'used'} here after move`);
    }
    const call = callArgs.get(site.lo);
    if (call) paramNote(ctx, d, call.callee, call.index);
    if (local.ty.kind === 'adt' && !local.ty.def.derives.includes('Clone')) cloneNote(ctx, d, local.ty.def, site);
    errors.push({ at: ev.span.lo, d });
  });
}

/** The header of the innermost loop around a span: `for x in iter` or the `loop`/`while` keyword. */
function loopHeader(block: Block, at: Span): Span | undefined {
  let found: Span | undefined;
  new (class extends ThirVisitor {
    override visitExpr(e: Expr): void {
      if ((e.kind === 'for' || e.kind === 'loop') && e.span.lo <= at.lo && at.hi <= e.span.hi) {
        found = e.kind === 'for' ? { lo: e.span.lo, hi: e.iter.span.hi } : { lo: e.span.lo, hi: e.span.lo + 4 };
      }
      this.walkExpr(e);
    }
  })().visitBlock(block);
  return found;
}

/** rustc's note when the value went into a parameter of one of our functions. */
function paramNote(ctx: PassContext, d: DiagBuilder, callee: FnDef, index: number): void {
  if (callee.crate !== ctx.crate.name) return;
  const param = callee.body?.params[index];
  if (!param) return;
  // rustc underlines the parameter's type.
  const astParam = ctx.astParams.get(param.kind === 'binding' ? callee.body!.locals[param.local]!.span.lo : param.span.lo);
  const span = astParam?.ty ? astParam.ty.span : param.span;
  d.diag.children.push({
    level: 'note',
    message: `consider changing this parameter type in function \`${callee.name}\` to borrow instead if owning the value isn't necessary`,
    spans: [
      { span: callee.span, label: 'in this function', primary: false },
      { span, label: 'this parameter takes ownership of the value', primary: true },
    ],
  });
}

/** rustc's note that a `Clone` impl would allow cloning the value that was moved. */
export function cloneNote(ctx: PassContext, d: DiagBuilder, adt: AdtDef, site: Span): void {
  if (adt.crate !== ctx.crate.name) return;
  const item = ctx.ast.items.find((it) => (it.kind === 'struct' || it.kind === 'enum') && it.ident.span.lo === adt.span.lo);
  if (!item) return;
  const attrEnd = item.attrs.filter((a) => !a.inner).reduce((m, a) => Math.max(m, a.span.hi), item.span.lo);
  const rest = textOf(ctx, { lo: attrEnd, hi: adt.span.hi });
  const header: Span = { lo: attrEnd + (rest.length - rest.trimStart().length), hi: adt.span.hi };
  d.diag.children.push({
    level: 'note',
    message: `if \`${adt.name}\` implemented \`Clone\`, you could clone the value`,
    spans: [
      { span: header, label: 'consider implementing `Clone` for this type', primary: true },
      { span: site, label: 'you could clone this value', primary: false },
    ],
  });
}

/** rustc's name for a place: `*w`, `w.column` (the deref under a field is implicit), `a[_]`. */
function placeName(e: Expr, local: (l: number) => string): string {
  switch (e.kind) {
    case 'local':
      return local(e.local);
    case 'deref':
      return `*${placeName(e.operand, local)}`;
    case 'field': {
      const t = e.base.ty;
      const f = t.kind === 'adt' ? (t.def.fields[e.index]?.name ?? String(e.index)) : String(e.index);
      return `${e.base.kind === 'deref' ? placeName(e.base.operand, local) : placeName(e.base, local)}.${f}`;
    }
    case 'index':
      return `${e.base.kind === 'deref' ? placeName(e.base.operand, local) : placeName(e.base, local)}[_]`;
    default:
      return '_';
  }
}

/** The reference a place is reached through, if any (`*w`, `w.f` with `w: &T`). */
function behind(e: Expr): Expr | undefined {
  switch (e.kind) {
    case 'deref':
      return e.operand.ty.kind === 'ref' || e.operand.ty.kind === 'ptr' ? e : undefined;
    case 'field':
    case 'index':
      return behind(e.base);
    default:
      return undefined;
  }
}

/**
 * E0507 and E0508: a non-Copy value moved out of a place that cannot give it up — through a
 * reference or raw pointer (`let copy = *w;`) or out of an array element (`let first = a[0];`).
 */
export function checkMovesOutOfPlaces(ctx: PassContext, owner: BodyOwner, errors: Array<{ at: number; d: DiagBuilder }>): void {
  const local = (l: number): string => owner.body.locals[l]!.name;
  const check = (e: Expr | undefined): void => {
    if (!e || isCopy(e.ty) || (e.kind !== 'deref' && e.kind !== 'field' && e.kind !== 'index')) return;
    const via = behind(e);
    const tyName = printTy(e.ty);
    const name = placeName(e, local);
    let d: DiagBuilder | undefined;
    if (via && via.kind === 'deref') {
      const t = via.operand.ty;
      const what = t.kind === 'ptr' ? 'a raw pointer' : t.kind === 'ref' && t.mut ? 'a mutable reference' : 'a shared reference';
      d = error(`cannot move out of \`${name}\` which is behind ${what}`, 'E0507').primary(e.span, `move occurs because \`${name}\` has type \`${tyName}\`, which does not implement the \`Copy\` trait`);
    } else if (e.kind === 'index' && e.base.ty.kind === 'array') {
      d = error(`cannot move out of type \`${printTy(e.base.ty)}\`, a non-copy array`, 'E0508')
        .primary(e.span, 'cannot move out of here')
        .primary(e.span, `move occurs because \`${name}\` has type \`${tyName}\`, which does not implement the \`Copy\` trait`);
    }
    if (!d) return;
    if (e.ty.kind === 'adt' && !e.ty.def.derives.includes('Clone')) cloneNote(ctx, d, e.ty.def, e.span);
    if (e.kind === 'deref') d.suggest({ lo: e.span.lo, hi: e.operand.span.lo }, 'consider removing the dereference here', '', 'verbose', 'MaybeIncorrect');
    else d.suggest({ lo: e.span.lo, hi: e.span.lo }, 'consider borrowing here', '&', 'verbose', 'MaybeIncorrect');
    errors.push({ at: e.span.lo, d });
  };
  new (class extends ThirVisitor {
    override visitStmt(s: Stmt): void {
      if (s.kind === 'let' && s.pat.kind !== 'wild' && !(s.pat.kind === 'binding' && s.pat.mode !== 'value')) check(s.init);
      super.visitStmt(s);
    }
    override visitExpr(e: Expr): void {
      switch (e.kind) {
        case 'call':
          e.args.forEach(check);
          break;
        case 'assign':
          check(e.value);
          break;
        case 'struct':
          e.fields.forEach(check);
          break;
        case 'tuple':
        case 'array':
          e.elems.forEach(check);
          break;
        case 'return':
        case 'break':
          check(e.value);
          break;
        default:
          break;
      }
      this.walkExpr(e);
    }
  })().visitBlock(owner.body.block);
}
