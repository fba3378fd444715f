// A control-flow graph of what a body does with its locals, built from THIR in evaluation
// order: reads, writes, borrows and scope starts, joined by the edges that `if`, `match`,
// `&&`/`||`, loops, `break`, `continue`, `return` and diverging calls give. Borrow checking
// (initialisation, assignments to immutable bindings, mutability) runs forward over it and
// liveness (unused variables and assignments) backward — the questions rustc answers on MIR.
import type { Span } from '../span/span.ts';
import type { FnBody } from '../thir/defs.ts';
import type { Block, Expr, Pat } from '../thir/thir.ts';
import type { Ty } from '../thir/ty.ts';
import { patBindings } from './visit.ts';

export type Event =
  | { kind: 'nop' }
  /** The value of the local is read (`counts`: a read that makes the variable "used"; not the read of `x += 1`). */
  /** `fields`: the field indices from the local to the place used (absent: the whole local). */
  | { kind: 'use'; local: number; span: Span; counts: boolean; borrow: boolean; compound?: boolean; mutBorrow?: boolean; raw?: boolean; fields?: readonly number[] }
  /**
   * The local gets a whole new value: from its binding (`let x = …`, a parameter, a pattern),
   * or an assignment `x = …` / `x op= …` (span: the assignment expression).
   */
  | { kind: 'def'; local: number; span: Span; how: 'bind' | 'param' | 'assign'; initSpan?: Span; compound?: boolean; destructured?: boolean }
  /** `let x;` (or entering the scope again in a loop): the local holds nothing. */
  | { kind: 'decl'; local: number }
  /** The local is changed in place or borrowed mutably (a field assigned, `&mut x`, `x.f += 1`). */
  | { kind: 'mutate'; local: number; span: Span }
  /** A field or element of the local is assigned (`buf[0] = 1`): a write that liveness checks but that keeps the rest. */
  | { kind: 'partialDef'; local: number; span: Span }
  /** The local's value is moved out (a non-Copy value used by value); `loop` when inside a loop. */
  | { kind: 'move'; local: number; span: Span };

export interface CfgNode {
  readonly ev: Event;
  readonly succ: number[];
}

export interface Cfg {
  readonly nodes: CfgNode[];
  readonly entry: number;
  /** 1 for the nodes a path from the entry reaches: rustc never looks at the others (code after `return`). */
  readonly reachable: Uint8Array;
}

interface LoopTarget {
  readonly header: number;
  readonly breaks: number[];
}

/** A place expression's root local, if it is one (`x`, `x.f`, `x[i]`, not through a deref). */
/**
 * The local a place starts from and the fields chosen on the way. `cut` after an index: the
 * element is not known, so later fields no longer narrow the place.
 */
export function fieldPath(e: Expr): { root: number; fields: number[]; cut?: boolean } | undefined {
  switch (e.kind) {
    case 'local':
      return { root: e.local, fields: [] };
    case 'field': {
      const base = fieldPath(e.base);
      if (!base || base.cut) return base;
      return { root: base.root, fields: [...base.fields, e.index] };
    }
    case 'index':
    case 'rangeIndex': {
      const base = fieldPath(e.base);
      return base && { ...base, cut: true };
    }
    default:
      return undefined;
  }
}

/** Do two places of one local overlap (one field path a prefix of the other)? */
export function fieldsOverlap(a: readonly number[] = [], b: readonly number[] = []): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function placeRootLocal(e: Expr): number | undefined {
  switch (e.kind) {
    case 'local':
      return e.local;
    case 'field':
      return placeRootLocal(e.base);
    case 'index':
    case 'rangeIndex':
      return placeRootLocal(e.base);
    default:
      return undefined;
  }
}

export class CfgBuilder {
  readonly nodes: CfgNode[] = [];
  /** The node the next event follows; null after a jump (the code after it is unreachable). */
  private cur: number | null;
  private readonly loops = new Map<number, LoopTarget>();

  constructor() {
    this.nodes.push({ ev: { kind: 'nop' }, succ: [] });
    this.cur = 0;
  }

  private node(ev: Event, preds: Array<number | null>): number {
    const id = this.nodes.length;
    this.nodes.push({ ev, succ: [] });
    for (const p of preds) if (p !== null) this.nodes[p]!.succ.push(id);
    return id;
  }

  emit(ev: Event): void {
    this.cur = this.node(ev, [this.cur]);
  }

  private join(preds: Array<number | null>): void {
    const live = preds.filter((p): p is number => p !== null);
    this.cur = live.length === 0 ? null : this.node({ kind: 'nop' }, live);
  }

  body(b: FnBody): Cfg {
    for (const p of b.params) this.bindPat(p, 'param');
    this.block(b.block);
    const reachable = new Uint8Array(this.nodes.length);
    const stack = [0];
    reachable[0] = 1;
    while (stack.length > 0) {
      for (const s of this.nodes[stack.pop()!]!.succ) {
        if (!reachable[s]) {
          reachable[s] = 1;
          stack.push(s);
        }
      }
    }
    return { nodes: this.nodes, entry: 0, reachable };
  }

  bindPat(p: Pat, how: 'bind' | 'param', initSpan?: Span, fromLet = false): void {
    this.patMutations(p);
    for (const b of patBindings(p)) this.emit({ kind: 'def', local: b.local, span: b.span, how, initSpan, destructured: fromLet && !initSpan });
  }

  /** `ref mut` bindings borrow the scrutinee mutably; recorded by the caller through `scrutineeRoot`. */
  private scrutineeRoot: number | undefined;

  private patMutations(p: Pat): void {
    if (this.scrutineeRoot === undefined) return;
    const root = this.scrutineeRoot;
    const visit = (q: Pat): void => {
      if (q.kind === 'binding' && q.mode === 'refMut') this.emit({ kind: 'mutate', local: root, span: q.span });
      if (q.kind === 'binding' && q.sub) visit(q.sub);
      if (q.kind === 'tuple') q.elems.forEach(visit);
      if (q.kind === 'struct') q.fields.forEach((f) => visit(f.pat));
      if (q.kind === 'deref') visit(q.pat);
      if (q.kind === 'or') q.alts.forEach(visit);
    };
    visit(p);
  }

  block(b: Block): void {
    for (const s of b.stmts) {
      if (s.kind === 'let') {
        if (s.init) {
          if (s.pat.kind === 'wild') this.placeRead(s.init);
          else this.expr(s.init);
          this.scrutineeRoot = placeRootLocal(s.init);
          this.bindPat(s.pat, 'bind', s.pat.kind === 'binding' ? s.init.span : undefined, true);
          this.scrutineeRoot = undefined;
          if (s.else) {
            const before = this.cur;
            this.block(s.else);
            this.cur = before;
          }
        } else {
          for (const x of patBindings(s.pat)) this.emit({ kind: 'decl', local: x.local });
        }
      } else if (s.kind === 'expr') {
        this.expr(s.expr);
      }
    }
    if (b.tail) this.expr(b.tail);
  }

  /** Reads what a place expression needs (index values, the pointer under a deref) and returns its root local. */
  private placeOperands(e: Expr): number | undefined {
    switch (e.kind) {
      case 'local':
        return e.local;
      case 'field':
        return this.placeOperands(e.base);
      case 'index': {
        const root = this.placeOperands(e.base);
        this.expr(e.index);
        return root;
      }
      case 'rangeIndex': {
        const root = this.placeOperands(e.base);
        if (e.lo) this.expr(e.lo);
        if (e.hi) this.expr(e.hi);
        return root;
      }
      default:
        this.expr(e);
        return undefined;
    }
  }

  /** A place read without moving it (a `match` scrutinee, `let _ = x`). */
  private placeRead(e: Expr): void {
    if (e.kind === 'local') this.emit({ kind: 'use', local: e.local, span: e.span, counts: true, borrow: false });
    else this.expr(e);
  }

  expr(e: Expr): void {
    switch (e.kind) {
      case 'local':
        this.emit({ kind: 'use', local: e.local, span: e.span, counts: true, borrow: false });
        if (!isCopy(e.ty)) this.emit({ kind: 'move', local: e.local, span: e.span });
        return;
      case 'assign': {
        this.expr(e.value);
        if (e.place.kind === 'local') {
          this.emit({ kind: 'def', local: e.place.local, span: e.span, how: 'assign' });
        } else {
          const root = this.placeOperands(e.place);
          if (root !== undefined) {
            this.emit({ kind: 'use', local: root, span: e.place.span, counts: true, borrow: false, fields: fieldPath(e.place)?.fields ?? [] });
            this.emit({ kind: 'mutate', local: root, span: e.span });
            this.emit({ kind: 'partialDef', local: root, span: e.span });
          }
        }
        return;
      }
      case 'assignOp': {
        this.expr(e.value);
        if (e.place.kind === 'local') {
          // `x op= v` reads x only to compute its new value: liveness treats the pair as one step.
          this.emit({ kind: 'use', local: e.place.local, span: e.span, counts: false, borrow: false, compound: true });
          this.emit({ kind: 'def', local: e.place.local, span: e.span, how: 'assign', compound: true });
        } else {
          const root = this.placeOperands(e.place);
          if (root !== undefined) {
            this.emit({ kind: 'use', local: root, span: e.place.span, counts: true, borrow: false, fields: fieldPath(e.place)?.fields ?? [] });
            this.emit({ kind: 'mutate', local: root, span: e.span });
            this.emit({ kind: 'partialDef', local: root, span: e.span });
          }
        }
        return;
      }
      case 'addrOf': {
        const root = this.placeOperands(e.place);
        if (root !== undefined) {
          this.emit({ kind: 'use', local: root, span: e.span, counts: true, borrow: true, mutBorrow: e.mut, raw: e.raw, fields: fieldPath(e.place)?.fields ?? [] });
          if (e.mut) this.emit({ kind: 'mutate', local: root, span: e.span });
        }
        return;
      }
      case 'field':
      case 'index':
      case 'rangeIndex': {
        const root = this.placeOperands(e);
        if (root !== undefined) this.emit({ kind: 'use', local: root, span: e.span, counts: true, borrow: false, fields: fieldPath(e)?.fields ?? [] });
        return;
      }
      case 'if': {
        // The `else` branch first: nodes are numbered as rustc's MIR orders its blocks, which is
        // the order liveness reports dead assignments in.
        this.expr(e.cond);
        const afterCond = this.cur;
        if (e.else) this.expr(e.else);
        const endElse = this.cur;
        this.cur = afterCond;
        this.expr(e.then);
        this.join([endElse, this.cur]);
        return;
      }
      case 'logical': {
        this.expr(e.lhs);
        const afterLhs = this.cur;
        this.expr(e.rhs);
        this.join([afterLhs, this.cur]);
        return;
      }
      case 'match': {
        this.placeRead(e.scrutinee);
        const afterScrut = this.cur;
        const ends: Array<number | null> = [];
        const root = placeRootLocal(e.scrutinee);
        for (const arm of e.arms) {
          this.cur = afterScrut;
          this.scrutineeRoot = root;
          this.bindPat(arm.pat, 'bind');
          this.scrutineeRoot = undefined;
          if (arm.guard) this.expr(arm.guard);
          this.expr(arm.body);
          ends.push(this.cur);
        }
        if (e.arms.length === 0) ends.length = 0;
        this.join(ends);
        return;
      }
      case 'loop': {
        const header = this.node({ kind: 'nop' }, [this.cur]);
        const target: LoopTarget = { header, breaks: [] };
        this.loops.set(e.loop, target);
        this.cur = header;
        this.block(e.body);
        if (this.cur !== null) this.nodes[this.cur]!.succ.push(header);
        this.join(target.breaks);
        return;
      }
      case 'for': {
        this.expr(e.iter);
        const header = this.node({ kind: 'nop' }, [this.cur]);
        const target: LoopTarget = { header, breaks: [header] };
        this.loops.set(e.loop, target);
        this.cur = header;
        this.bindPat(e.pat, 'bind');
        this.block(e.body);
        if (this.cur !== null) this.nodes[this.cur]!.succ.push(header);
        this.join(target.breaks);
        return;
      }
      case 'break': {
        if (e.value) this.expr(e.value);
        const t = this.loops.get(e.loop);
        if (t && this.cur !== null) t.breaks.push(this.cur);
        this.cur = null;
        return;
      }
      case 'continue': {
        const t = this.loops.get(e.loop);
        if (t && this.cur !== null) this.nodes[this.cur]!.succ.push(t.header);
        this.cur = null;
        return;
      }
      case 'return':
        if (e.value) this.expr(e.value);
        this.cur = null;
        return;
      case 'panic':
        this.cur = null;
        return;
      case 'block':
        this.block(e.block);
        break;
      case 'call':
        e.args.forEach((a) => this.expr(a));
        break;
      case 'callValue':
        this.expr(e.func);
        e.args.forEach((a) => this.expr(a));
        break;
      case 'builtin':
        e.args.forEach((a) => this.expr(a));
        break;
      case 'tuple':
      case 'array':
        e.elems.forEach((a) => this.expr(a));
        break;
      case 'struct':
        e.fields.forEach((a) => this.expr(a));
        if (e.base) this.expr(e.base);
        break;
      case 'binary':
        // Comparisons take their operands by reference (PartialEq/PartialOrd): they never move.
        if (['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(e.op)) {
          this.placeRead(e.lhs);
          this.placeRead(e.rhs);
        } else {
          this.expr(e.lhs);
          this.expr(e.rhs);
        }
        break;
      case 'range':
        this.expr(e.lo);
        this.expr(e.hi);
        break;
      case 'unary':
      case 'deref':
      case 'cast':
      case 'coerce':
        this.expr(e.operand);
        break;
      case 'repeat':
        this.expr(e.elem);
        break;
      default:
        break;
    }
    // Calls of `-> !` functions and other never-typed expressions end the path.
    if (e.ty.kind === 'never') this.cur = null;
  }
}

/**
 * Whether values of a type are copied rather than moved. `&mut T` counts as Copy here: passing
 * it on reborrows it, and we would rather miss a real move of one than report a false one.
 */
export function isCopy(t: Ty): boolean {
  switch (t.kind) {
    case 'tuple':
      return t.elems.every(isCopy);
    case 'array':
      return isCopy(t.elem);
    case 'adt':
      return t.def.derives.includes('Copy');
    case 'iter':
      return false;
    default:
      return true;
  }
}

const built = new WeakMap<FnBody, Cfg>();

/** The body's CFG, built once and shared by borrow checking and liveness. */
export function buildCfg(b: FnBody): Cfg {
  let cfg = built.get(b);
  if (!cfg) {
    cfg = new CfgBuilder().body(b);
    built.set(b, cfg);
  }
  return cfg;
}

/** Predecessor lists of a graph. */
export function predecessors(cfg: Cfg): number[][] {
  const preds: number[][] = cfg.nodes.map(() => []);
  cfg.nodes.forEach((n, i) => n.succ.forEach((s) => preds[s]!.push(i)));
  return preds;
}
