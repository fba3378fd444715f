#![no_std]
pub fn a() -> u8 { let mut x = 1u8; let r = &mut x; let s = &mut x; *s = 2; *r }
pub fn b() -> u8 { let mut x = 1u8; let r = &x; x = 5; *r }
pub fn c() -> u8 { let mut x = 1u8; let r = &mut x; let v = x; *r = 3; v }
pub fn d() -> u8 { let mut x = [1u8; 2]; let r = &x; let m = &mut x; m[0] = 1; r[0] }
pub fn e() -> u8 { let mut x = 1u8; let r = &mut x; *r = 2; let s = &mut x; *s = 3; x }
