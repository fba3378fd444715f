#![no_std]
const LIMIT: u8 = 3;
pub fn f() {
    LIMIT = 4;
}
