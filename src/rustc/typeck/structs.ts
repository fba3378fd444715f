// Struct literals `Foo { a: 1, b }` (with `..base`), tuple-struct constructors and unit
// structs, checked against the struct's fields (E0560 unknown field, E0063 missing fields,
// E0062 a field given twice).
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import { canSeePrivate, resolveSegs, segsOf } from '../resolve/path.ts';
import type { Span } from '../span/span.ts';
import type { AdtDef } from '../thir/defs.ts';
import type { Expr, Stmt } from '../thir/thir.ts';
import { checkCoerce, checkExpr } from './expr.ts';
import type { FnCx } from './fncx.ts';

export function structValue(fcx: FnCx, adt: AdtDef, fields: Expr[], span: Span): Expr {
  return fcx.expr({ kind: 'struct', adt, fields }, { kind: 'adt', def: adt }, span);
}

function list(names: string[]): string {
  const q = names.map((n) => `\`${n}\``);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

export function checkStructLit(fcx: FnCx, e: ast.Expr & { kind: 'struct' }): Expr {
  if (e.qself) {
    fcx.cx.unsupported('qualified paths (`<T as Trait>::X`)', e.span);
    return fcx.errorExpr(e.span);
  }
  const r = resolveSegs(fcx.cx, { scope: fcx.scope, selfRes: fcx.selfRes }, segsOf(e.path), e.path.global, 'type', 'struct');
  if (!r) {
    e.fields.forEach((f) => checkExpr(fcx, f.expr));
    return fcx.errorExpr(e.span);
  }
  if (r.kind !== 'adt' || r.def.adtKind !== 'struct') {
    const name = e.path.segments.map((s) => s.ident.name).join('::');
    fcx.cx.emit(error(`expected struct, variant or union type, found ${r.kind === 'adt' ? 'enum' : r.kind === 'mod' ? 'module' : 'type'} \`${name}\``, 'E0574').primary(e.path.span, 'not a struct, variant or union type'));
    return fcx.errorExpr(e.span);
  }
  const def = r.def;
  const given: (Expr | undefined)[] = def.fields.map(() => undefined);
  const givenSpan: (Span | undefined)[] = def.fields.map(() => undefined);
  let bad = false;
  const privateFields: { name: string; span: Span }[] = [];
  for (const f of e.fields) {
    const i = def.fields.findIndex((fd) => fd.name === f.ident.name);
    if (i < 0) {
      checkExpr(fcx, f.expr);
      bad = true;
      const d = error(`struct \`${def.name}\` has no field named \`${f.ident.name}\``, 'E0560').primary(f.ident.span, `\`${def.name}\` does not have this field`);
      const unused = def.fields.filter((_, k) => !given[k] && !e.fields.some((g) => g.ident.name === def.fields[k]!.name)).map((fd) => fd.name);
      if (unused.length > 0) d.note(`available field${unused.length > 1 ? 's are' : ' is'}: ${unused.map((n) => `\`${n}\``).join(', ')}`);
      else d.note('all struct fields are already assigned');
      fcx.cx.emit(d);
      continue;
    }
    if (given[i]) {
      checkExpr(fcx, f.expr);
      bad = true;
      fcx.cx.emit(error(`field \`${f.ident.name}\` specified more than once`, 'E0062').primary(f.ident.span, 'used more than once').secondary(givenSpan[i]!, 'first use of `' + f.ident.name + '`'));
      continue;
    }
    given[i] = checkCoerce(fcx, f.expr, def.fields[i]!.ty);
    givenSpan[i] = f.ident.span;
    const owner = fcx.cx.adtScopes.get(def);
    if (!def.fields[i]!.pub && (!owner || !canSeePrivate(fcx.scope, owner))) {
      // rustc reports this in its privacy pass, after type checking: only when nothing else failed.
      privateFields.push({ name: f.ident.name, span: f.ident.span });
    }
  }
  if (e.rest === 'rest') {
    fcx.cx.unsupported('default field values (`..` without a base)', e.span);
    return fcx.errorExpr(e.span);
  }
  if (e.rest) {
    // `Foo { a, ..base }`: `{ let tmp = base; Foo { a, b: tmp.b } }`.
    const restExpr = e.rest;
    const base = checkCoerce(fcx, restExpr, { kind: 'adt', def });
    const tmp = fcx.declareLocal('<base>', { kind: 'adt', def }, false, e.rest.span);
    const tmpExpr = () => fcx.expr({ kind: 'local', local: tmp }, { kind: 'adt', def }, restExpr.span);
    const fields = given.map((g, i) => g ?? fcx.expr({ kind: 'field', base: tmpExpr(), index: i }, def.fields[i]!.ty, restExpr.span));
    const stmt: Stmt = { kind: 'let', pat: { kind: 'binding', local: tmp, mode: 'value', ty: { kind: 'adt', def }, span: e.rest.span }, init: base, span: e.rest.span };
    const value = structValue(fcx, def, fields, e.span);
    return fcx.expr({ kind: 'block', block: { stmts: [stmt], tail: value, unsafe: false, ty: value.ty, span: e.span } }, value.ty, e.span);
  }
  // rustc lists the missing fields in name order.
  const missing = def.fields.filter((_, i) => !given[i]).map((f) => f.name).sort();
  if (missing.length > 0 && !bad) {
    const shown = missing.length > 3 ? `${list(missing.slice(0, 3))} and ${missing.length - 3} other field${missing.length - 3 > 1 ? 's' : ''}` : list(missing);
    fcx.cx.emit(error(`missing field${missing.length > 1 ? 's' : ''} ${shown} in initializer of \`${def.path.join('::')}\``, 'E0063').primary(e.path.span, `missing ${shown}`));
  }
  for (const p of privateFields) fcx.cx.latePrivacy.push(error(`field \`${p.name}\` of struct \`${def.name}\` is private`, 'E0451').primary(p.span, 'private field'));
  if (missing.length > 0 || bad) return fcx.errorExpr(e.span);
  return structValue(fcx, def, given as Expr[], e.span);
}
