#![no_std]
#![allow(dead_code)]
fn helper() {}
#[allow(unused_variables)]
pub fn f() { let x = 1; }
#[allow(unused)]
pub fn g() { let mut y = 1; }
pub fn h() { #[allow(unused_variables)] let z = 1; }
