#![no_std]
pub fn n(x: u8) -> u8 { let 1 = x; 0 }
pub fn m(t: (u8, bool)) -> u8 { let (a, true) = t; a }
