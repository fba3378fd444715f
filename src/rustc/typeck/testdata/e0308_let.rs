#![no_std]
pub fn f(a: u16) {
    let x: u8 = a;
}
