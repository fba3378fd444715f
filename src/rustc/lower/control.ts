// Blocks, `let`, `if`, `loop`, `break`, `continue`, `return`. A diverging expression ends its
// block; whatever follows it is emitted into a fresh block no edge reaches.
import { v } from '../ir/types.ts';
import type { Block, Expr } from '../thir/thir.ts';
import type { FnCx, Store } from './context.ts';
import { ice } from './errors.ts';
import { lowerExpr, lowerInto } from './expr.ts';
import { bindIrrefutable, testAndBind } from './match.ts';
import { scalar } from './arith.ts';

export function lowerBlockInto(cx: FnCx, b: Block, dest: Store): void {
  for (const s of b.stmts) {
    if (s.kind === 'expr') lowerExpr(cx, s.expr);
    else if (s.kind === 'let') lowerLet(cx, s);
  }
  if (b.tail) lowerInto(cx, b.tail, dest);
}

function lowerLet(cx: FnCx, s: Extract<Block['stmts'][number], { kind: 'let' }>): void {
  if (!s.init) return;
  const p = s.pat;
  if (p.kind === 'binding' && p.mode === 'value' && !p.sub && !s.else) {
    lowerInto(cx, s.init, cx.locals[p.local] ?? ice(`unknown local ${p.local}`, p.span));
    return;
  }
  const val = lowerExpr(cx, s.init);
  if (!s.else) { bindIrrefutable(cx, p, val, s.init); return; }
  const fail = cx.newBlock('letelse');
  testAndBind(cx, p, val, s.init, fail);
  const ok = cx.newBlock('letok');
  cx.goto(ok, fail);
  lowerBlockInto(cx, s.else, { k: 'z' });
  cx.finish({ op: 'unreachable' }, ok);
}

export function lowerIf(cx: FnCx, e: Expr & { kind: 'if' }, dest: Store): void {
  const then = cx.newBlock('then');
  const otherwise = cx.newBlock('else');
  const join = cx.newBlock('endif');
  branchOn(cx, e.cond, then, otherwise);
  cx.switchTo(then);
  lowerInto(cx, e.then, dest);
  cx.goto(join, otherwise);
  if (e.else) lowerInto(cx, e.else, dest);
  cx.goto(join, join);
}

export function lowerLoop(cx: FnCx, e: Expr & { kind: 'loop' }, dest: Store): void {
  const head = cx.newBlock('loop');
  const exit = cx.newBlock('endloop');
  cx.loops.set(e.loop, { breakLabel: exit, continueLabel: head, dest, ty: e.ty });
  cx.goto(head, head);
  lowerBlockInto(cx, e.body, { k: 'z' });
  cx.goto(head, exit);
}

export function lowerBreak(cx: FnCx, loop: number, value?: Expr): void {
  const t = cx.loops.get(loop) ?? ice(`break out of an unknown loop ${loop}`);
  if (value) lowerInto(cx, value, t.dest);
  cx.goto(t.breakLabel);
}

export function lowerReturn(cx: FnCx, value?: Expr): void {
  if (value) lowerInto(cx, value, cx.ret);
  emitReturn(cx);
}

export function emitReturn(cx: FnCx): void {
  if (cx.def.ret.kind === 'never') { cx.finish({ op: 'unreachable' }); return; }
  const r = cx.ret;
  cx.finish(r.k === 'vals' ? { op: 'return', value: v(r.ids[0]!) } : { op: 'return' });
}

/**
 * Branches on a condition: `&&`, `||` and `!` become jumps between blocks (no bool value
 * in between), so each comparison ends its block and codegen fuses it with the jump.
 * Leaves the current block terminated (the caller switches to a target).
 */
export function branchOn(cx: FnCx, e: Expr, then: string, otherwise: string): void {
  if (e.kind === 'logical') {
    const mid = cx.newBlock(e.op === 'and' ? 'and' : 'or');
    if (e.op === 'and') branchOn(cx, e.lhs, mid, otherwise);
    else branchOn(cx, e.lhs, then, mid);
    cx.switchTo(mid);
    branchOn(cx, e.rhs, then, otherwise);
    return;
  }
  if (e.kind === 'unary' && e.op === 'not' && e.ty.kind === 'bool') { branchOn(cx, e.operand, otherwise, then); return; }
  const cond = scalar(lowerExpr(cx, e), e.span);
  cx.branch(cond, then, otherwise);
}
