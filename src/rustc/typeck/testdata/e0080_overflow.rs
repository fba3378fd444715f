#![no_std]
const WIDTH: u8 = 200;
const DOUBLE: u8 = WIDTH * 2;
pub fn f() -> u8 { DOUBLE }
