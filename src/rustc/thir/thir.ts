// THIR: the typed tree that type checking produces and that the checking passes (unsafety,
// mutability, liveness, dead code, exhaustiveness) and lowering to IR consume. Everything a
// later stage needs is explicit here, nothing is re-inferred:
// - every node has its final type (no inference variables remain);
// - names are resolved to definitions (defs.ts) or to locals of the body;
// - method calls are plain calls with the receiver first, auto-ref/auto-deref written out as
//   `addrOf`/`deref` nodes; implicit coercions are `coerce` nodes;
// - `while`, `while let`, `if let` and the small set of macros are desugared (see each node);
// - places (what can be assigned or borrowed) are `local`, `static`, `deref`, `field`,
//   `index`, `rangeIndex`; any other expression used as a place is a temporary.
import type { Span } from '../span/span.ts';
import type { BuiltinOp } from './builtins.ts';
import type { AdtDef, ConstDef, FnDef, StaticDef } from './defs.ts';
import type { Ty } from './ty.ts';

/** A compile-time value: literals, consts and static initializers. */
export type ConstValue =
  /** Integers (in the type's range), bool (0/1), char (code point). */
  | { kind: 'scalar'; value: bigint }
  /** Data of a string or byte-string literal: `&str`, `&[u8; N]`, `&[u8]` point at it. */
  | { kind: 'bytes'; bytes: Uint8Array }
  /** Tuples, structs (fields in declaration order), arrays (elements). */
  | { kind: 'aggregate'; fields: ConstValue[] }
  /** A C-like enum value. */
  | { kind: 'variant'; adt: AdtDef; index: number }
  /** A reference to a value placed in read-only memory (`&[1, 2, 3]`, `&SOME_STRUCT`); `&str`/`&[T]` with `len`. */
  | { kind: 'ref'; to: ConstValue; len?: number }
  /** `&STATIC`, `&raw mut STATIC`, `addr_of!(STATIC)` in an initializer. */
  | { kind: 'staticRef'; def: StaticDef; len?: number }
  /** An integer cast to a pointer (`0xb8000 as *mut u8`) or a null pointer. */
  | { kind: 'ptr'; addr: bigint }
  /** A function item or pointer. */
  | { kind: 'fn'; def: FnDef };

export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'rem' | 'and' | 'or' | 'xor' | 'shl' | 'shr' | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type CoerceKind =
  /** `&[T; N]` → `&[T]` (and `*const`/`*mut`/`&mut` alike): the length becomes a value. */
  | 'unsize'
  /** `&mut T` → `&T`, `*mut T` → `*const T`. */
  | 'mutToConst'
  /** `&T` → `*const T`, `&mut T` → `*mut T`. */
  | 'refToPtr'
  /** A function item to a function pointer. */
  | 'fnItemToPtr'
  /** `!` → any type (the expression never produces a value). */
  | 'neverToAny';

export interface ExprBase {
  readonly ty: Ty;
  readonly span: Span;
}

export type Expr = ExprBase & ExprKind;

export type ExprKind =
  | { kind: 'lit'; value: ConstValue }
  | { kind: 'local'; local: number }
  | { kind: 'static'; def: StaticDef }
  /** Use of a `const` item: its value (def.value), copied at each use. */
  | { kind: 'const'; def: ConstDef }
  /** A function item as a value (zero-sized; `ty` is fnDef). */
  | { kind: 'fnItem'; def: FnDef }
  /** A unit variant of a C-like enum: `Color::Red`. */
  | { kind: 'variant'; adt: AdtDef; index: number }
  /** Direct call of a function or method (receiver first, already adjusted). Never an intrinsic. */
  | { kind: 'call'; callee: FnDef; args: Expr[] }
  /** Call through a value of fnPtr (or fnDef) type. */
  | { kind: 'callValue'; func: Expr; args: Expr[] }
  /** A compiler-builtin operation (thir/builtins.ts); `typeArg` for `cast::<U>()` and the like. */
  | { kind: 'builtin'; op: BuiltinOp; args: Expr[]; typeArg?: Ty }
  /**
   * Arithmetic, bitwise, shift and comparison on scalars. Operands have the same type except
   * shifts (any integer amount). Arithmetic is checked in debug builds (overflow, division by
   * zero, shift amount) and wraps in release, as rustc does; comparisons also apply to bool,
   * char, raw pointers and C-like enums deriving PartialEq (compared by discriminant).
   */
  | { kind: 'binary'; op: BinaryOp; lhs: Expr; rhs: Expr }
  /** `&&` / `||` (short-circuit). */
  | { kind: 'logical'; op: 'and' | 'or'; lhs: Expr; rhs: Expr }
  /** `-x` (checked in debug for signed MIN) and `!x` (bitwise on integers, logical on bool). */
  | { kind: 'unary'; op: 'neg' | 'not'; operand: Expr }
  /** `*e` where e is a reference or raw pointer: a place. */
  | { kind: 'deref'; operand: Expr }
  /** `&place`, `&mut place`, `&raw const place` / `&raw mut place` (raw: the result is a pointer). Borrowing a non-place makes a temporary. */
  | { kind: 'addrOf'; mut: boolean; raw: boolean; place: Expr }
  /** `e as T` between integers, bool/char → integer, u8 → char, enums → integer, pointers ↔ pointers/usize, fn items → pointers. Target = `ty`. */
  | { kind: 'cast'; operand: Expr }
  | { kind: 'coerce'; coercion: CoerceKind; operand: Expr }
  /** Field of a struct or tuple place, by declaration index. Auto-deref is already explicit. */
  | { kind: 'field'; base: Expr; index: number }
  /** `base[index]` on an array or slice place, bounds-checked ("index out of bounds: the len is {} but the index is {}"). */
  | { kind: 'index'; base: Expr; index: Expr }
  /** `base[lo..hi]` on an array, slice or str place: a place of type `[T]`/`str` (take its address). Checked like rustc (`range end index 9 out of range for slice of length 4`…); str also checks char boundaries. */
  | { kind: 'rangeIndex'; base: Expr; lo?: Expr; hi?: Expr; inclusive: boolean }
  /** `place = value`; `ty` is unit. */
  | { kind: 'assign'; place: Expr; value: Expr }
  /** `place op= value`, checked like `binary`. */
  | { kind: 'assignOp'; op: BinaryOp; place: Expr; value: Expr }
  | { kind: 'block'; block: Block }
  /** `if`; without `else` the type is unit. `if let` is desugared to `match`. */
  | { kind: 'if'; cond: Expr; then: Expr; else?: Expr }
  /**
   * `loop { … }` with its number in the body (targets of break/continue). `while c { b }` is
   * `loop { if c { b } else { break } }`, and `while let` the same shape with a match.
   */
  | { kind: 'loop'; loop: number; body: Block }
  /** `for pat in iter { body }` over a built-in iterator (`iter.ty.kind === 'iter'`). */
  | { kind: 'for'; loop: number; pat: Pat; iter: Expr; body: Block }
  /** `match scrutinee { arms }`; the scrutinee is a place (a temporary if it was not one). */
  | { kind: 'match'; scrutinee: Expr; arms: Arm[] }
  | { kind: 'break'; loop: number; value?: Expr }
  | { kind: 'continue'; loop: number }
  | { kind: 'return'; value?: Expr }
  /** A range value `lo..hi` / `lo..=hi` (type `iter` with shape range): what `for` and `range.contains` take. */
  | { kind: 'range'; lo: Expr; hi: Expr; inclusive: boolean }
  | { kind: 'tuple'; elems: Expr[] }
  | { kind: 'array'; elems: Expr[] }
  /** `[elem; count]`. */
  | { kind: 'repeat'; elem: Expr; count: number }
  /** Struct literal: a value for every field, by declaration index (`..base` already expanded to field reads of a temporary `base`). */
  | { kind: 'struct'; adt: AdtDef; fields: Expr[]; base?: Expr }
  /**
   * A panic with a fixed message (`panic!("…")`, `unreachable!()`, `todo!()`,
   * `unimplemented!()`, and a failed `assert!(c)`, desugared to `if !c { panic }` with
   * "assertion failed: c"). `ty` is `!`.
   */
  | { kind: 'panic'; message: string }
  /** Present only when type checking reported an error; such bodies are never lowered. */
  | { kind: 'error' };

export interface Arm {
  readonly pat: Pat;
  readonly guard?: Expr;
  readonly body: Expr;
  readonly span: Span;
}

export interface Block {
  readonly stmts: Stmt[];
  /** The final expression without `;`, whose value is the block's. */
  readonly tail?: Expr;
  /** `unsafe { … }` (for the unsafety check). */
  readonly unsafe: boolean;
  readonly ty: Ty;
  readonly span: Span;
}

export type Stmt =
  /** `let pat (: ty)? (= init)? (else { … })?;` */
  | { kind: 'let'; pat: Pat; init?: Expr; else?: Block; span: Span }
  /** An expression statement (`e;`, or a block-like expression without `;`); its value is dropped. */
  | { kind: 'expr'; expr: Expr; span: Span }
  /** A nested item (`fn` inside a fn): it is in CrateDef with the others; kept for spans. */
  | { kind: 'item'; span: Span };

export interface PatBase {
  readonly ty: Ty;
  readonly span: Span;
}

export type Pat = PatBase & PatKind;

export type PatKind =
  | { kind: 'wild' }
  /** Binds a local (by value, by `ref` or `ref mut`; default binding modes are made explicit with `deref`). */
  | { kind: 'binding'; local: number; mode: 'value' | 'ref' | 'refMut'; sub?: Pat }
  /** A literal or a `const` item's value (integers, bool, char, &str). */
  | { kind: 'const'; value: ConstValue }
  /** `lo..=hi` / `lo..hi` over integers or chars. */
  | { kind: 'range'; lo: ConstValue; hi: ConstValue; inclusive: boolean }
  /** A unit variant of a C-like enum. */
  | { kind: 'variant'; adt: AdtDef; index: number }
  /** Tuple pattern with one sub-pattern per element (`..` expanded to wildcards). */
  | { kind: 'tuple'; elems: Pat[] }
  /** Struct pattern: sub-patterns by field index (missing fields under `..` are omitted). */
  | { kind: 'struct'; adt: AdtDef; fields: { index: number; pat: Pat }[] }
  /** `&pat` against a reference, or an implicit dereference of the scrutinee (default binding modes). */
  | { kind: 'deref'; pat: Pat }
  | { kind: 'or'; alts: Pat[] };
