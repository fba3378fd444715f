//! Sizes and alignments of types.
//!
//! `size_of::<T>()` and `align_of::<T>()` are generic, so the compiler provides them itself: they
//! give the layout it uses (rustc's rules for `repr(Rust)` and `repr(C)`).
