#![no_std]
pub fn f() -> u8 {
    let x = 5;
    x()
}
