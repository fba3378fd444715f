#![no_std]
pub fn f() -> u32 {
    let mut n = 0;
    for i in 0..10 { n += 1; }
    let mut k = 0;
    while k < 5 { k += 1; }
    n
}
