#![no_std]
pub struct W { pub col: usize }
pub fn a() -> usize { let s = W { col: 0 }; s.col = 3; s.col }
pub fn b(arr: &mut [u8; 4]) { for x in arr.iter() { *x = 0; } }
pub fn c() -> u8 { let x = 1u8; let r = &x; *r = 2; x }
pub fn d(w: &W) { w.col += 1; }
