#![no_std]
#![deny(unused_variables)]
pub fn f() { let x = 1; }
#[deny(dead_code)]
fn helper() {}
