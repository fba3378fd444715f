#![no_std]
#![forbid(unsafe_code)]
#![warn(unused_variables)]
pub fn f() { let x = 1; }
#[allow(non_snake_case)]
pub fn BadButAllowed() {}
