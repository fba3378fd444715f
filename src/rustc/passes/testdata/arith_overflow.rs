#![no_std]
pub fn f() -> u8 {
    200u8 + 100
}
pub fn g() -> i32 {
    let x: i32 = i32::MAX;
    x + 1
}
pub fn h() -> u32 { 1u32 << 40 }
pub fn k() -> u8 { 5u8 - 6 }
