//! Bootlab's `core`: the part of Rust's core library that kernels in Bootlab's Rust subset use.
//!
//! It is ordinary Rust, compiled by Bootlab's own compiler when cargo builds the sysroot
//! (`-Z build-std=core`). Two allowances rustc also makes for its own core: inherent `impl`
//! blocks on the primitive integer types and `char`, and body-less `#[rustc_intrinsic]`
//! methods, which the compiler lowers inline as machine operations.
//!
//! The generic free functions of `ptr`, `mem` and `hint` (and the `ptr::addr_of!` macros) are
//! provided by the compiler itself: the subset has no generics to write them in.
#![no_core]
#![feature(no_core, lang_items, rustc_attrs, intrinsics)]
#![allow(internal_features)]

pub mod panic;
pub mod panicking;
pub mod ptr;
pub mod mem;
pub mod hint;
pub mod ascii;
pub mod num;
