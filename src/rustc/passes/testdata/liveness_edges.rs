#![no_std]
pub fn a() { let mut x = 0; x = x + 1; }
pub fn b(n: u32) -> u32 { let mut s = 0; let mut i = 0; while i < n { s = s + i; i += 1; } s }
pub fn c(flag: bool) -> u32 { let v; if flag { v = 1; } else { v = 2; } v }
pub fn d() -> u32 { let mut t = 5; t = 6; t }
pub fn e(p: (u32, u32)) -> u32 { let (a, mut b) = p; b = a; b }
pub fn f(arr: &mut [u32; 4]) { let mut i = 0; loop { if i >= 4 { break; } arr[i] = 0; i += 1; } }
pub fn g() -> u32 { let x = 1; let y = &x; *y }
pub fn h() -> u32 { let mut m = 1; let r = &mut m; *r = 2; m }
pub fn k(c: bool) -> u32 { let mut z = 0; if c { z = 3; return z; } 7 }
pub fn l() -> [u8; 2] { let mut buf = [0u8; 2]; buf[0] = 1; buf }
pub fn m() { let mut unused_buf = [0u8; 2]; unused_buf[1] = 9; }
