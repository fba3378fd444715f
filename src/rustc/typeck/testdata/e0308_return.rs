#![no_std]
pub fn f(a: u32) -> u8 {
    a
}
