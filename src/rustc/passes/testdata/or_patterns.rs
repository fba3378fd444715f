#![no_std]
pub fn f(x: u8, y: u8) -> u8 {
    match (x, y) {
        (0, n) | (n, 0) => n,
        (a @ 1..=5, _) => a,
        (_, b) => 7,
    }
}
pub fn g(c: char) -> bool {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' => true,
        'a'..='z' => false,
        _ => false,
    }
}
