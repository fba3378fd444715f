#![no_std]
const BIG: u8 = 250;
pub fn f() -> u8 {
    let a = BIG + 10;
    a
}
pub fn g() -> i8 {
    let m = -128i8;
    -m
}
pub fn h(x: u32) -> u32 { x / 0 }
