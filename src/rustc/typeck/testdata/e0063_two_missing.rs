#![no_std]
struct ScreenChar { ascii: u8, colour: u8, blink: bool }
pub fn f() {
    let c = ScreenChar { ascii: b'a' };
}
