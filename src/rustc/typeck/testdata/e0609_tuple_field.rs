#![no_std]
pub fn f() -> u8 {
    let t = (1u8, 2u8);
    t.2
}
