// Item signatures: struct fields, enum variants and discriminants, `impl` blocks (methods and
// associated consts, on the crate's ADTs, or on primitive types when compiling `core`),
// function parameter and return types, static and const types.
import type * as ast from '../ast/ast.ts';
import { error } from '../diagnostics/diagnostic.ts';
import { attrListIdents, findAttr, isPub } from '../resolve/attrs.ts';
import { itemHeaderSpan, makeConstDef, makeFnDef } from '../resolve/collect.ts';
import { type Cx, type FnItem, withoutAttrs } from '../resolve/cx.ts';
import { PRIMITIVES } from '../resolve/lookup.ts';
import { adtHeaderSpan } from '../resolve/path.ts';
import type { Res } from '../resolve/scope.ts';
import { BUILTIN_OPS, isBuiltinOp } from '../thir/builtins.ts';
import type { AdtDef, FieldDef, FnDef, FnParam, Repr, SelfKind, VariantDef } from '../thir/defs.ts';
import { ERROR_TY, INT_TYS, type IntTy, type Ty, UNIT } from '../thir/ty.ts';
import { lowerTy, type TyCtx } from './lower-ty.ts';
import { wrapInt } from './consteval.ts';

const DERIVABLE = new Set(['Clone', 'Copy', 'Debug', 'PartialEq', 'Eq']);

export function tyCtx(cx: Cx, scope: FnItem['scope'], selfRes?: Res): TyCtx {
  return { scope, selfRes, evalLen: (e) => cx.evalArrayLen(e, scope, selfRes) };
}

export function selfResOf(t: Ty | undefined): Res | undefined {
  if (!t) return undefined;
  if (t.kind === 'adt') return { kind: 'adt', def: t.def };
  if (t.kind === 'int') return { kind: 'prim', name: t.int, ty: t };
  if (t.kind === 'bool' || t.kind === 'char') return { kind: 'prim', name: t.kind, ty: t };
  return undefined;
}

/** `&T` without a lifetime where none can be elided (struct fields, some return types): E0106. */
export function missingLifetimes(cx: Cx, t: ast.Type): boolean {
  let found = false;
  const visit = (x: ast.Type): void => {
    switch (x.kind) {
      case 'ref':
        if (!x.lifetime && !found) {
          found = true;
          cx.emit(error('missing lifetime specifier', 'E0106').primary({ lo: x.span.lo, hi: x.span.lo + 1 }, 'expected named lifetime parameter'));
        }
        visit(x.ty);
        return;
      case 'ptr':
      case 'slice':
      case 'array':
      case 'paren':
        visit(x.ty);
        return;
      case 'tuple':
        x.elems.forEach(visit);
        return;
      default:
        return;
    }
  };
  visit(t);
  return found;
}

function hasRef(t: ast.Type): boolean {
  switch (t.kind) {
    case 'ref': return true;
    case 'ptr':
    case 'slice':
    case 'array':
    case 'paren': return hasRef(t.ty);
    case 'tuple': return t.elems.some(hasRef);
    case 'path': return t.path.segments.some((s) => s.args?.kind === 'angle' && s.args.args.some((a) => a.kind === 'lifetime'));
    default: return false;
  }
}

export function lowerAdts(cx: Cx): void {
  for (const { def, item, scope } of cx.adts) {
    const m = def as { -readonly [K in keyof AdtDef]: AdtDef[K] };
    const derive = item.attrs.filter((a) => a.doc === undefined && a.path.segments.map((s) => s.ident.name).join('::') === 'derive');
    const derives: string[] = [];
    for (const a of derive) {
      for (const name of attrListIdents(a)) {
        if (DERIVABLE.has(name)) derives.push(name);
        else cx.unsupported(`deriving \`${name}\``, a.span);
      }
    }
    m.derives = derives;
    const repr = findAttr(item.attrs, 'repr');
    if (repr) {
      for (const r of attrListIdents(repr)) {
        if (r === 'C') m.repr = 'C';
        else if ((INT_TYS as string[]).includes(r)) m.repr = r as Repr;
        // A transparent struct has its one field's layout, which the default layout already gives.
        else if (r === 'transparent') continue;
        else if (r === 'packed' || r === 'align') cx.unsupported(`\`#[repr(${r})]\``, repr.span);
      }
    }
    const tcx = tyCtx(cx, scope, { kind: 'adt', def });
    if (item.kind === 'struct') {
      const fields = item.data.kind === 'unit' ? [] : item.data.fields;
      const seen = new Map<string, ast.FieldDef>();
      for (const f of fields) {
        missingLifetimes(cx, f.ty);
        if (!f.ident) continue;
        const prev = seen.get(f.ident.name);
        if (prev) cx.emit(error(`field \`${f.ident.name}\` is already declared`, 'E0124').primary(f.span, 'field already declared').secondary(prev.span, `\`${f.ident.name}\` first declared here`));
        else seen.set(f.ident.name, f);
      }
      m.fields = fields.map((f, i): FieldDef => ({ name: f.ident?.name ?? String(i), ty: lowerTy(cx, tcx, f.ty), pub: isPub(f.vis), span: f.ident?.span ?? f.span }));
    } else {
      // Only a `#[repr(int)]` fixes the discriminant's type; otherwise lowering picks the
      // smallest that fits (discriminant expressions are still typed isize, as rustc does).
      if (m.repr !== 'Rust' && m.repr !== 'C') m.discrTy = m.repr as IntTy;
    }
  }
}

/** The identifier tokens of `#[derive(…)]`, with their spans. */
function deriveTokens(a: ast.Attribute): { name: string; span: ast.Attribute['span'] }[] {
  const g = a.tts[0];
  if (!g || g.kind !== 'group') return [];
  return (g as ast.DelimGroup).tts.filter((t) => t.kind === 'ident').map((t) => ({ name: (t as { text: string }).text, span: (t as { span: ast.Attribute['span'] }).span }));
}

function fieldIsCopy(t: Ty): boolean {
  switch (t.kind) {
    case 'int':
    case 'bool':
    case 'char':
    case 'ptr':
    case 'never':
    case 'fnPtr':
    case 'fnDef':
    case 'error':
      return true;
    case 'ref': return !t.mut;
    case 'array': return fieldIsCopy(t.elem);
    case 'tuple': return t.elems.every(fieldIsCopy);
    case 'adt': return t.def.derives.includes('Copy');
    default: return false;
  }
}

/** `#[derive(Copy)]` needs Clone and Copy fields (E0277, E0204); `#[repr(u8)]` needs an enum (E0517). */
export function checkDerives(cx: Cx): void {
  for (const { def, item } of cx.adts) {
    for (const a of item.attrs) {
      if (a.doc !== undefined) continue;
      const name = a.path.segments.map((s) => s.ident.name).join('::');
      if (name === 'repr' && item.kind === 'struct') {
        for (const t of deriveTokens(a)) {
          if ((INT_TYS as string[]).includes(t.name)) cx.emit(error('attribute should be applied to an enum', 'E0517').primary(t.span).secondary(withoutAttrs(item), 'not an enum'));
        }
      }
      if (name !== 'derive') continue;
      const copy = deriveTokens(a).find((t) => t.name === 'Copy');
      if (!copy) continue;
      if (!def.derives.includes('Clone')) {
        cx.emit(error(`the trait bound \`${def.name}: Clone\` is not satisfied`, 'E0277').secondary(copy.span, 'in this derive macro expansion').primary(def.span, `the trait \`Clone\` is not implemented for \`${def.name}\``));
        continue;
      }
      const fields = item.kind === 'struct' && item.data.kind !== 'unit' ? item.data.fields : [];
      const bad = def.fields.findIndex((f) => !fieldIsCopy(f.ty));
      if (bad >= 0 && fields[bad]) {
        cx.emit(error('the trait `Copy` cannot be implemented for this type', 'E0204').secondary(copy.span, 'in this derive macro expansion').primary(def.span).secondary(fields[bad]!.span, 'this field does not implement `Copy`'));
      }
    }
  }
}

/** A struct that contains itself by value (through fields, arrays, tuples): E0072. */
export function checkRecursiveAdts(cx: Cx): void {
  const contains = (t: Ty, target: AdtDef, seen: Set<AdtDef>): boolean => {
    switch (t.kind) {
      case 'adt':
        if (t.def === target) return true;
        if (seen.has(t.def)) return false;
        seen.add(t.def);
        return t.def.fields.some((f) => contains(f.ty, target, seen));
      case 'array': return contains(t.elem, target, seen);
      case 'tuple': return t.elems.some((e) => contains(e, target, seen));
      default: return false;
    }
  };
  for (const { def, item } of cx.adts) {
    if (item.kind !== 'struct' || item.data.kind === 'unit') continue;
    const fields = item.data.fields;
    const bad = def.fields.findIndex((f) => contains(f.ty, def, new Set()));
    if (bad < 0) continue;
    cx.emit(
      error(`recursive type \`${def.name}\` has infinite size`, 'E0072')
        .primary(adtHeaderSpan(cx, def.span, 'struct'))
        .secondary(fields[bad]!.ty.span, 'recursive without indirection'),
    );
    // Break the cycle so later stages (layout) never loop.
    def.fields = def.fields.map((f, i) => (i === bad ? { ...f, ty: ERROR_TY } : f));
  }
}

/** Enum discriminants need constant evaluation, hence a separate pass (see index.ts). */
export function lowerVariants(cx: Cx, evalDiscr: (e: ast.Expr, ty: Ty, scope: FnItem['scope']) => bigint | undefined): void {
  for (const { def, item, scope } of cx.adts) {
    if (item.kind !== 'enum') continue;
    const variants: VariantDef[] = [];
    let next = 0n;
    const seen = new Map<bigint, { v: ast.Variant; written: bigint | undefined }>();
    for (const v of item.variants) {
      if (v.data.kind !== 'unit') {
        cx.unsupported('enum variants with data', v.span);
        continue;
      }
      let discr = next;
      let written: bigint | undefined;
      if (v.discriminant) {
        written = evalDiscr(v.discriminant, { kind: 'int', int: def.discrTy ?? 'isize' }, scope) ?? next;
        discr = wrapInt(written, def.discrTy ?? 'isize');
      }
      const prev = seen.get(discr);
      if (prev) {
        const shownAt = (x: ast.Variant, w: bigint | undefined) => (w !== undefined && w !== discr ? `\`${discr}\` (overflowed from \`${w}\`) assigned here` : `\`${discr}\` assigned here`);
        cx.emit(
          error(`discriminant value \`${discr}\` assigned more than once`, 'E0081')
            .primary(adtHeaderSpan(cx, def.span, 'enum'), '')
            .secondary(prev.v.discriminant?.span ?? prev.v.ident.span, shownAt(prev.v, prev.written))
            .secondary(v.discriminant?.span ?? v.ident.span, shownAt(v, written)),
        );
      }
      seen.set(discr, { v, written });
      variants.push({ name: v.ident.name, discr, span: v.ident.span });
      next = discr + 1n;
    }
    def.variants = variants;
  }
}

function selfKindOf(cx: Cx, p: ast.Param, selfTy: Ty, tcx: TyCtx): { kind: SelfKind; ty: Ty } | undefined {
  const s = p.self!;
  if (s.kind === 'value') return { kind: 'value', ty: selfTy };
  if (s.kind === 'ref') return { kind: s.mut ? 'refMut' : 'ref', ty: { kind: 'ref', mut: s.mut, to: selfTy } };
  const t = lowerTy(cx, tcx, s.ty);
  if (t.kind === 'ref' && (t.to.kind === selfTy.kind)) return { kind: t.mut ? 'refMut' : 'ref', ty: t };
  if (t.kind === selfTy.kind) return { kind: 'value', ty: t };
  cx.unsupported('this `self` type', s.ty.span);
  return undefined;
}

/** Methods and associated consts of `impl` blocks, entered on their type. */
export function collectImpls(cx: Cx): void {
  for (const { item, scope } of cx.impls) {
    const selfTy = lowerTy(cx, tyCtx(cx, scope), item.selfTy);
    if (selfTy.kind === 'error') continue;
    let typeName: string;
    let methods: Map<string, FnDef>;
    let consts: Map<string, import('../thir/defs.ts').ConstDef>;
    if (selfTy.kind === 'adt') {
      if (selfTy.def.crate !== cx.crateName) {
        cx.emit(error('cannot define inherent `impl` for a type outside of the crate where the type is defined', 'E0116').primary(item.selfTy.span, 'impl for type defined outside of crate').note('define and implement a trait or new type instead'));
        continue;
      }
      typeName = selfTy.def.name;
      methods = selfTy.def.methods;
      consts = selfTy.def.assocConsts;
    } else if ((selfTy.kind === 'int' || selfTy.kind === 'bool' || selfTy.kind === 'char') && cx.crateName === 'core') {
      typeName = selfTy.kind === 'int' ? selfTy.int : selfTy.kind;
      if (!cx.crate.primitiveMethods.has(typeName)) cx.crate.primitiveMethods.set(typeName, new Map());
      if (!cx.crate.primitiveConsts.has(typeName)) cx.crate.primitiveConsts.set(typeName, new Map());
      methods = cx.crate.primitiveMethods.get(typeName)!;
      consts = cx.crate.primitiveConsts.get(typeName)!;
    } else {
      cx.emit(
        error(`cannot define inherent \`impl\` for primitive types`, 'E0390').primary({ lo: withoutAttrs(item).lo, hi: item.selfTy.span.hi }).help(`consider using an extension trait instead`),
      );
      continue;
    }
    for (const it of item.items) {
      const path = [...scope.path, typeName, it.kind === 'fn' || it.kind === 'const' ? it.ident.name : '?'];
      if (it.kind === 'fn') {
        if (it.generics.params.some((p) => p.kind !== 'lifetime')) {
          cx.unsupported('generic methods', it.generics.span);
          continue;
        }
        if (methods.has(it.ident.name)) {
          const prev = cx.assocFns.get(methods.get(it.ident.name)!);
          const first = prev?.header ?? methods.get(it.ident.name)!.span;
          const second = itemHeaderSpan(cx, it);
          // rustc names the later one within one impl block, the earlier one across blocks.
          const [dup, other] = prev?.impl === item ? [second, first] : [first, second];
          cx.emit(error(`duplicate definitions with name \`${it.ident.name}\``, 'E0592').primary(dup, `duplicate definitions for \`${it.ident.name}\``).secondary(other, `other definition for \`${it.ident.name}\``));
          continue;
        }
        const def = makeFnDef(cx, scope, it, path, { implSelf: selfTy, methodOf: true });
        if (def.intrinsic && selfTy.kind === 'int') (def as { intrinsic?: string }).intrinsic = `int.${def.intrinsic}`;
        methods.set(it.ident.name, def);
        cx.assocFns.set(def, { pub: isPub(it.vis), scope, header: itemHeaderSpan(cx, it), impl: item });
        cx.fnItems.push({ def, sig: it.sig, generics: it.generics, body: it.body, scope, implSelf: selfTy, span: it.span });
      } else if (it.kind === 'const') {
        const def = makeConstDef(cx, path, it.ident);
        consts.set(it.ident.name, def);
        const ci = { def, tyAst: it.ty, expr: it.expr, scope, implSelf: selfTy };
        cx.consts.push(ci);
        cx.constItems.set(def, ci);
      } else cx.unsupported('this item in an `impl` block', it.span);
    }
  }
}

/** Parameter and return types of every function; the intrinsic's builtin name. */
export function lowerFnSigs(cx: Cx): void {
  for (const f of cx.fnItems) {
    const d = f.def as { -readonly [K in keyof FnDef]: FnDef[K] };
    const selfRes = selfResOf(f.implSelf);
    const tcx = tyCtx(cx, f.scope, selfRes);
    const params: FnParam[] = [];
    f.sig.params.forEach((p, i) => {
      if (p.self) {
        if (!f.implSelf || i !== 0) {
          cx.emit(error('`self` parameter is only allowed in associated functions').primary(p.span, 'not semantically valid as function parameter').note('associated functions are those in `impl` or `trait` definitions'));
          return;
        }
        const sk = selfKindOf(cx, p, f.implSelf, tcx);
        if (!sk) return;
        d.selfKind = sk.kind;
        params.push({ name: 'self', ty: sk.ty });
        return;
      }
      const name = p.pat && p.pat.kind === 'ident' ? p.pat.ident.name : p.pat ? cx.snippet(p.pat.span) : '_';
      params.push({ name, ty: p.ty ? lowerTy(cx, tcx, p.ty) : ERROR_TY });
    });
    d.params = params;
    cx.paramSpans.set(f.def, f.sig.params.map((p) => p.span));
    if (f.sig.ret && !f.sig.params.some((p) => (p.self && p.self.kind === 'ref') || (p.self?.kind === 'explicit' && hasRef(p.self.ty)) || (p.ty && hasRef(p.ty)))) missingLifetimes(cx, f.sig.ret);
    d.ret = f.sig.ret ? lowerTy(cx, tcx, f.sig.ret) : UNIT;
    if (f.sig.async) cx.unsupported('`async` functions', f.span);
    if (d.intrinsic && !d.intrinsic.includes('.')) {
      const op = Object.keys(BUILTIN_OPS).find((k) => k.split('.')[1] === d.intrinsic);
      if (op) d.intrinsic = op;
    }
    if (d.intrinsic && !isBuiltinOp(d.intrinsic)) {
      cx.emit(error(`unrecognized intrinsic function: \`${f.def.name}\``, 'E0093').primary(f.def.span, 'unrecognized intrinsic'));
      delete d.intrinsic;
    }
  }
}

export { PRIMITIVES };
