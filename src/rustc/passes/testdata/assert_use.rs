#![no_std]
pub fn f(a: u32, b: u32) -> u32 {
    let limit = 10;
    assert!(a < limit);
    let unused_in_assert = 3;
    if b > 100 { panic!("too big"); }
    a + b
}
