#![no_std]
pub fn f(mut x: u8) {
    if x = 5 { x += 1; }
}
