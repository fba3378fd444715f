// Definitions: the items name resolution and type checking find in a crate (functions, structs,
// enums, statics, consts, modules) and the locals of a function body. A definition is one
// object shared by every use: a call in `blog_os` to a function of `core` points at the very
// FnDef that compiling `core` produced (that is our crate metadata). Identity is object identity.
import type { Span } from '../span/span.ts';
import type { Block, ConstValue, Expr, Pat } from './thir.ts';
import type { IntTy, Ty } from './ty.ts';

/** Where a definition lives: its crate and its path inside the crate (`['panic', 'PanicInfo']`). */
export interface DefPath {
  readonly crate: string;
  readonly path: readonly string[];
  /** The defining identifier (for "defined here" notes and dead-code warnings). */
  readonly span: Span;
}

export interface FnParam {
  /** The parameter's pattern as written, for messages (`x`, `_info`, `self`). */
  readonly name: string;
  readonly ty: Ty;
}

export type SelfKind = 'value' | 'ref' | 'refMut';

export interface FnDef extends DefPath {
  readonly kind: 'fn';
  /** The last path segment. */
  readonly name: string;
  /** Symbol in the object: mangled (codegen/x86_64/mangle.ts) or the `#[no_mangle]`/extern name. */
  readonly symbol: string;
  /** Methods include `self` as params[0], with its type (`&Self`, `Self`, `&mut Self`). */
  readonly params: readonly FnParam[];
  readonly ret: Ty;
  readonly unsafe: boolean;
  readonly abi: 'Rust' | 'C';
  /** Method with a `self` parameter (callable as `x.f()`), and how it takes self. */
  readonly selfKind?: SelfKind;
  /** The type whose `impl` block holds this function (`Self`), if any. */
  readonly implFor?: Ty;
  /** Declared in an `extern` block: no body here, resolved at link time. */
  readonly foreign: boolean;
  readonly noMangle: boolean;
  /** Visible to the linker as a global symbol (`#[no_mangle]`, `pub extern "C"`, what other crates call). */
  readonly exported: boolean;
  readonly panicHandler: boolean;
  readonly constFn: boolean;
  /**
   * A body-less function of our `core` marked `#[rustc_intrinsic]`: calls to it are lowered
   * inline as the builtin operation of that name (thir/builtins.ts), never as calls.
   */
  readonly intrinsic?: string;
  /** Set by type checking (absent for foreign functions and intrinsics, and in crates loaded as metadata). */
  body?: FnBody;
}

export interface LocalDef {
  /** Index in FnBody.locals. */
  readonly id: number;
  readonly name: string;
  readonly ty: Ty;
  readonly mut: boolean;
  /** The binding identifier. */
  readonly span: Span;
}

export interface FnBody {
  /** Patterns binding each parameter, in order (`self` is a binding pattern too). */
  readonly params: readonly Pat[];
  readonly locals: readonly LocalDef[];
  /** The function's block; its type is the return type (or `!`). */
  readonly block: Block;
  /** Loops are numbered per body; `break`/`continue` name the loop they leave. */
  readonly loopCount: number;
}

export interface FieldDef {
  /** Named field, or the index as a string for tuple structs (`"0"`). */
  readonly name: string;
  readonly ty: Ty;
  readonly pub: boolean;
  readonly span: Span;
}

export interface VariantDef {
  readonly name: string;
  /** The discriminant value (explicit `= N` or the previous one plus one). */
  readonly discr: bigint;
  readonly span: Span;
}

export type Repr = 'Rust' | 'C' | IntTy;

export interface AdtDef extends DefPath {
  readonly kind: 'adt';
  readonly name: string;
  /** `struct` (named, tuple or unit) or a C-like `enum` (unit variants only in the subset). */
  readonly adtKind: 'struct' | 'enum';
  readonly structKind?: 'named' | 'tuple' | 'unit';
  readonly repr: Repr;
  /** `#[derive(...)]` names (`Clone`, `Copy`, `Debug`, `PartialEq`, `Eq`): Copy decides move vs copy. */
  readonly derives: readonly string[];
  /** Filled after the item's types are resolved (a struct may refer to one declared later). */
  fields: FieldDef[];
  variants: VariantDef[];
  /** Integer type of an enum's discriminant in memory (`#[repr(u8)]` → u8; default isize, stored in the smallest fitting size as rustc does). */
  discrTy?: IntTy;
  /** Inherent methods and associated functions (`impl Foo { … }`), by name. */
  readonly methods: Map<string, FnDef>;
  /** Associated constants (`impl Foo { const X: u8 = 1; }`). */
  readonly assocConsts: Map<string, ConstDef>;
}

export interface StaticDef extends DefPath {
  readonly kind: 'static';
  readonly name: string;
  readonly symbol: string;
  readonly ty: Ty;
  readonly mut: boolean;
  readonly exported: boolean;
  /** Absent for statics in `extern` blocks. */
  init?: Expr;
  /** The evaluated initializer, which lowering turns into bytes and relocations. */
  value?: ConstValue;
}

export interface ConstDef extends DefPath {
  readonly kind: 'const';
  readonly name: string;
  readonly ty: Ty;
  init?: Expr;
  /** Evaluated at compile time (array lengths need it during type checking). */
  value?: ConstValue;
}

/** A module's two namespaces, as rustc keeps them: types (modules, structs, enums) and values (fns, statics, consts). */
export interface ModuleDef extends DefPath {
  readonly kind: 'mod';
  readonly name: string;
  readonly types: Map<string, ModuleDef | AdtDef>;
  readonly values: Map<string, FnDef | StaticDef | ConstDef>;
  /** Names visible only inside the module (`use` imports, private items) are kept by the resolver, not here. */
}

/** What compiling a crate yields for later crates (its "metadata") and for lowering. */
export interface CrateDef {
  readonly name: string;
  readonly root: ModuleDef;
  readonly fns: FnDef[];
  readonly adts: AdtDef[];
  readonly statics: StaticDef[];
  readonly consts: ConstDef[];
  /** Primitive inherent impls (our core's `impl u32 { … }`), by type name then method name. */
  readonly primitiveMethods: Map<string, Map<string, FnDef>>;
  /** Associated constants of primitives (`u8::MAX`, `i32::BITS`). */
  readonly primitiveConsts: Map<string, Map<string, ConstDef>>;
  /** The function marked `#[panic_handler]` in this crate, if any. */
  panicHandler?: FnDef;
  /** In `core`: the function the IR's `panic` terminator calls (`fn(&str, &Location) -> !`). */
  panicEntry?: FnDef;
}
