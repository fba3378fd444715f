#![no_std]
pub fn f(n: u8) -> u8 {
    n + 1;
}
