#![no_std]
pub fn f() -> u8 {
    let x = 1;
    y + x
}
