#![no_std]
pub fn f(n: u32) -> u32 {
    let mut acc: u32;
    for i in 0..n {
        acc += i;
    }
    0
}
pub fn g(c: bool) -> u32 {
    let r: u32;
    loop {
        if c { r = 1; break; }
    }
    r
}
