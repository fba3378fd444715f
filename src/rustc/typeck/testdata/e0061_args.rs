#![no_std]
fn add(a: u8, b: u8) -> u8 { a + b }
pub fn f() -> u8 {
    add(1)
}
