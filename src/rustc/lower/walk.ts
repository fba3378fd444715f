// Generic traversal of THIR expressions: the pre-scans lowering needs (which locals have their
// address taken, which expressions may assign to locals) without repeating the node list.
import type { Block, Expr, Pat } from '../thir/thir.ts';

export function blockExprs(b: Block): Expr[] {
  const out: Expr[] = [];
  for (const s of b.stmts) {
    if (s.kind === 'let') { if (s.init) out.push(s.init); if (s.else) out.push(...blockExprs(s.else)); }
    else if (s.kind === 'expr') out.push(s.expr);
  }
  if (b.tail) out.push(b.tail);
  return out;
}

/** The direct sub-expressions of `e` (blocks flattened to their statements' expressions). */
export function childExprs(e: Expr): Expr[] {
  switch (e.kind) {
    case 'call': case 'builtin': return e.args;
    case 'callValue': return [e.func, ...e.args];
    case 'binary': case 'logical': return [e.lhs, e.rhs];
    case 'unary': case 'deref': case 'cast': case 'coerce': return [e.operand];
    case 'addrOf': return [e.place];
    case 'field': return [e.base];
    case 'index': return [e.base, e.index];
    case 'rangeIndex': return [e.base, ...(e.lo ? [e.lo] : []), ...(e.hi ? [e.hi] : [])];
    case 'assign': case 'assignOp': return [e.place, e.value];
    case 'block': return blockExprs(e.block);
    case 'if': return [e.cond, e.then, ...(e.else ? [e.else] : [])];
    case 'loop': return blockExprs(e.body);
    case 'for': return [e.iter, ...blockExprs(e.body)];
    case 'match': return [e.scrutinee, ...e.arms.flatMap((a) => (a.guard ? [a.guard, a.body] : [a.body]))];
    case 'break': case 'return': return e.value ? [e.value] : [];
    case 'range': return [e.lo, e.hi];
    case 'tuple': case 'array': return e.elems;
    case 'repeat': return [e.elem];
    case 'struct': return [...e.fields, ...(e.base ? [e.base] : [])];
    default: return [];
  }
}

export function walkExpr(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  for (const c of childExprs(e)) walkExpr(c, visit);
}

/** The local a place expression is rooted in, if it is one (through fields and indexing, not dereferences). */
export function rootLocal(e: Expr): number | undefined {
  switch (e.kind) {
    case 'local': return e.local;
    case 'field': return rootLocal(e.base);
    case 'index': return rootLocal(e.base);
    case 'rangeIndex': return rootLocal(e.base);
    default: return undefined;
  }
}

export function patBindsByRef(p: Pat): boolean {
  switch (p.kind) {
    case 'binding': return p.mode !== 'value' || (p.sub !== undefined && patBindsByRef(p.sub));
    case 'tuple': return p.elems.some(patBindsByRef);
    case 'struct': return p.fields.some((f) => patBindsByRef(f.pat));
    case 'or': return p.alts.some(patBindsByRef);
    default: return false;
  }
}

/** Locals whose address is taken somewhere in the body: they live in stack slots. */
export function addressTakenLocals(b: Block): Set<number> {
  const out = new Set<number>();
  const mark = (e: Expr) => { const l = rootLocal(e); if (l !== undefined) out.add(l); };
  const visit = (e: Expr) => {
    if (e.kind === 'addrOf') mark(e.place);
    if (e.kind === 'match' && e.arms.some((a) => patBindsByRef(a.pat))) mark(e.scrutinee);
  };
  const visitBlock = (blk: Block) => {
    for (const s of blk.stmts) if (s.kind === 'let' && s.init && patBindsByRef(s.pat)) mark(s.init);
    for (const e of blockExprs(blk)) walkExpr(e, (x) => {
      visit(x);
      if (x.kind === 'block') visitLets(x.block);
      if (x.kind === 'loop' || x.kind === 'for') visitLets(x.body);
    });
  };
  const visitLets = (blk: Block) => { for (const s of blk.stmts) if (s.kind === 'let' && s.init && patBindsByRef(s.pat)) mark(s.init); };
  visitBlock(b);
  return out;
}

const assigns = new WeakMap<Expr, boolean>();

/** Whether evaluating `e` may assign to a local (so operands read before it must be copied first). */
export function mayAssign(e: Expr): boolean {
  let r = assigns.get(e);
  if (r === undefined) {
    r = false;
    walkExpr(e, (x) => { if (x.kind === 'assign' || x.kind === 'assignOp' || x.kind === 'for' || x.kind === 'match') r = true; });
    assigns.set(e, r);
  }
  return r;
}
