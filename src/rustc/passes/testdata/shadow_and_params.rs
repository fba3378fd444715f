#![no_std]
pub fn f(x: u32, unused_param: u32) -> u32 {
    let x = x + 1;
    let x = x * 2;
    x
}
fn g(_a: u8) {}
