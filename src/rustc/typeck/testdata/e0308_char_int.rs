#![no_std]
pub fn f() -> char {
    let c: char = 65;
    c
}
