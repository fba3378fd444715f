#![no_std]
pub fn f(n: u32) -> u32 {
    let mut s = 0;
    for i in n { s += i; }
    s
}
