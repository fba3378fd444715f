// Negative programs on which our first error is not rustc's today, with the stage that owns the
// difference (from STATUS.md). The oracle test expects exactly these to differ (`it.fails`), so
// the suite stays green while they are open and a fix shows up as a red "expected to fail"
// until its line here is removed.
export const KNOWN_DIVERGENCES: Record<string, string> = {
  'attribute_unsafe_wrapping_lint.rs': 'driver (D1): `#[unsafe(dead_code)]` is not an attribute rustc knows (cannot find attribute `dead_code`)',
  'e0070_missing_deref.rs': 'typeck (A): assigning to a method call result is E0070, not E0308',
  'e0080_static_reads_itself.rs': 'typeck (A): a static reading itself is E0080, not "does not support"',
  'e0119_derive_twice.rs': 'typeck (A): the same derive twice is E0119 (conflicting implementations)',
  'e0277_add_enum_to_u8.rs': 'typeck (A): an arithmetic operator with a non-numeric operand is E0277 (cannot add `Color` to `{integer}`), not E0308',
  'e0277_multiply_by_function.rs': 'typeck (A): likewise, cannot multiply `{integer}` by a fn item',
  'e0277_raw_pointer_static_not_sync.rs': 'typeck (A): a static must be Sync; `*mut u8` is not (E0277)',
  'e0277_struct_with_pointer_static.rs': 'typeck (A): a static struct holding `*mut u8` is not Sync (E0277): the next post\'s WRITER mistake',
  'e0277_unsized_static.rs': 'typeck (A): a static of type `[u8]` is E0277 (size not known), before the initializer\'s E0308',
  'e0317_never_fn_if_without_else.rs': 'typeck (A): `if` without `else` as the tail of a `-> !` fn is E0317, not E0308',
  'e0370_discriminant_overflow.rs': 'typeck (A): a repr(u8) discriminant past 255 is E0370; we accept it',
  'e0423_type_name_as_value.rs': 'resolve (A): a type name used as a value is E0423 (expected value, found builtin type), not E0425',
  'e0573_constant_as_type.rs': 'resolve (A): a constant used as a type is E0573, not E0425',
  'e0565_no_mangle_with_arguments.rs': 'driver (D1): `#[no_mangle(…)]` is E0565 (malformed attribute input); we accept it',
  'e0599_no_method_on_array_literal.rs': 'core (library): our core lacks `<[T]>::fill`, so our first error is on the valid `fill` call',
  'e0658_never_type_annotation.rs': 'typeck (A) / driver (D1): `let x: ! = …` needs `#![feature(never_type)]` (E0658); we accept it',
  'free_function_without_body.rs': 'driver (D1): `fn f();` outside an extern block is "free function without a body"; we accept it',
  'lint_array_length_literal_too_big.rs': 'passes (C) / typeck (A): an array length literal past usize is overflowing_literals; we accept it',
  'panic_handler_attribute_twice.rs': 'driver (D1): `#[panic_handler]` twice on one fn is "multiple `panic_handler` attributes"',
  'syntax_keyword_in_allow.rs': 'driver (D1): `#[allow(mut)]` is a syntax error in the lint list (expected identifier, found keyword `mut`)',
};
