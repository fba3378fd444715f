#![no_std]
pub fn f(a: u8, b: u32) -> u32 {
    let c = b + a;
    c
}
