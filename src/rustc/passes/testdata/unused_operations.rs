#![no_std]
pub fn f(x: u32, b: bool) -> u32 {
    x + 1;
    x & 1;
    x << 2;
    b && true;
    !b;
    -(x as i32);
    loop {};
    0
}
