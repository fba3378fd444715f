#![no_std]
pub fn f() -> ! {
    let x = 1;
}
