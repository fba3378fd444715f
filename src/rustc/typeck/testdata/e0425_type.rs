#![no_std]
pub fn f(c: Colour) -> u8 {
    0
}
