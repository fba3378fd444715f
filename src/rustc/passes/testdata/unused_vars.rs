#![no_std]
pub fn f(a: u32, b: u32) -> u32 {
    let x = 1;
    let mut y = 2;
    let _z = 3;
    let (p, q) = (1, 2);
    a + q
}
