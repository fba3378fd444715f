// Blocks, statements and control flow: `if` (and `if let` as a match), `loop`, `while` (and
// `while let`) desugared to `loop`, `for` over the built-in iterators, `match`, labelled
// blocks (a `loop` left by its final `break`), `break`/`continue`/`return`.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import type { Span } from '../span/span.ts';
import type { Arm, Block, Expr, Pat, Stmt } from '../thir/thir.ts';
import { BOOL, ERROR_TY, NEVER, type Ty, UNIT, USIZE } from '../thir/ty.ts';
import { blameSpan, coerce, mismatchHelp, tryCoerce } from './coerce.ts';
import { checkCoerce, checkExpr } from './expr.ts';
import { type Expect, type FnCx, type LoopInfo, NO_EXPECT } from './fncx.ts';
import { iterItemTy, toIterator } from './iter.ts';
import { checkPat } from './pat.ts';

function isNever(fcx: FnCx, t: Ty): boolean {
  return fcx.shallow(t).kind === 'never';
}

/** Block-like expressions may stand as statements without `;`. */
function blockLike(e: ast.Expr): boolean {
  return ['block', 'if', 'while', 'loop', 'for', 'match'].includes(e.kind) || (e.kind === 'macro' && e.mac.delim === '{');
}

export function checkBlock(fcx: FnCx, b: ast.Block, exp: Expect, unsafe = false): Block {
  const itemScope = fcx.cx.blockScopes.get(b);
  if (itemScope) fcx.scopes.push(itemScope);
  fcx.pushNames();
  const stmts: Stmt[] = [];
  let tail: Expr | undefined;
  let diverges = false;
  const last = b.stmts.length - 1;
  b.stmts.forEach((s, i) => {
    if (s.kind === 'expr' && !s.semi && i === last && !(s.expr.kind === 'macro' && s.expr.mac.delim === '{' && false)) {
      tail = checkExpr(fcx, s.expr, exp);
      return;
    }
    const st = checkStmt(fcx, s);
    if (!st) return;
    if (st.diverges) diverges = true;
    stmts.push(st.stmt);
  });
  fcx.popNames();
  if (itemScope) fcx.scopes.pop();
  const ty: Ty = tail ? tail.ty : diverges ? NEVER : UNIT;
  return { stmts, ...(tail ? { tail } : {}), unsafe, ty, span: b.span };
}

function checkStmt(fcx: FnCx, s: ast.Stmt): { stmt: Stmt; diverges: boolean } | undefined {
  switch (s.kind) {
    case 'empty':
      return undefined;
    case 'item':
      return { stmt: { kind: 'item', span: s.span }, diverges: false };
    case 'expr': {
      if (!s.semi && blockLike(s.expr)) {
        const x = checkExpr(fcx, s.expr, { ty: UNIT });
        const never = isNever(fcx, x.ty);
        const c = never ? x : coerce(fcx, x, UNIT);
        return { stmt: { kind: 'expr', expr: c, span: s.span }, diverges: never };
      }
      const x = checkExpr(fcx, s.expr);
      return { stmt: { kind: 'expr', expr: x, span: s.span }, diverges: isNever(fcx, x.ty) };
    }
    case 'let': {
      const declared = s.ty ? fcx.lowerTy(s.ty, true) : undefined;
      let ty = declared;
      let init: Expr | undefined;
      let diverges = false;
      if (s.init) {
        const raw = checkExpr(fcx, s.init, ty ? { ty } : NO_EXPECT);
        diverges = isNever(fcx, raw.ty);
        // Without a written type the local has the initializer's type (a `!` one stays open).
        if (!ty) ty = raw.ty;
        init = coerce(fcx, raw, ty, (d) => {
          if (s.ty) d.secondary(s.ty.span, 'expected due to this');
        });
      }
      if (!ty) ty = fcx.infer.fresh();
      const sized = fcx.shallow(ty);
      if (sized.kind === 'str' || sized.kind === 'slice') {
        const d = error(`the size for values of type \`${fcx.show(sized)}\` cannot be known at compilation time`, 'E0277')
          .primary(s.pat.span, "doesn't have a size known at compile-time")
          .help(`the trait \`Sized\` is not implemented for \`${fcx.show(sized)}\``)
          .note('all local variables must have a statically known size');
        if (s.init && !s.ty) d.suggest({ lo: s.init.span.lo, hi: s.init.span.lo }, 'consider borrowing here', '&', 'verbose', 'MachineApplicable');
        fcx.cx.emit(d);
        ty = ERROR_TY;
        init = undefined;
      }
      let elseBlock: Block | undefined;
      if (s.else) {
        elseBlock = checkBlock(fcx, s.else, NO_EXPECT);
        if (!isNever(fcx, elseBlock.ty)) {
          fcx.cx.emit(error('`else` clause of `let...else` does not diverge', 'E0308').primary(s.else.span, 'expected `!`, found `()`').help('try adding a diverging expression, such as `return` or `panic!(..)`').help('...or use `match` instead of `let...else`'));
        }
      }
      const pat = checkPat(fcx, s.pat, ty, { declare: true, names: new Map() });
      return { stmt: { kind: 'let', pat, ...(init ? { init } : {}), ...(elseBlock ? { else: elseBlock } : {}), span: s.span }, diverges };
    }
  }
}

export function checkBlockExpr(fcx: FnCx, e: ast.Expr & { kind: 'block' }, exp: Expect): Expr {
  if (e.async) return refuseExpr(fcx, '`async` blocks', e.span);
  if (e.const) return refuseExpr(fcx, 'inline `const` blocks', e.span);
  if (e.label) return checkLabelledBlock(fcx, e, exp);
  const block = checkBlock(fcx, e.block, exp, e.unsafe);
  return fcx.expr({ kind: 'block', block }, block.ty, e.span);
}

function refuseExpr(fcx: FnCx, what: string, span: Span): Expr {
  fcx.cx.unsupported(what, span);
  return fcx.errorExpr(span);
}

function newLoop(fcx: FnCx, kind: LoopInfo['kind'], label: ast.Label | undefined, breakTy?: Ty): LoopInfo {
  const info: LoopInfo = { id: fcx.loopCount++, kind, hasBreak: false, ...(label ? { label: label.name } : {}), ...(breakTy ? { breakTy } : {}) };
  fcx.loops.push(info);
  return info;
}

/** `'a: { … }` is `loop { break 'a { … } }`. */
function checkLabelledBlock(fcx: FnCx, e: ast.Expr & { kind: 'block' }, exp: Expect): Expr {
  const info = newLoop(fcx, 'block', e.label, exp.ty ?? fcx.infer.fresh());
  const inner = checkBlock(fcx, e.block, { ty: info.breakTy }, e.unsafe);
  fcx.loops.pop();
  const value = coerce(fcx, fcx.expr({ kind: 'block', block: inner }, inner.ty, e.span), info.breakTy!);
  const brk = fcx.expr({ kind: 'break', loop: info.id, value }, NEVER, e.span);
  const body: Block = { stmts: [], tail: brk, unsafe: false, ty: NEVER, span: e.block.span };
  return fcx.expr({ kind: 'loop', loop: info.id, body }, info.breakTy!, e.span);
}

export function checkLoop(fcx: FnCx, e: ast.Expr & { kind: 'loop' }, exp: Expect): Expr {
  const want = exp.ty && !exp.cast ? fcx.shallow(exp.ty) : undefined;
  // A loop that must be `!` (the tail of `-> !`) has no value to break with.
  const info = newLoop(fcx, 'loop', e.label, want && want.kind !== 'infer' ? want : undefined);
  const body = unitBody(fcx, e.body);
  fcx.loops.pop();
  const ty = info.hasBreak && fcx.shallow(info.breakTy ?? UNIT).kind !== 'never' ? info.breakTy ?? UNIT : NEVER;
  return fcx.expr({ kind: 'loop', loop: info.id, body }, ty, e.span);
}

/** A loop body: its value must be `()`. */
function unitBody(fcx: FnCx, b: ast.Block): Block {
  const block = checkBlock(fcx, b, { ty: UNIT });
  if (block.tail && !isNever(fcx, block.tail.ty)) {
    const t = coerce(fcx, block.tail, UNIT);
    return { ...block, tail: t, ty: UNIT };
  }
  return block;
}

function breakExpr(fcx: FnCx, info: LoopInfo, span: Span): Expr {
  info.hasBreak = true;
  return fcx.expr({ kind: 'break', loop: info.id }, NEVER, span);
}

export function checkCond(fcx: FnCx, c: ast.Expr): Expr {
  const x = checkExpr(fcx, c, { ty: BOOL });
  return coerce(fcx, x, BOOL, (d) => {
    if (c.kind === 'assign') {
      const at = fcx.cx.snippet({ lo: c.lhs.span.hi, hi: c.rhs.span.lo }).indexOf('=') + c.lhs.span.hi;
      d.suggest({ lo: at, hi: at + 1 }, 'you might have meant to compare for equality', '==', 'verbose', 'MaybeIncorrect');
    }
  });
}

export function checkWhile(fcx: FnCx, e: ast.Expr & { kind: 'while' }): Expr {
  const info = newLoop(fcx, 'while', e.label);
  let tail: Expr;
  if (e.cond.kind === 'let') {
    // while let P = x { body }  ⇒  loop { match x { P => body, _ => break } }
    const scrut = checkExpr(fcx, e.cond.expr);
    fcx.pushNames();
    const pat = checkPat(fcx, e.cond.pat, scrut.ty, { declare: true, names: new Map() });
    const body = unitBody(fcx, e.body);
    fcx.popNames();
    const arms: Arm[] = [
      { pat, body: fcx.expr({ kind: 'block', block: body }, body.ty, e.body.span), span: e.span },
      { pat: { kind: 'wild', ty: scrut.ty, span: e.cond.span } as Pat, body: breakExpr(fcx, info, e.span), span: e.span },
    ];
    tail = fcx.expr({ kind: 'match', scrutinee: scrut, arms }, UNIT, e.span);
  } else {
    const cond = checkCond(fcx, e.cond);
    const body = unitBody(fcx, e.body);
    tail = fcx.expr({ kind: 'if', cond, then: fcx.expr({ kind: 'block', block: body }, body.ty, e.body.span), else: breakExpr(fcx, info, e.span) }, UNIT, e.span);
  }
  fcx.loops.pop();
  const block: Block = { stmts: [], tail, unsafe: false, ty: UNIT, span: e.body.span };
  return fcx.expr({ kind: 'loop', loop: info.id, body: block }, UNIT, e.span);
}

export function checkFor(fcx: FnCx, e: ast.Expr & { kind: 'for' }): Expr {
  const rawIter = checkExpr(fcx, e.iter);
  const it = toIterator(fcx, rawIter);
  if (!it) return fcx.errorExpr(e.span);
  const info = newLoop(fcx, 'for', e.label);
  fcx.pushNames();
  let pat = checkPat(fcx, e.pat, it.patTy, { declare: true, names: new Map() });
  if (it.derefItem) pat = { kind: 'deref', pat, ty: iterItemTy(fcx, it.iter.ty), span: pat.span } as Pat;
  const body = unitBody(fcx, e.body);
  fcx.popNames();
  fcx.loops.pop();
  return fcx.expr({ kind: 'for', loop: info.id, pat, iter: it.iter, body }, UNIT, e.span);
}

function findLoop(fcx: FnCx, label: ast.Label | undefined, what: 'break' | 'continue', span: Span): LoopInfo | undefined {
  if (label) {
    for (let i = fcx.loops.length - 1; i >= 0; i--) if (fcx.loops[i]!.label === label.name) return fcx.loops[i];
    fcx.cx.emit(error(`use of undeclared label \`${label.name}\``, 'E0426').primary(label.span, `undeclared label \`${label.name}\``));
    return undefined;
  }
  for (let i = fcx.loops.length - 1; i >= 0; i--) if (fcx.loops[i]!.kind !== 'block') return fcx.loops[i];
  fcx.cx.emit(error(`\`${what}\` outside of a loop${what === 'break' ? ' or labeled block' : ''}`, 'E0268').primary(span, `cannot \`${what}\` outside of a loop${what === 'break' ? ' or labeled block' : ''}`));
  return undefined;
}

export function checkBreak(fcx: FnCx, e: ast.Expr & { kind: 'break' }): Expr {
  const info = findLoop(fcx, e.label, 'break', e.span);
  if (!info) {
    if (e.expr) checkExpr(fcx, e.expr);
    return fcx.errorExpr(e.span);
  }
  info.hasBreak = true;
  if (!e.expr) {
    if (info.kind === 'loop' || info.kind === 'block') {
      if (!info.breakTy) info.breakTy = UNIT;
      else if (!fcx.infer.unify(info.breakTy, UNIT)) {
        const d = fcx.mismatch(e.span, info.breakTy, UNIT);
        if (fcx.shallow(info.breakTy).kind === 'never' && fcx.retSpan) d.secondary(fcx.retSpan, 'expected `!` because of this return type');
        fcx.cx.emit(d);
      }
    }
    return fcx.expr({ kind: 'break', loop: info.id }, NEVER, e.span);
  }
  if (info.kind === 'while' || info.kind === 'for') {
    checkExpr(fcx, e.expr);
    const kw = info.kind === 'while' ? 'while' : 'for';
    fcx.cx.emit(error(`\`break\` with value from a \`${kw}\` loop`, 'E0571').primary(e.span, `can only break with a value inside \`loop\` or breakable block`));
    return fcx.errorExpr(e.span);
  }
  if (!info.breakTy) info.breakTy = fcx.infer.fresh();
  const value = checkCoerce(fcx, e.expr, info.breakTy);
  return fcx.expr({ kind: 'break', loop: info.id, value }, NEVER, e.span);
}

export function checkContinue(fcx: FnCx, e: ast.Expr & { kind: 'continue' }): Expr {
  const info = findLoop(fcx, e.label, 'continue', e.span);
  if (!info) return fcx.errorExpr(e.span);
  if (info.kind === 'block') {
    fcx.cx.emit(error('`continue` pointing to a labeled block', 'E0696').primary(e.span, 'labeled blocks cannot be `continue`\'d'));
    return fcx.errorExpr(e.span);
  }
  return fcx.expr({ kind: 'continue', loop: info.id }, NEVER, e.span);
}

export function checkReturn(fcx: FnCx, e: ast.Expr & { kind: 'return' }): Expr {
  if (fcx.constContext) {
    fcx.cx.emit(error('return statement outside of function body', 'E0572').primary(e.span));
    return fcx.errorExpr(e.span);
  }
  if (!e.expr) {
    if (!fcx.infer.unify(fcx.retTy, UNIT)) {
      const d = error('`return;` in a function whose return type is not `()`', 'E0069').primary(e.span, 'return type is not `()`');
      if (fcx.retSpan) d.secondary(fcx.retSpan, `expected \`${fcx.show(fcx.retTy)}\` because of this return type`);
      fcx.cx.emit(d);
    }
    return fcx.expr({ kind: 'return' }, NEVER, e.span);
  }
  const value = checkCoerce(fcx, e.expr, fcx.retTy, (d) => {
    if (fcx.retSpan) d.secondary(fcx.retSpan, `expected \`${fcx.show(fcx.retTy)}\` because of return type`);
  });
  return fcx.expr({ kind: 'return', value }, NEVER, e.span);
}

/**
 * The common type of `if`/`else` branches and `match` arms: the expected type when one is
 * known, else the first branch that does not diverge, the others coerced to it.
 */
function joinBranches(fcx: FnCx, branches: Expr[], exp: Expect, onMismatch: (prev: Expr, bad: Expr, target: Ty) => void): { exprs: Expr[]; ty: Ty } {
  const known = exp.ty && !exp.cast && fcx.shallow(exp.ty).kind !== 'infer' ? exp.ty : undefined;
  let target: Ty | undefined = known;
  let first: Expr | undefined;
  const out: Expr[] = [];
  for (const b of branches) {
    if (!first && !isNever(fcx, b.ty)) first = b;
    if (!target) {
      if (isNever(fcx, b.ty)) {
        out.push(b);
        continue;
      }
      target = b.ty;
      out.push(b);
      continue;
    }
    const c = tryCoerce(fcx, b, target);
    if (c) out.push(c);
    else {
      onMismatch(first ?? b, b, target);
      out.push(b);
    }
  }
  const ty = target ?? NEVER;
  return { exprs: out.map((x) => (isNever(fcx, x.ty) && fcx.shallow(ty).kind !== 'never' ? (tryCoerce(fcx, x, ty) ?? x) : x)), ty };
}

/** rustc's adjust_for_branches: branches keep only a hard expectation. */
function forBranches(exp: Expect): Expect {
  return exp.cast ? NO_EXPECT : exp;
}

export function checkIf(fcx: FnCx, e: ast.Expr & { kind: 'if' }, exp0: Expect): Expr {
  const exp = forBranches(exp0);
  if (e.cond.kind === 'let') return checkIfLet(fcx, e, exp);
  if (containsLet(e.cond)) {
    fcx.cx.unsupported('`let` chains', e.cond.span);
    return fcx.errorExpr(e.span);
  }
  const cond = checkCond(fcx, e.cond);
  if (!e.else) {
    const block = checkBlock(fcx, e.then, { ty: UNIT });
    const thenBlock = fcx.expr({ kind: 'block', block }, block.ty, e.then.span);
    // A diverging `then` of an `if` without `else` is still a `()` branch.
    const then = isNever(fcx, block.ty) ? (tryCoerce(fcx, thenBlock, UNIT) ?? thenBlock) : thenBlock;
    if (block.tail && !isNever(fcx, block.ty) && !fcx.infer.unify(block.ty, UNIT)) {
      fcx.cx.emit(
        error('`if` may be missing an `else` clause', 'E0317')
          .primary(e.span, `expected \`${fcx.show(block.ty)}\`, found \`()\``)
          .secondary(blameSpan(block.tail), 'found here')
          .note('`if` expressions without `else` evaluate to `()`')
          .help('consider adding an `else` block that evaluates to the expected type'),
      );
    }
    return fcx.expr({ kind: 'if', cond, then }, UNIT, e.span);
  }
  const thenBlock = checkBlock(fcx, e.then, exp);
  const then = fcx.expr({ kind: 'block', block: thenBlock }, thenBlock.ty, e.then.span);
  const els = checkExpr(fcx, e.else, exp);
  const joined = joinBranches(fcx, [then, els], exp, (prev, bad, target) => {
    const d = error('`if` and `else` have incompatible types', 'E0308').primary(blameSpan(bad), `expected \`${fcx.show(target)}\`, found \`${fcx.show(bad.ty)}\``.replace('`{integer}`', 'integer'));
    if (prev !== bad) d.secondary(blameSpan(prev), 'expected because of this');
    mismatchHelp(fcx, d, bad, target);
    fcx.cx.emit(d);
  });
  return fcx.expr({ kind: 'if', cond, then: joined.exprs[0]!, else: joined.exprs[1]! }, joined.ty, e.span);
}

function containsLet(e: ast.Expr): boolean {
  if (e.kind === 'let') return true;
  if (e.kind === 'binary' && (e.op === '&&' || e.op === '||')) return containsLet(e.lhs) || containsLet(e.rhs);
  return false;
}

/** `if let P = x { A } else { B }` is `match x { P => A, _ => B }`. */
function checkIfLet(fcx: FnCx, e: ast.Expr & { kind: 'if' }, exp: Expect): Expr {
  const cond = e.cond as ast.Expr & { kind: 'let' };
  const scrut = checkExpr(fcx, cond.expr);
  fcx.pushNames();
  const pat = checkPat(fcx, cond.pat, scrut.ty, { declare: true, names: new Map() });
  const thenBlock = checkBlock(fcx, e.then, e.else ? exp : { ty: UNIT });
  fcx.popNames();
  const then = fcx.expr({ kind: 'block', block: thenBlock }, thenBlock.ty, e.then.span);
  const els = e.else ? checkExpr(fcx, e.else, exp) : fcx.expr({ kind: 'tuple', elems: [] }, UNIT, e.span);
  const joined = joinBranches(fcx, [then, els], e.else ? exp : { ty: UNIT }, (prev, bad, target) => {
    const d = error(e.else ? '`if` and `else` have incompatible types' : 'mismatched types', 'E0308').primary(blameSpan(bad), `expected \`${fcx.show(target)}\`, found \`${fcx.show(bad.ty)}\``);
    if (prev !== bad) d.secondary(blameSpan(prev), 'expected because of this');
    fcx.cx.emit(d);
  });
  const arms: Arm[] = [
    { pat, body: joined.exprs[0]!, span: e.then.span },
    { pat: { kind: 'wild', ty: scrut.ty, span: cond.span } as Pat, body: joined.exprs[1]!, span: e.else?.span ?? e.span },
  ];
  return fcx.expr({ kind: 'match', scrutinee: scrut, arms }, joined.ty, e.span);
}

export function checkMatch(fcx: FnCx, e: ast.Expr & { kind: 'match' }, exp0: Expect): Expr {
  const exp = forBranches(exp0);
  const scrut = checkExpr(fcx, e.expr);
  const pats: Pat[] = [];
  const guards: (Expr | undefined)[] = [];
  const bodies: Expr[] = [];
  for (const arm of e.arms) {
    fcx.pushNames();
    pats.push(checkPat(fcx, arm.pat, scrut.ty, { declare: true, names: new Map() }));
    guards.push(arm.guard ? (arm.guard.kind === 'let' ? refuseExpr(fcx, '`if let` guards', arm.guard.span) : checkCond(fcx, arm.guard)) : undefined);
    bodies.push(checkExpr(fcx, arm.body, exp));
    fcx.popNames();
  }
  const joined = joinBranches(fcx, bodies, exp, (prev, bad, target) => {
    const d = error('`match` arms have incompatible types', 'E0308').primary(blameSpan(bad), `expected \`${fcx.show(target)}\`, found \`${fcx.show(bad.ty)}\``.replace('`{integer}`', 'integer'));
    if (prev !== bad) d.secondary(blameSpan(prev), 'this is found to be of type `' + fcx.show(prev.ty) + '`');
    d.secondary(e.span, '`match` arms have incompatible types');
    mismatchHelp(fcx, d, bad, target);
    fcx.cx.emit(d);
  });
  const arms: Arm[] = e.arms.map((a, i) => ({ pat: pats[i]!, ...(guards[i] ? { guard: guards[i] } : {}), body: joined.exprs[i]!, span: a.span }));
  return fcx.expr({ kind: 'match', scrutinee: scrut, arms }, e.arms.length === 0 ? NEVER : joined.ty, e.span);
}

export { USIZE };
