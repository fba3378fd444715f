#![no_std]
pub fn f(a: &u8) -> u32 {
    a as u32
}
