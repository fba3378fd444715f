#![no_std]
pub fn f(x: u8) -> u8 {
    let mut n = x;
    if let 0 = n { return 1; }
    while let 1..=9 = n {
        n -= 1;
    }
    let t = (n, 2u8);
    if let (a, 2) = t { a } else { 0 }
}
