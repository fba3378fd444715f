#![no_std]
static mut N: u8 = 0;
pub fn f(x: u8) -> u8 {
    let BadLocal = 1;
    let unused = (2);
    N = 3;
    let big: u8 = 999;
    match x { 0 => 1 }
}
fn dead() {}
pub fn g() -> u8 { 255u8 + 1 }
