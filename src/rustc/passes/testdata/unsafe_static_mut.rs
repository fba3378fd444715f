#![no_std]
static mut COUNT: u32 = 0;
pub fn bump() -> u32 {
    COUNT += 1;
    COUNT
}
