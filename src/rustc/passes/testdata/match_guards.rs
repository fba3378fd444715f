#![no_std]
pub fn classify(x: i32) -> u8 {
    match x {
        n if n < 0 => 0,
        0 => 1,
        1..=9 => 2,
        _ => 3,
    }
}
pub fn g(x: u8) -> u8 {
    match x {
        n if n > 5 => 1,
        0..=5 => 2,
    }
}
