#![no_std]
pub fn f(a: bool, b: bool) -> bool {
    a + b
}
