// A walker over THIR bodies: each pass subclasses it and overrides the nodes it cares about,
// calling `super.visitExpr(e)` (or `walkExpr`) to go on into the children. Children are visited
// in evaluation order (rustc's passes report in that order).
import type { Arm, Block, Expr, Pat, Stmt } from '../thir/thir.ts';

export class ThirVisitor {
  visitBlock(b: Block): void {
    for (const s of b.stmts) this.visitStmt(s);
    if (b.tail) this.visitExpr(b.tail);
  }

  visitStmt(s: Stmt): void {
    if (s.kind === 'let') {
      if (s.init) this.visitExpr(s.init);
      this.visitPat(s.pat);
      if (s.else) this.visitBlock(s.else);
    } else if (s.kind === 'expr') {
      this.visitExpr(s.expr);
    }
  }

  visitPat(p: Pat): void {
    walkPat(p, (q) => this.visitPat(q));
  }

  visitArm(a: Arm): void {
    this.visitPat(a.pat);
    if (a.guard) this.visitExpr(a.guard);
    this.visitExpr(a.body);
  }

  visitExpr(e: Expr): void {
    this.walkExpr(e);
  }

  walkExpr(e: Expr): void {
    switch (e.kind) {
      case 'call':
        for (const a of e.args) this.visitExpr(a);
        break;
      case 'callValue':
        this.visitExpr(e.func);
        for (const a of e.args) this.visitExpr(a);
        break;
      case 'builtin':
      case 'tuple':
      case 'array':
        for (const a of e.kind === 'builtin' ? e.args : e.elems) this.visitExpr(a);
        break;
      case 'binary':
      case 'logical':
        this.visitExpr(e.lhs);
        this.visitExpr(e.rhs);
        break;
      case 'range':
        this.visitExpr(e.lo);
        this.visitExpr(e.hi);
        break;
      case 'unary':
      case 'deref':
      case 'cast':
      case 'coerce':
        this.visitExpr(e.operand);
        break;
      case 'addrOf':
        this.visitExpr(e.place);
        break;
      case 'field':
        this.visitExpr(e.base);
        break;
      case 'index':
        this.visitExpr(e.base);
        this.visitExpr(e.index);
        break;
      case 'rangeIndex':
        this.visitExpr(e.base);
        if (e.lo) this.visitExpr(e.lo);
        if (e.hi) this.visitExpr(e.hi);
        break;
      case 'assign':
      case 'assignOp':
        this.visitExpr(e.place);
        this.visitExpr(e.value);
        break;
      case 'block':
        this.visitBlock(e.block);
        break;
      case 'if':
        this.visitExpr(e.cond);
        this.visitExpr(e.then);
        if (e.else) this.visitExpr(e.else);
        break;
      case 'loop':
        this.visitBlock(e.body);
        break;
      case 'for':
        this.visitExpr(e.iter);
        this.visitPat(e.pat);
        this.visitBlock(e.body);
        break;
      case 'match':
        this.visitExpr(e.scrutinee);
        for (const a of e.arms) this.visitArm(a);
        break;
      case 'break':
      case 'return':
        if (e.value) this.visitExpr(e.value);
        break;
      case 'repeat':
        this.visitExpr(e.elem);
        break;
      case 'struct':
        for (const f of e.fields) this.visitExpr(f);
        if (e.base) this.visitExpr(e.base);
        break;
      default:
        break;
    }
  }
}

/** Calls `f` on each direct sub-pattern. */
export function walkPat(p: Pat, f: (q: Pat) => void): void {
  switch (p.kind) {
    case 'binding':
      if (p.sub) f(p.sub);
      break;
    case 'tuple':
      for (const q of p.elems) f(q);
      break;
    case 'struct':
      for (const q of p.fields) f(q.pat);
      break;
    case 'deref':
      f(p.pat);
      break;
    case 'or':
      for (const q of p.alts) f(q);
      break;
    default:
      break;
  }
}

/** Every local a pattern binds (each alternative of an or-pattern binds the same ones). */
export function patBindings(p: Pat, out: Array<Pat & { kind: 'binding' }> = []): Array<Pat & { kind: 'binding' }> {
  if (p.kind === 'binding') out.push(p);
  if (p.kind === 'or') {
    if (p.alts[0]) patBindings(p.alts[0], out);
    return out;
  }
  walkPat(p, (q) => patBindings(q, out));
  return out;
}
