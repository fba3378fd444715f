//! Bootlab's `compiler_builtins`: the functions the code generator calls instead of emitting
//! inline code (128-bit division and checked signed multiplication, as LLVM does), and, with
//! the `mem` feature (`build-std-features = ["compiler-builtins-mem"]`), `memcpy`, `memmove`,
//! `memset`, `memcmp` and `bcmp`, which a kernel without a C library needs.
//!
//! It is always compiled without overflow checks (as Rust's own build does): nothing here may
//! panic, and nothing here may call the function it implements.
#![no_std]
#![compiler_builtins]
#![feature(compiler_builtins)]
#![allow(internal_features)]

pub mod int;

#[cfg(feature = "mem")]
pub mod mem;
