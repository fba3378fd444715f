#![no_std]
pub fn f() -> u32 {
    let mut x = 1;
    let mut y = 2;
    y += x;
    let mut z = 0;
    z
}
pub fn g(mut a: u32) -> u32 { a }
