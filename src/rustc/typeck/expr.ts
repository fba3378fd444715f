// Type checking of expressions: each AST expression becomes a THIR expression with its type
// (possibly an inference variable until the body is finished). This file holds the dispatcher,
// paths, aggregates and references; operators, calls, control flow, patterns and macros have
// their own files.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import { withoutAttrs } from '../resolve/cx.ts';
import { resolveSegs, segsOf } from '../resolve/path.ts';
import type { Res } from '../resolve/scope.ts';
import type { Span } from '../span/span.ts';
import type { Expr } from '../thir/thir.ts';
import { ERROR_TY, type Ty, UNIT, USIZE } from '../thir/ty.ts';
import { checkCall, checkMethodCall } from './calls.ts';
import { coerce } from './coerce.ts';
import { checkBlockExpr, checkBreak, checkContinue, checkFor, checkIf, checkLoop, checkMatch, checkReturn, checkWhile } from './control.ts';
import { type Expect, type FnCx, NO_EXPECT } from './fncx.ts';
import { checkLit } from './lit.ts';
import { checkMacroExpr } from './macros.ts';
import { checkAssign, checkAssignOp, checkBinary, checkCast, checkField, checkIndex, checkRange, checkUnary } from './ops.ts';
import { checkStructLit, structValue } from './structs.ts';

export function checkExpr(fcx: FnCx, e: ast.Expr, exp: Expect = NO_EXPECT): Expr {
  switch (e.kind) {
    case 'lit': return checkLit(fcx, e.lit, e.span, exp);
    case 'paren': {
      // The node keeps the parentheses' span: rustc's panic locations (an overflow in
      // `(a + b)`) start at the `(`.
      const inner = checkExpr(fcx, e.expr, exp);
      return { ...inner, span: e.span } as typeof inner;
    }
    case 'path': return checkPathExpr(fcx, e, exp);
    case 'unary': return checkUnary(fcx, e, exp);
    case 'binary': return checkBinary(fcx, e, exp);
    case 'assign': return checkAssign(fcx, e);
    case 'assignOp': return checkAssignOp(fcx, e);
    case 'cast': return checkCast(fcx, e);
    case 'call': return checkCall(fcx, e, exp);
    case 'methodCall': return checkMethodCall(fcx, e, exp);
    case 'field': return checkField(fcx, e);
    case 'index': return checkIndex(fcx, e);
    case 'ref': return checkRef(fcx, e, exp);
    case 'range': return checkRange(fcx, e, exp);
    case 'tuple': return checkTuple(fcx, e, exp);
    case 'array': return checkArray(fcx, e, exp);
    case 'repeat': return checkRepeat(fcx, e, exp);
    case 'struct': return checkStructLit(fcx, e);
    case 'block': return checkBlockExpr(fcx, e, exp);
    case 'if': return checkIf(fcx, e, exp);
    case 'while': return checkWhile(fcx, e);
    case 'loop': return checkLoop(fcx, e, exp);
    case 'for': return checkFor(fcx, e);
    case 'match': return checkMatch(fcx, e, exp);
    case 'break': return checkBreak(fcx, e);
    case 'continue': return checkContinue(fcx, e);
    case 'return': return checkReturn(fcx, e);
    case 'macro': return checkMacroExpr(fcx, e, exp);
    case 'let':
      fcx.cx.emit(error('expected expression, found `let` statement').primary(e.span).note('only supported directly in conditions of `if` and `while` expressions'));
      return fcx.errorExpr(e.span);
    case 'closure': return refuse(fcx, 'closures', e.span);
    case 'try': return refuse(fcx, 'the `?` operator', e.span);
    case 'await': return refuse(fcx, '`async`/`.await`', e.span);
    case 'underscore':
      fcx.cx.emit(error('in expressions, `_` can only be used on the left-hand side of an assignment').primary(e.span, '`_` not allowed here'));
      return fcx.errorExpr(e.span);
    case 'err': return fcx.errorExpr(e.span);
  }
}

/** Macros every crate can name (core's): their names used as values are E0423. */
const CORE_MACROS = new Set(['column', 'line', 'file', 'module_path', 'stringify', 'concat', 'env', 'option_env', 'include', 'include_str', 'include_bytes', 'cfg', 'panic', 'assert', 'debug_assert', 'unreachable', 'todo', 'unimplemented', 'write', 'writeln', 'format_args', 'matches', 'assert_eq', 'assert_ne', 'compile_error']);

export function refuse(fcx: FnCx, what: string, span: Span): Expr {
  fcx.cx.unsupported(what, span);
  return fcx.errorExpr(span);
}

/** Checks and coerces to a known type (a coercion site). */
export function checkCoerce(fcx: FnCx, e: ast.Expr, ty: Ty, decorate?: Parameters<typeof coerce>[3]): Expr {
  const x = checkExpr(fcx, e, { ty });
  return coerce(fcx, x, ty, decorate);
}

/** Resolves a path in the value namespace (locals first). */
export function resolveValuePath(fcx: FnCx, path: ast.Path, wanted: 'value' | 'function' = 'value'): { local: number } | Res | undefined {
  if (path.segments.length === 1 && !path.global) {
    const id = fcx.lookupLocal(path.segments[0]!.ident.name);
    if (id !== undefined) return { local: id };
  }
  const segs = segsOf(path);
  const r = resolveSegs(fcx.cx, { scope: fcx.scope, selfRes: fcx.selfRes, report: false, privacy: true }, segs, path.global, 'value', wanted);
  if (r) return r;
  // A struct named where a value is expected: rustc's E0423.
  const asType = resolveSegs(fcx.cx, { scope: fcx.scope, selfRes: fcx.selfRes, report: false }, segs, path.global, 'type', 'type');
  if (asType && asType.kind === 'adt' && asType.def.adtKind === 'struct') {
    const name = segs.map((s) => s.name).join('::');
    const def = asType.def;
    const fields = def.fields.map((f) => `${f.name}: val`).join(', ');
    const d = error(`expected ${wanted}, found struct \`${name}\``, 'E0423');
    const item = fcx.cx.adts.find((a) => a.def === def);
    if (item) d.secondary(withoutAttrs(item.item), `\`${def.name}\` defined here`);
    fcx.cx.emit(d.primary(path.span, `help: use struct literal syntax instead: \`${name} {${fields ? ` ${fields} ` : ''}}\``));
    return undefined;
  }
  if (segs.length === 1 && fcx.outer?.lookupLocal(segs[0]!.name) !== undefined) {
    fcx.cx.emit(error('attempt to use a non-constant value in a constant', 'E0435').primary(path.span, 'non-constant value'));
    return undefined;
  }
  if (segs.length === 1 && CORE_MACROS.has(segs[0]!.name)) {
    fcx.cx.emit(error(`expected ${wanted}, found macro \`${segs[0]!.name}\``, 'E0423').primary(path.span, `not a ${wanted}`));
    return undefined;
  }
  if (segs.length === 1 && segs[0]!.name === 'self') {
    fcx.cx.emit(error('expected value, found module `self`', 'E0424').primary(path.span, '`self` value is a keyword only available in methods with a `self` parameter'));
    return undefined;
  }
  if (asType && (asType.kind === 'mod' || asType.kind === 'crate')) {
    const name = segs.map((s) => s.name).join('::');
    fcx.cx.emit(error(`expected ${wanted}, found ${asType.kind === 'mod' ? 'module' : 'crate'} \`${name}\``, 'E0423').primary(path.span, `not a ${wanted}`));
    return undefined;
  }
  resolveSegs(fcx.cx, { scope: fcx.scope, selfRes: fcx.selfRes }, segs, path.global, 'value', wanted);
  return undefined;
}

function checkPathExpr(fcx: FnCx, e: ast.Expr & { kind: 'path' }, _exp: Expect): Expr {
  if (e.qself) return refuse(fcx, 'qualified paths (`<T as Trait>::X`)', e.span);
  const generic = e.path.segments.find((s) => s.args);
  if (generic) return refuse(fcx, 'generic arguments here', generic.args!.span);
  const r = resolveValuePath(fcx, e.path);
  if (!r) return fcx.errorExpr(e.span);
  return valueOfRes(fcx, r, e.span);
}

export function valueOfRes(fcx: FnCx, r: { local: number } | Res, span: Span): Expr {
  if ('local' in r) return fcx.expr({ kind: 'local', local: r.local }, fcx.locals[r.local]!.ty, span);
  switch (r.kind) {
    case 'fn':
      if (r.def.intrinsic) return refuse(fcx, 'intrinsics as values', span);
      return fcx.expr({ kind: 'fnItem', def: r.def }, { kind: 'fnDef', def: r.def }, span);
    case 'static': return fcx.expr({ kind: 'static', def: r.def }, r.def.ty, span);
    case 'const': return fcx.expr({ kind: 'const', def: r.def }, fcx.cx.constTy(r.def), span);
    case 'variant': return fcx.expr({ kind: 'variant', adt: r.def, index: r.index }, { kind: 'adt', def: r.def }, span);
    case 'ctor':
      if (r.def.structKind === 'unit') return structValue(fcx, r.def, [], span);
      return refuse(fcx, 'tuple struct constructors as values', span);
    case 'builtin': return refuse(fcx, `\`${r.fn.module}::${r.fn.name}\` as a value`, span);
    default:
      fcx.cx.emit(error(`expected value, found ${r.kind}`, 'E0423').primary(span));
      return fcx.errorExpr(span);
  }
}

function checkRef(fcx: FnCx, e: ast.Expr & { kind: 'ref' }, exp: Expect): Expr {
  let inner: Expect = NO_EXPECT;
  const want = exp.ty ? fcx.shallow(exp.ty) : undefined;
  if (want && (want.kind === 'ref' || want.kind === 'ptr')) inner = { ty: want.to };
  const place = checkExpr(fcx, e.expr, inner);
  const to = place.ty;
  // In a const or static initializer, `&mut` of a temporary would be global mutable state.
  if (fcx.constContext && e.mut && !e.raw && place.kind !== 'static' && place.kind !== 'deref' && place.kind !== 'field' && place.kind !== 'index') {
    fcx.cx.emit(
      error('mutable borrows of temporaries that have their lifetime extended until the end of the program are not allowed', 'E0764')
        .primary(e.span, 'this mutable borrow refers to such a temporary')
        .note('temporaries in constants and statics can have their lifetime extended until the end of the program')
        .note('to avoid accidentally creating global mutable state, such temporaries must be immutable')
        .help('if you really want global mutable state, try replacing the temporary by an interior mutable `static` or a `static mut`'),
    );
  }
  const ty: Ty = e.raw ? { kind: 'ptr', mut: e.mut, to } : { kind: 'ref', mut: e.mut, to };
  return fcx.expr({ kind: 'addrOf', mut: e.mut, raw: e.raw, place }, ty, e.span);
}

function checkTuple(fcx: FnCx, e: ast.Expr & { kind: 'tuple' }, exp: Expect): Expr {
  const want = exp.ty ? fcx.shallow(exp.ty) : undefined;
  const elems = e.elems.map((x, i) => {
    const hint = want?.kind === 'tuple' ? want.elems[i] : undefined;
    const c = checkExpr(fcx, x, hint ? { ty: hint } : NO_EXPECT);
    return hint ? coerce(fcx, c, hint) : c;
  });
  return fcx.expr({ kind: 'tuple', elems }, { kind: 'tuple', elems: elems.map((x) => x.ty) }, e.span);
}

function elemHint(fcx: FnCx, exp: Expect): Ty | undefined {
  const want = exp.ty ? fcx.shallow(exp.ty) : undefined;
  return want && (want.kind === 'array' || want.kind === 'slice') ? want.elem : undefined;
}

function checkArray(fcx: FnCx, e: ast.Expr & { kind: 'array' }, exp: Expect): Expr {
  let elemTy: Ty | undefined = elemHint(fcx, exp);
  const elems: Expr[] = [];
  for (const x of e.elems) {
    const c = checkExpr(fcx, x, elemTy ? { ty: elemTy } : NO_EXPECT);
    if (!elemTy) {
      elemTy = fcx.shallow(c.ty).kind === 'never' ? undefined : c.ty;
      elems.push(c);
    } else elems.push(coerce(fcx, c, elemTy));
  }
  const elem = elemTy ?? fcx.infer.fresh();
  return fcx.expr({ kind: 'array', elems: elems.map((x) => (fcx.shallow(x.ty).kind === 'never' ? coerce(fcx, x, elem) : x)) }, { kind: 'array', elem, len: elems.length }, e.span);
}

function checkRepeat(fcx: FnCx, e: ast.Expr & { kind: 'repeat' }, exp: Expect): Expr {
  const hint = elemHint(fcx, exp);
  let elem = checkExpr(fcx, e.expr, hint ? { ty: hint } : NO_EXPECT);
  if (hint) elem = coerce(fcx, elem, hint);
  const count = fcx.cx.evalArrayLen(e.count, fcx.scope, fcx.selfRes, fcx);
  if (count === undefined) return fcx.errorExpr(e.span);
  return fcx.expr({ kind: 'repeat', elem, count }, { kind: 'array', elem: elem.ty, len: count }, e.span);
}

export { UNIT, USIZE, ERROR_TY };
