#![no_std]
pub fn f() -> u8 {
    let a = [1u8, 2, 3];
    a[5]
}
pub fn g() -> u32 { 10 / 0 }
pub fn h() -> u32 { 10 % 0 }
