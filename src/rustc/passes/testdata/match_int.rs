#![no_std]
pub fn h(x: u8) -> u8 {
    match x { 0 => 1, 1..=5 => 2 }
}
pub fn k(x: i32) -> i32 {
    match x { 1 => 1 }
}
