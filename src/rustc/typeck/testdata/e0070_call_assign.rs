#![no_std]
fn cell() -> u8 { 0 }
pub fn f() {
    cell() = 3;
}
