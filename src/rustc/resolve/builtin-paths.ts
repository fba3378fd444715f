// The generic free functions and macros of `core` that the compiler provides itself (our core
// has no generics): core's source declares the modules `ptr`, `mem` and `hint`, and a name of
// this table resolves inside that module of the `core` crate (`core::ptr::write_volatile`,
// `use core::ptr; ptr::null_mut()`). Each maps to a builtin operation of thir/builtins.ts; the
// macros `addr_of!`/`addr_of_mut!` become `&raw const`/`&raw mut`. Their signatures are checked
// in typeck/builtin-calls.ts.
import type { BuiltinOp } from '../thir/builtins.ts';

export interface BuiltinFn {
  readonly module: 'ptr' | 'mem' | 'hint';
  readonly name: string;
  /** The builtin operation a call becomes; absent for the macros. */
  readonly op?: BuiltinOp;
  /** `addr_of!`/`addr_of_mut!`: a macro, not a function. */
  readonly macro?: { mut: boolean };
}

const TABLE: BuiltinFn[] = [
  { module: 'ptr', name: 'read_volatile', op: 'ptr.read_volatile' },
  { module: 'ptr', name: 'write_volatile', op: 'ptr.write_volatile' },
  { module: 'ptr', name: 'read', op: 'ptr.read' },
  { module: 'ptr', name: 'write', op: 'ptr.write' },
  { module: 'ptr', name: 'null', op: 'ptr.null' },
  { module: 'ptr', name: 'null_mut', op: 'ptr.null_mut' },
  { module: 'ptr', name: 'copy', op: 'ptr.copy' },
  { module: 'ptr', name: 'copy_nonoverlapping', op: 'ptr.copy_nonoverlapping' },
  { module: 'ptr', name: 'write_bytes', op: 'ptr.write_bytes' },
  { module: 'ptr', name: 'addr_of', macro: { mut: false } },
  { module: 'ptr', name: 'addr_of_mut', macro: { mut: true } },
  { module: 'mem', name: 'size_of', op: 'mem.size_of' },
  { module: 'mem', name: 'align_of', op: 'mem.align_of' },
  { module: 'hint', name: 'spin_loop', op: 'hint.spin_loop' },
  { module: 'hint', name: 'black_box', op: 'hint.black_box' },
];

const BY_PATH = new Map(TABLE.map((b) => [`${b.module}::${b.name}`, b]));

/** Generic types of core the compiler provides (ranges are built-in iterator shapes). */
export const BUILTIN_TYPES: ReadonlyMap<string, 'Range' | 'RangeInclusive'> = new Map([
  ['ops::Range', 'Range'],
  ['ops::RangeInclusive', 'RangeInclusive'],
]);

/** Modules of core that hold only compiler-provided names (present even if core's source omits them). */
export const VIRTUAL_MODULES: readonly string[] = ['ops'];

/** The builtin named `name` inside core's module `module` (a one-segment module path), if any. */
export function builtinIn(crate: string, modPath: readonly string[], name: string): BuiltinFn | undefined {
  if (crate !== 'core' || modPath.length !== 1) return undefined;
  return BY_PATH.get(`${modPath[0]}::${name}`);
}

/** All builtins of one core module (for `use core::ptr::*`). */
export function builtinsOf(crate: string, modPath: readonly string[]): BuiltinFn[] {
  if (crate !== 'core' || modPath.length !== 1) return [];
  return TABLE.filter((b) => b.module === modPath[0]);
}

/** `size_of`/`align_of` are in the prelude since Rust 1.80. */
export const PRELUDE_BUILTINS: ReadonlyMap<string, BuiltinFn> = new Map([
  ['size_of', BY_PATH.get('mem::size_of')!],
  ['align_of', BY_PATH.get('mem::align_of')!],
]);
