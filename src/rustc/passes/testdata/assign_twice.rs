#![no_std]
pub fn f() -> u32 {
    let x = 5;
    x = 6;
    x
}
pub fn g(a: u32) -> u32 {
    a += 1;
    a
}
