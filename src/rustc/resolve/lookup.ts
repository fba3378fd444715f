// Looking a name up: in a scope (its items, imports and globs, then the enclosing block scopes),
// in the extern prelude (crate names such as `core`), in the language prelude (primitive types,
// `size_of`), and as a member of a module, type or primitive (`ptr::null`, `Color::Red`,
// `u8::MAX`).
import type { CrateDef, ModuleDef } from '../thir/defs.ts';
import { INT_TYS, type Ty } from '../thir/ty.ts';
import { BUILTIN_TYPES, builtinIn, builtinsOf, PRELUDE_BUILTINS, VIRTUAL_MODULES } from './builtin-paths.ts';
import type { Cx } from './cx.ts';
import { type ModScope, type Namespace, type Res, nsMap } from './scope.ts';

export const PRIMITIVES: ReadonlyMap<string, Ty> = new Map<string, Ty>([
  ...INT_TYS.map((i) => [i, { kind: 'int', int: i }] as [string, Ty]),
  ['bool', { kind: 'bool' }],
  ['char', { kind: 'char' }],
  ['str', { kind: 'str' }],
]);

/** Names of core's prelude that rustc would find but the subset does not have. */
const UNSUPPORTED_PRELUDE: Record<Namespace, Record<string, string>> = {
  type: {
    Option: '`Option`', Result: '`Result`', Clone: 'traits', Copy: 'traits', Send: 'traits', Sync: 'traits', Sized: 'traits',
    Drop: 'traits', Fn: 'closures', FnMut: 'closures', FnOnce: 'closures', Iterator: 'traits', IntoIterator: 'traits',
    PartialEq: 'traits', PartialOrd: 'traits', Eq: 'traits', Ord: 'traits', AsRef: 'traits', AsMut: 'traits', Into: 'traits',
    From: 'traits', Default: 'traits', Extend: 'traits', DoubleEndedIterator: 'traits', ExactSizeIterator: 'traits',
    TryFrom: 'traits', TryInto: 'traits', FromIterator: 'traits', Unpin: 'traits', f32: 'floating-point types', f64: 'floating-point types',
  },
  value: { Some: '`Option`', None: '`Option`', Ok: '`Result`', Err: '`Result`', drop: '`drop`', size_of_val: '`size_of_val`', align_of_val: '`align_of_val`' },
  macro: {},
};

/** The name in one scope only (its own items and imports, then its glob imports). */
export function lookupInScope(cx: Cx, scope: ModScope, name: string, ns: Namespace, seen: Set<ModScope> = new Set()): Res | undefined {
  const b = nsMap(scope, ns).get(name);
  if (b) return b.res;
  if (seen.has(scope)) return undefined;
  seen.add(scope);
  for (const g of scope.globs) {
    const r = g.target.kind === 'mod' && g.target.scope ? lookupInScope(cx, g.target.scope, name, ns, seen) : memberOf(cx, g.target, name, ns);
    if (r) return r;
  }
  return undefined;
}

/** Lexical lookup of a single name, as rustc resolves the first segment of a relative path. */
export function lookupLexical(cx: Cx, scope: ModScope, name: string, ns: Namespace): Res | undefined {
  for (let s: ModScope | undefined = scope; s; s = s.outer) {
    const r = lookupInScope(cx, s, name, ns);
    if (r) return r;
  }
  return lookupPrelude(cx, name, ns);
}

export function lookupPrelude(cx: Cx, name: string, ns: Namespace): Res | undefined {
  if (ns === 'type') {
    const crate = cx.extern(name);
    if (crate) return { kind: 'crate', crate };
    const prim = PRIMITIVES.get(name);
    if (prim) return { kind: 'prim', name, ty: prim };
  }
  if (ns === 'value') {
    const b = PRELUDE_BUILTINS.get(name);
    if (b) return { kind: 'builtin', fn: b };
  }
  const u = UNSUPPORTED_PRELUDE[ns][name];
  if (u) return { kind: 'unsupported', what: u };
  return undefined;
}

function memberOfModuleDef(cx: Cx, def: ModuleDef, name: string, ns: Namespace): Res | undefined {
  if (ns === 'type') {
    const t = def.types.get(name);
    if (t) return t.kind === 'mod' ? { kind: 'mod', def: t } : { kind: 'adt', def: t };
    return builtinTypeIn(def, name);
  }
  if (ns === 'value') {
    const v = def.values.get(name);
    if (v) return v.kind === 'fn' ? { kind: 'fn', def: v } : v.kind === 'static' ? { kind: 'static', def: v } : { kind: 'const', def: v };
    const t = def.types.get(name);
    if (t && t.kind === 'adt' && t.adtKind === 'struct' && t.structKind !== 'named') return { kind: 'ctor', def: t };
  }
  const b = builtinIn(def.crate, def.path, name);
  if (b && (ns === 'macro') === !!b.macro) return { kind: 'builtin', fn: b };
  return undefined;
}

/** `core::ops` (even when core's source has no such module) and its `Range` types. */
function builtinTypeIn(def: ModuleDef, name: string): Res | undefined {
  if (def.crate !== 'core') return undefined;
  if (def.path.length === 0 && VIRTUAL_MODULES.includes(name)) {
    return { kind: 'mod', def: { kind: 'mod', crate: 'core', path: [name], span: def.span, name, types: new Map(), values: new Map() } };
  }
  const t = BUILTIN_TYPES.get([...def.path, name].join('::'));
  return t ? { kind: 'builtinType', name: t } : undefined;
}

/** All primitive inherent impls visible: this crate's (core) and the externs'. */
export function primitiveTables(cx: Cx): CrateDef[] {
  return [cx.crate, ...cx.opts.externs];
}

/** `name` inside what `res` names (a module, crate, type or primitive). */
export function memberOf(cx: Cx, res: Res, name: string, ns: Namespace): Res | undefined {
  switch (res.kind) {
    case 'mod':
      if (res.scope) {
        const r = lookupInScope(cx, res.scope, name, ns);
        if (r) return r;
        if (ns === 'type') {
          const t = builtinTypeIn(res.def, name);
          if (t) return t;
        }
        const b = builtinIn(res.def.crate, res.def.path, name);
        return b && (ns === 'macro') === !!b.macro ? { kind: 'builtin', fn: b } : undefined;
      }
      return memberOfModuleDef(cx, res.def, name, ns);
    case 'crate':
      return memberOfModuleDef(cx, res.crate.root, name, ns);
    case 'adt': {
      if (ns !== 'value') return undefined;
      const def = res.def;
      const vi = def.adtKind === 'enum' ? def.variants.findIndex((v) => v.name === name) : -1;
      if (vi >= 0) return { kind: 'variant', def, index: vi };
      const m = def.methods.get(name);
      if (m) return { kind: 'fn', def: m };
      const c = def.assocConsts.get(name);
      if (c) return { kind: 'const', def: c };
      return undefined;
    }
    case 'prim': {
      if (ns !== 'value') return undefined;
      for (const c of primitiveTables(cx)) {
        const m = c.primitiveMethods.get(res.name)?.get(name);
        if (m) return { kind: 'fn', def: m };
        const k = c.primitiveConsts.get(res.name)?.get(name);
        if (k) return { kind: 'const', def: k };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Every name a glob import of `res` brings (for listing; lookups go through memberOf). */
export function builtinGlobNames(res: Res): string[] {
  if (res.kind === 'mod') return builtinsOf(res.def.crate, res.def.path).map((b) => b.name);
  return [];
}
