#![no_std]
pub fn f(c: bool) -> u8 {
    let x = if c { 1u8 } else { 2u16 };
    0
}
