#![no_std]
pub fn f(n: u8) {
    if n { }
}
