#![no_std]
pub fn f(p: *mut u8) {
    let n: u8 = 3;
    n.frobnicate();
}
