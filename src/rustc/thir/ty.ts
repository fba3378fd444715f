// Semantic types of the subset, as type checking computes them and lowering consumes them.
// Unlike the AST's syntactic `Type`, these are resolved: `u8` is the integer type whatever the
// path that named it, a struct is its definition object. Types are plain immutable objects;
// compare them with `sameTy`, print them with `printTy` (rustc's spelling, for diagnostics).
import type { AdtDef, FnDef } from './defs.ts';

export type IntTy = 'i8' | 'i16' | 'i32' | 'i64' | 'i128' | 'isize' | 'u8' | 'u16' | 'u32' | 'u64' | 'u128' | 'usize';
export const INT_TYS: readonly IntTy[] = ['i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize'];

/**
 * The iterators of the subset are built into the compiler (our `core` has no generics): a `for`
 * loop and the adapters know each shape. `item` is the type each step yields.
 * - range: `a..b` / `a..=b` over an integer (or char) type; also the value of a range expression
 * - sliceIter: `slice.iter()` / `array.iter()` (items `&T`), `iter_mut()` (items `&mut T`)
 * - bytes: `str.bytes()` (items u8)
 * - chars: `str.chars()` (items char, UTF-8 decoded)
 * - enumerate / rev / stepBy: wrap another iterator (`inner`)
 */
export type IterShape =
  | { kind: 'range'; elem: Ty; inclusive: boolean }
  | { kind: 'sliceIter'; elem: Ty; mut: boolean }
  | { kind: 'bytes' }
  | { kind: 'chars' }
  | { kind: 'enumerate'; inner: Ty }
  | { kind: 'rev'; inner: Ty }
  | { kind: 'stepBy'; inner: Ty };

export type Ty =
  | { kind: 'int'; int: IntTy }
  | { kind: 'bool' }
  | { kind: 'char' }
  /** `()` is the empty tuple: `{ kind: 'tuple', elems: [] }`. */
  | { kind: 'tuple'; elems: readonly Ty[] }
  | { kind: 'never' }
  /** Unsized: only behind `&`/`*const`. `&str` is a (ptr, len) pair. */
  | { kind: 'str' }
  /** Unsized: only behind `&`/`*const`. `&[T]` is a (ptr, len) pair. */
  | { kind: 'slice'; elem: Ty }
  | { kind: 'array'; elem: Ty; len: number }
  | { kind: 'ref'; mut: boolean; to: Ty }
  | { kind: 'ptr'; mut: boolean; to: Ty }
  /** A struct or a C-like enum (no generics in the subset). */
  | { kind: 'adt'; def: AdtDef }
  /** The zero-sized type of a function item (`let f = foo;` then `f()`). */
  | { kind: 'fnDef'; def: FnDef }
  /** `fn(u8) -> u8` pointers (a non-capturing fn item coerces to one). */
  | { kind: 'fnPtr'; params: readonly Ty[]; ret: Ty; unsafe: boolean; abi: 'Rust' | 'C' }
  /** Ranges and the built-in iterators (see IterShape); `Range<T>` is `{ kind: 'iter', shape: range }`. */
  | { kind: 'iter'; shape: IterShape }
  /** `core::panic::PanicInfo` and `core::panic::Location` are ordinary ADTs from our core. */
  /** An inference variable still unresolved; `intVar` only unifies with integer types (`{integer}`). */
  | { kind: 'infer'; id: number; intVar: boolean }
  /** After an error was reported: unifies with anything, so one mistake gives one diagnostic. */
  | { kind: 'error' };

export const UNIT: Ty = { kind: 'tuple', elems: [] };
export const BOOL: Ty = { kind: 'bool' };
export const CHAR: Ty = { kind: 'char' };
export const NEVER: Ty = { kind: 'never' };
export const STR: Ty = { kind: 'str' };
export const ERROR_TY: Ty = { kind: 'error' };
export const int = (i: IntTy): Ty => ({ kind: 'int', int: i });
export const USIZE: Ty = int('usize');
export const refTo = (to: Ty, mut = false): Ty => ({ kind: 'ref', mut, to });
export const ptrTo = (to: Ty, mut = false): Ty => ({ kind: 'ptr', mut, to });

export function isUnit(t: Ty): boolean {
  return t.kind === 'tuple' && t.elems.length === 0;
}

export function isSignedInt(i: IntTy): boolean {
  return i[0] === 'i';
}

/** Structural equality (ADTs and fn items by definition identity). Inference variables compare by id. */
export function sameTy(a: Ty, b: Ty): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'int': return a.int === (b as typeof a).int;
    case 'tuple': {
      const bb = b as typeof a;
      return a.elems.length === bb.elems.length && a.elems.every((e, i) => sameTy(e, bb.elems[i]!));
    }
    case 'slice': return sameTy(a.elem, (b as typeof a).elem);
    case 'array': return a.len === (b as typeof a).len && sameTy(a.elem, (b as typeof a).elem);
    case 'ref':
    case 'ptr': return a.mut === (b as typeof a).mut && sameTy(a.to, (b as typeof a).to);
    case 'adt': return a.def === (b as typeof a).def;
    case 'fnDef': return a.def === (b as typeof a).def;
    case 'fnPtr': {
      const bb = b as typeof a;
      return a.unsafe === bb.unsafe && a.abi === bb.abi && sameTy(a.ret, bb.ret) && a.params.length === bb.params.length && a.params.every((p, i) => sameTy(p, bb.params[i]!));
    }
    case 'iter': return sameShape(a.shape, (b as typeof a).shape);
    case 'infer': return a.id === (b as typeof a).id;
    default: return true;
  }
}

function sameShape(a: IterShape, b: IterShape): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'range': return a.inclusive === (b as typeof a).inclusive && sameTy(a.elem, (b as typeof a).elem);
    case 'sliceIter': return a.mut === (b as typeof a).mut && sameTy(a.elem, (b as typeof a).elem);
    case 'enumerate':
    case 'rev':
    case 'stepBy': return sameTy(a.inner, (b as typeof a).inner);
    default: return true;
  }
}

/** The type as rustc prints it in messages (`&mut [u8; 4]`, `*const u8`, `core::ops::Range<usize>`). */
export function printTy(t: Ty): string {
  switch (t.kind) {
    case 'int': return t.int;
    case 'bool': return 'bool';
    case 'char': return 'char';
    case 'never': return '!';
    case 'str': return 'str';
    case 'tuple': return t.elems.length === 1 ? `(${printTy(t.elems[0]!)},)` : `(${t.elems.map(printTy).join(', ')})`;
    case 'slice': return `[${printTy(t.elem)}]`;
    case 'array': return `[${printTy(t.elem)}; ${t.len}]`;
    case 'ref': return `&${t.mut ? 'mut ' : ''}${printTy(t.to)}`;
    case 'ptr': return `*${t.mut ? 'mut' : 'const'} ${printTy(t.to)}`;
    case 'adt': return t.def.path.join('::');
    case 'fnDef': return `fn(${t.def.params.map((p) => printTy(p.ty)).join(', ')})${isUnit(t.def.ret) ? '' : ` -> ${printTy(t.def.ret)}`} {${t.def.path.join('::')}}`;
    case 'fnPtr': return `${t.unsafe ? 'unsafe ' : ''}${t.abi === 'C' ? 'extern "C" ' : ''}fn(${t.params.map(printTy).join(', ')})${isUnit(t.ret) ? '' : ` -> ${printTy(t.ret)}`}`;
    case 'iter': return printShape(t.shape);
    case 'infer': return t.intVar ? '{integer}' : '_';
    case 'error': return '{type error}';
  }
}

function printShape(s: IterShape): string {
  switch (s.kind) {
    case 'range': return `core::ops::${s.inclusive ? 'RangeInclusive' : 'Range'}<${printTy(s.elem)}>`;
    case 'sliceIter': return `core::slice::${s.mut ? 'IterMut' : 'Iter'}<'_, ${printTy(s.elem)}>`;
    case 'bytes': return `core::str::Bytes<'_>`;
    case 'chars': return `core::str::Chars<'_>`;
    case 'enumerate': return `core::iter::Enumerate<${printTy(s.inner)}>`;
    case 'rev': return `core::iter::Rev<${printTy(s.inner)}>`;
    case 'stepBy': return `core::iter::StepBy<${printTy(s.inner)}>`;
  }
}
