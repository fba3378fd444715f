#![no_std]
pub fn f(c: bool) -> u32 {
    let x: u32;
    if c { x = 1; }
    x
}
pub fn g() -> u32 {
    let y: u32;
    y + 1
}
