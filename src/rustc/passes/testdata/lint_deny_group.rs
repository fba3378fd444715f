#![no_std]
#![deny(unused)]
pub fn f() { let x = 1; let mut y = 2; y += 1; }
fn helper() {}
