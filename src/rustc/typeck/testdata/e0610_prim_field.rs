#![no_std]
pub fn f(n: u32) -> u32 {
    n.x
}
