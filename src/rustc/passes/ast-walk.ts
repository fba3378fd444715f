// A walk over the whole AST, for the lints rustc checks before type checking (parentheses,
// naming) and to index expressions by span. Callbacks see every item, statement, expression
// and pattern, parents before children.
import type { Block, Crate, Expr, Item, Pat, Stmt } from '../ast/ast.ts';

export interface AstCallbacks {
  item?(it: Item, parent: Item | undefined): void;
  stmt?(s: Stmt): void;
  expr?(e: Expr): void;
  pat?(p: Pat, ctx: PatContext): void;
}

/** Where a pattern sits (rustc names bindings of parameters and locals alike "variable"). */
export type PatContext = 'param' | 'let' | 'arm' | 'for' | 'nested';

export function walkCrate(c: Crate, cb: AstCallbacks): void {
  for (const it of c.items) walkItem(it, cb, undefined);
}

export function walkItem(it: Item, cb: AstCallbacks, parent: Item | undefined): void {
  cb.item?.(it, parent);
  switch (it.kind) {
    case 'fn':
      for (const p of it.sig.params) if (p.pat) walkPat(p.pat, cb, 'param');
      if (it.body) walkBlock(it.body, cb);
      break;
    case 'mod':
      for (const x of it.items ?? []) walkItem(x, cb, it);
      break;
    case 'impl':
    case 'trait':
    case 'externBlock':
      for (const x of it.items) walkItem(x, cb, it);
      break;
    case 'static':
    case 'const':
      if (it.expr) walkExpr(it.expr, cb);
      break;
    case 'enum':
      for (const v of it.variants) if (v.discriminant) walkExpr(v.discriminant, cb);
      break;
    default:
      break;
  }
}

export function walkBlock(b: Block, cb: AstCallbacks): void {
  for (const s of b.stmts) {
    cb.stmt?.(s);
    switch (s.kind) {
      case 'let':
        walkPat(s.pat, cb, 'let');
        if (s.init) walkExpr(s.init, cb);
        if (s.else) walkBlock(s.else, cb);
        break;
      case 'expr':
        walkExpr(s.expr, cb);
        break;
      case 'item':
        walkItem(s.item, cb, undefined);
        break;
      default:
        break;
    }
  }
}

export function walkPat(p: Pat, cb: AstCallbacks, ctx: PatContext): void {
  cb.pat?.(p, ctx);
  const sub = (q: Pat): void => walkPat(q, cb, ctx === 'param' ? 'param' : 'nested');
  switch (p.kind) {
    case 'ident':
      if (p.sub) sub(p.sub);
      break;
    case 'ref':
    case 'paren':
    case 'box':
      sub(p.pat);
      break;
    case 'tuple':
    case 'slice':
    case 'tupleStruct':
      for (const q of p.elems) sub(q);
      break;
    case 'struct':
      for (const f of p.fields) sub(f.pat);
      break;
    case 'or':
      for (const q of p.pats) sub(q);
      break;
    default:
      break;
  }
}

export function walkExpr(e: Expr, cb: AstCallbacks): void {
  cb.expr?.(e);
  const x = (y: Expr | undefined): void => {
    if (y) walkExpr(y, cb);
  };
  switch (e.kind) {
    case 'unary':
    case 'cast':
    case 'field':
    case 'ref':
    case 'try':
    case 'await':
    case 'paren':
      x(e.expr);
      break;
    case 'binary':
    case 'assign':
    case 'assignOp':
      x(e.lhs);
      x(e.rhs);
      break;
    case 'call':
      x(e.func);
      e.args.forEach(x);
      break;
    case 'methodCall':
      x(e.receiver);
      e.args.forEach(x);
      break;
    case 'index':
      x(e.expr);
      x(e.index);
      break;
    case 'range':
      x(e.lo);
      x(e.hi);
      break;
    case 'tuple':
    case 'array':
      e.elems.forEach(x);
      break;
    case 'repeat':
      x(e.expr);
      x(e.count);
      break;
    case 'struct':
      for (const f of e.fields) x(f.expr);
      if (e.rest && e.rest !== 'rest') x(e.rest);
      break;
    case 'block':
      walkBlock(e.block, cb);
      break;
    case 'if':
      x(e.cond);
      walkBlock(e.then, cb);
      x(e.else);
      break;
    case 'let':
      walkPat(e.pat, cb, 'let');
      x(e.expr);
      break;
    case 'while':
      x(e.cond);
      walkBlock(e.body, cb);
      break;
    case 'loop':
      walkBlock(e.body, cb);
      break;
    case 'for':
      walkPat(e.pat, cb, 'for');
      x(e.iter);
      walkBlock(e.body, cb);
      break;
    case 'match':
      x(e.expr);
      for (const a of e.arms) {
        walkPat(a.pat, cb, 'arm');
        x(a.guard);
        x(a.body);
      }
      break;
    case 'closure':
      for (const p of e.params) walkPat(p.pat, cb, 'param');
      x(e.body);
      break;
    case 'break':
    case 'return':
      x(e.expr);
      break;
    default:
      break;
  }
}
