#![no_std]
pub fn f() {
    break;
}
