#![no_std]
pub fn a(n: u32) -> u32 { let mut acc = 0; for i in 0..n { acc += i; } 0 }
pub fn b(n: u32) -> u32 { let mut acc = 0; for i in 0..n { acc += i; } acc }
pub fn c() -> u32 { let mut x = 0; x += 1; x += 2; 0 }
pub fn d() -> u32 { let mut x = 0; x += 1; x = 5; x }
pub fn e() -> u32 { let mut x = 0; x += 1; x }
pub fn f(c: bool) -> u32 { let mut x = 0; if c { x += 1; } x }
