#![no_std]
pub fn f() -> u8 {
    return 1;
    let x = 2;
    x
}
pub fn g() -> u8 {
    loop {}
    5
}
