#![no_std]
pub fn f(c: bool) -> u32 {
    let mut x = 1;
    x = 2;
    let mut y = 0;
    if c { y = 5; }
    let mut w = 3;
    w = 4;
    x + y
}
