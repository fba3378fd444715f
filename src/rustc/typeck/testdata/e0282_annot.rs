#![no_std]
pub fn f() {
    let p = core::ptr::null();
}
