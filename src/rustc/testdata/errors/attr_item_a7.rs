fn f() {}
#![no_std]
fn g() {}
