#![no_std]
pub fn f(a: u32) -> char {
    a as char
}
