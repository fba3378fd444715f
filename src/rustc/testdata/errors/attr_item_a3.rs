#[inline]
#![no_std]
fn f() {}
