#![no_std]
struct ColorCode(u8, u8);
pub fn f() {
    let c = ColorCode(1);
}
