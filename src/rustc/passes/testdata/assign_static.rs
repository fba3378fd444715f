#![no_std]
static LIMIT: u32 = 10;
pub fn f() {
    LIMIT = 5;
}
