#![no_std]
struct S { x: u8 }
pub fn f(s: S) -> u8 {
    s as u8
}
