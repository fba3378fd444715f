#![no_std]
pub fn f(x: u8) -> u8 {
    { x + 1 }
}
