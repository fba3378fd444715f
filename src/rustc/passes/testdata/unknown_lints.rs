#![no_std]
#![allow(unused_varibles)]
#[allow(dead_cod, clippy::all, nonexistent_lint_xyz)]
pub fn f() {}
