// The resolver's view of a module: every name visible inside it (items of any visibility and
// `use` imports), in rustc's two namespaces, plus glob imports. ModuleDef (thir/defs.ts) is the
// public face other crates see; a ModScope is what paths inside this crate are resolved in.
import type * as ast from '../ast/ast.ts';
import type { AdtDef, ConstDef, CrateDef, FnDef, ModuleDef, StaticDef } from '../thir/defs.ts';
import type { Ty } from '../thir/ty.ts';
import type { Span } from '../span/span.ts';
import type { BuiltinFn } from './builtin-paths.ts';

/** What a path (or a name in a namespace) resolves to. */
export type Res =
  | { kind: 'mod'; def: ModuleDef; scope?: ModScope }
  | { kind: 'crate'; crate: CrateDef }
  | { kind: 'adt'; def: AdtDef }
  | { kind: 'prim'; name: string; ty: Ty }
  | { kind: 'fn'; def: FnDef }
  | { kind: 'static'; def: StaticDef }
  | { kind: 'const'; def: ConstDef }
  /** A unit or tuple struct used as a value (`Unit`, `Pair(1, 2)`). */
  | { kind: 'ctor'; def: AdtDef }
  | { kind: 'variant'; def: AdtDef; index: number }
  /** An operation the compiler provides under `core::ptr`/`mem`/`hint` (builtin-paths.ts). */
  | { kind: 'builtin'; fn: BuiltinFn }
  /** `core::ops::Range` / `RangeInclusive`: generic types the compiler provides. */
  | { kind: 'builtinType'; name: 'Range' | 'RangeInclusive' }
  /** A name rustc would find (prelude items such as `Option`, `Some`) that the subset refuses. */
  | { kind: 'unsupported'; what: string; silent?: boolean };

export type Namespace = 'type' | 'value' | 'macro';

export interface Binding {
  res: Res;
  span: Span;
  /** Declared or re-exported with `pub` (any `pub(...)` counts). */
  pub: boolean;
  /** Brought in by `use`. */
  imported?: boolean;
}

export interface ModScope {
  readonly def: ModuleDef;
  /** The lexically enclosing module (for `super`), absent at the crate root. */
  readonly parent?: ModScope;
  /**
   * For anonymous block scopes (items declared inside a function body): names not found here
   * are looked up in `outer` (the enclosing block scope or module), as rustc's ribs do.
   */
  readonly outer?: ModScope;
  readonly types: Map<string, Binding>;
  readonly values: Map<string, Binding>;
  readonly macros: Map<string, Binding>;
  readonly globs: { target: Res; pub: boolean }[];
  /** Module path inside the crate. */
  readonly path: readonly string[];
}

export function newScope(def: ModuleDef, path: readonly string[], parent?: ModScope, outer?: ModScope): ModScope {
  return { def, parent, outer, path, types: new Map(), values: new Map(), macros: new Map(), globs: [] };
}

export function nsMap(scope: ModScope, ns: Namespace): Map<string, Binding> {
  return ns === 'type' ? scope.types : ns === 'value' ? scope.values : scope.macros;
}

/** The nearest real module (block scopes belong to the module around them). */
export function moduleOf(scope: ModScope): ModScope {
  let s = scope;
  while (s.outer) s = s.outer;
  return s;
}

/** Items of the AST kept per definition while signatures are computed. */
export interface PendingItems {
  fns: { def: FnDef; item: ast.Item & { kind: 'fn' }; scope: ModScope; implSelf?: Ty }[];
}
