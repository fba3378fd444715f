// The operations the compiler provides itself, because our `core` cannot write them in the
// subset (they are generic over the pointee or element type, or are machine primitives). Type
// checking turns method calls on raw pointers, slices, arrays, `str`, ranges and iterators, the
// free functions of `core::ptr`, and calls to `#[rustc_intrinsic]` functions of our core into a
// THIR `builtin` node with one of these names; lowering implements each one. Argument and result
// types are on the THIR nodes (`args[i].ty`, the node's `ty`), so the element type is known.
// This table is the contract between the two: typeck emits no other name, lowering handles all.

export const BUILTIN_OPS = {
  // ---- raw pointers: receiver `*const T` / `*mut T`, offsets counted in elements of T ----
  'ptr.add': '(p, count: usize) -> same pointer type; p + count * size_of::<T>()',
  'ptr.sub': '(p, count: usize) -> same pointer type',
  'ptr.offset': '(p, count: isize) -> same pointer type',
  'ptr.wrapping_add': '(p, count: usize) -> same pointer type',
  'ptr.wrapping_sub': '(p, count: usize) -> same pointer type',
  'ptr.wrapping_offset': '(p, count: isize) -> same pointer type',
  'ptr.read': '(p) -> T',
  'ptr.write': '(p: *mut T, value: T) -> ()',
  'ptr.read_volatile': '(p) -> T; never removed, merged or reordered with other volatile accesses',
  'ptr.write_volatile': '(p: *mut T, value: T) -> ()',
  'ptr.is_null': '(p) -> bool',
  'ptr.cast': '(p) -> pointer to typeArg with the same mutability',
  'ptr.null': '() -> *const T (core::ptr::null)',
  'ptr.null_mut': '() -> *mut T (core::ptr::null_mut)',
  'ptr.copy_nonoverlapping': '(src: *const T, dst: *mut T, count: usize) -> (); lowered to a call of memcpy',
  'ptr.copy': '(src: *const T, dst: *mut T, count: usize) -> (); lowered to a call of memmove',
  'ptr.write_bytes': '(dst: *mut T, byte: u8, count: usize) -> (); lowered to a call of memset',
  // ---- slices (receiver `&[T]` / `&mut [T]`; arrays are unsized to slices first) ----
  'slice.len': '(s: &[T]) -> usize',
  'slice.is_empty': '(s: &[T]) -> bool',
  'slice.as_ptr': '(s: &[T]) -> *const T',
  'slice.as_mut_ptr': '(s: &mut [T]) -> *mut T',
  'slice.iter': '(s: &[T]) -> iter sliceIter { elem: T, mut: false }',
  'slice.iter_mut': '(s: &mut [T]) -> iter sliceIter { elem: T, mut: true }',
  // ---- string slices (receiver `&str`) ----
  'str.len': '(s: &str) -> usize (bytes)',
  'str.is_empty': '(s: &str) -> bool',
  'str.as_bytes': '(s: &str) -> &[u8]',
  'str.as_ptr': '(s: &str) -> *const u8',
  'str.bytes': '(s: &str) -> iter bytes',
  'str.chars': '(s: &str) -> iter chars',
  // ---- iterators and ranges (receiver: a value of `iter` type, by value) ----
  'iter.enumerate': '(it) -> iter enumerate { inner }; items (usize, item)',
  'iter.rev': '(it) -> iter rev { inner } (ranges and slice iterators only)',
  'iter.step_by': '(it, step: usize) -> iter stepBy { inner }; panics "assertion failed: step != 0" when step is 0',
  'range.contains': '(r: &Range<T>, x: &T) -> bool',
  'range.len': '(r: &Range<T>) -> usize (exact-size ranges of integers)',
  // ---- machine primitives behind our core\'s #[rustc_intrinsic] integer methods ----
  'int.wrapping_add': '(a: T, b: T) -> T',
  'int.wrapping_sub': '(a: T, b: T) -> T',
  'int.wrapping_mul': '(a: T, b: T) -> T',
  'int.wrapping_neg': '(a: T) -> T',
  'int.wrapping_shl': '(a: T, n: u32) -> T (n modulo bits)',
  'int.wrapping_shr': '(a: T, n: u32) -> T (n modulo bits)',
  'int.overflowing_add': '(a: T, b: T) -> (T, bool)',
  'int.overflowing_sub': '(a: T, b: T) -> (T, bool)',
  'int.overflowing_mul': '(a: T, b: T) -> (T, bool)',
  'int.unchecked_div': '(a: T, b: T) -> T (caller checked b != 0 and no MIN / -1)',
  'int.unchecked_rem': '(a: T, b: T) -> T (same)',
  'int.rotate_left': '(a: T, n: u32) -> T',
  'int.rotate_right': '(a: T, n: u32) -> T',
  'int.count_ones': '(a: T) -> u32',
  'int.leading_zeros': '(a: T) -> u32',
  'int.trailing_zeros': '(a: T) -> u32',
  'int.swap_bytes': '(a: T) -> T',
  // ---- misc ----
  'mem.size_of': '() -> usize, of typeArg (core::mem::size_of::<T>())',
  'mem.align_of': '() -> usize, of typeArg',
  'hint.spin_loop': '() -> () (a `pause` is fine; a no-op is fine)',
  'hint.black_box': '(x: T) -> T (forces x through memory so the optimiser cannot see it)',
} as const;

export type BuiltinOp = keyof typeof BUILTIN_OPS;

export function isBuiltinOp(name: string): name is BuiltinOp {
  return Object.prototype.hasOwnProperty.call(BUILTIN_OPS, name);
}
