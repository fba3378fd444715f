#![no_std]
struct Pair(u8, u8);
struct Wrap { inner: u8 }
pub fn f() -> u8 {
    let p = Pair(1, 2);
    let w = Wrap { inner: 3 };
    p.0
}
