#![no_std]
pub fn f() -> u8 {
    let a = [1u8, 2, 3];
    a[0] = 5;
    let b = [0u8; 4];
    let r = &mut b;
    r[0] + a[0]
}
