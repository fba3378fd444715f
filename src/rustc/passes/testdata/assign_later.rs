#![no_std]
pub fn f(c: bool) -> u32 {
    let x;
    if c { x = 1; } else { x = 2; }
    x = 3;
    x
}
