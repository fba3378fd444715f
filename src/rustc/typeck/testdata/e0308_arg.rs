#![no_std]
fn put(b: u8) {}
pub fn f() {
    put("x");
}
