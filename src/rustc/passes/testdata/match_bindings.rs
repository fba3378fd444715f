#![no_std]
pub fn f(x: u8) -> u8 {
    match x {
        0 => 0,
        n => 1,
    }
}
pub fn g(t: (u8, u8)) -> u8 {
    let (a, b) = t;
    a
}
