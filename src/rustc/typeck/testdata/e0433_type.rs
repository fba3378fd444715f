#![no_std]
pub fn f() -> u8 {
    Writer::new()
}
