// unused_variables and unused_assignments, as rustc's liveness analysis reports them: a
// binding never read is an "unused variable" (or "assigned to, but never used" when it is
// also assigned later); a value written and then overwritten or dropped before any read is
// "never read". A backward data flow over the body's CFG (cfg.ts) gives which locals are live
// after each write.
import { warning } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import { buildCfg, type Cfg } from './cfg.ts';
import type { BodyOwner, PassContext } from './context.ts';

/** Backward data flow: the locals whose current value may still be read after each node. */
export function liveOut(cfg: Cfg): bigint[] {
  const liveIn: bigint[] = cfg.nodes.map(() => 0n);
  const out: bigint[] = cfg.nodes.map(() => 0n);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = cfg.nodes.length - 1; i >= 0; i--) {
      const n = cfg.nodes[i]!;
      let o = 0n;
      for (const s of n.succ) o |= liveIn[s]!;
      out[i] = o;
      const ev = n.ev;
      let inn = o;
      // A compound assignment keeps the old value alive only if its own result is read later
      // (rustc's rule: `x += 1; x = 5;` makes both the `+=` and the value before it dead).
      if ((ev.kind === 'def' && !ev.compound) || ev.kind === 'decl') inn &= ~(1n << BigInt(ev.local));
      if (ev.kind === 'use' && !ev.compound) inn |= 1n << BigInt(ev.local);
      if (inn !== liveIn[i]) {
        liveIn[i] = inn;
        changed = true;
      }
    }
  }
  return out;
}

export function liveness(ctx: PassContext, owner: BodyOwner): void {
  const { body } = owner;
  const cfg = buildCfg(body);
  const live = liveOut(cfg);
  const used = new Set<number>();
  const assigned = new Set<number>();
  // Unreachable code (after `return`, `loop {}`…) counts for nothing, as in rustc's MIR.
  const declared = new Set<number>();
  cfg.nodes.forEach((n, i) => {
    if (!cfg.reachable[i]) return;
    if (n.ev.kind === 'use' && n.ev.counts) used.add(n.ev.local);
    if (n.ev.kind === 'def' && n.ev.how === 'assign') assigned.add(n.ev.local);
    if ((n.ev.kind === 'def' && n.ev.how !== 'assign') || n.ev.kind === 'decl') declared.add(n.ev.local);
  });
  // Variables first (in order of their bindings), then the dead assignments.
  for (const local of body.locals) {
    if (used.has(local.id) || !declared.has(local.id) || local.name.startsWith('_') || local.name === 'self') continue;
    const pat = ctx.astBindings.get(local.span.lo);
    const span: Span = pat && pat.mut ? { lo: pat.span.lo, hi: local.span.hi } : local.span;
    if (assigned.has(local.id)) {
      ctx.lints.emit('unused_variables', local.span, warning(`variable \`${local.name}\` is assigned to, but never used`).primary(span).note(`consider using \`_${local.name}\` instead`));
    } else if (ctx.shorthandFields.has(local.span.lo)) {
      ctx.lints.emit('unused_variables', local.span, warning(`unused variable: \`${local.name}\``).primary(span).suggest(span, 'try ignoring the field', `${local.name}: _`, 'inline', 'MachineApplicable'));
    } else {
      ctx.lints.emit('unused_variables', local.span, warning(`unused variable: \`${local.name}\``).primary(span).suggest(span, 'if this is intentional, prefix it with an underscore', `_${local.name}`, 'inline', 'MaybeIncorrect'));
    }
  }
  const dead: Array<{ span: Span; name: string; param: boolean; local: number; node: number }> = [];
  cfg.nodes.forEach((n, i) => {
    const ev = n.ev;
    if (ev.kind === 'partialDef' && cfg.reachable[i] && (live[i]! & (1n << BigInt(ev.local))) === 0n && !body.locals[ev.local]!.name.startsWith('_')) {
      dead.push({ span: ev.span, name: body.locals[ev.local]!.name, param: false, local: ev.local, node: i });
      return;
    }
    if (ev.kind !== 'def' || !cfg.reachable[i]) return;
    const local = body.locals[ev.local]!;
    if (local.name.startsWith('_')) return;
    if ((live[i]! & (1n << BigInt(ev.local))) !== 0n) return;
    // A variable never read at all is reported once, as unused; only its later writes are also dead values.
    if (!used.has(ev.local) && ev.how !== 'assign') return;
    if (ev.how === 'assign') dead.push({ span: ev.span, name: local.name, param: false, local: ev.local, node: i });
    else if (ev.how === 'param') dead.push({ span: local.span, name: local.name, param: true, local: ev.local, node: i });
    else if (ev.initSpan) dead.push({ span: ev.initSpan, name: local.name, param: false, local: ev.local, node: i });
    else if (ev.destructured) {
      // A binding of a destructuring `let`: rustc points at the binding (with its `mut`).
      const pat = ctx.astBindings.get(local.span.lo);
      dead.push({ span: pat?.mut ? { lo: pat.span.lo, hi: local.span.hi } : local.span, name: local.name, param: false, local: ev.local, node: i });
    }
  });
  // rustc lists them local by local, each local's in the order of its MIR blocks.
  dead.sort((a, b) => a.local - b.local || a.node - b.node);
  for (const x of dead) {
    const msg = x.param ? `value passed to \`${x.name}\` is never read` : `value assigned to \`${x.name}\` is never read`;
    ctx.lints.emit('unused_assignments', x.span, warning(msg).primary(x.span).help('maybe it is overwritten before being read?'));
  }
}
