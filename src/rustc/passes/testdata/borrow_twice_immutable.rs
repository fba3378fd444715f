#![no_std]
pub fn a() -> u8 { let x = 1u8; let r = &mut x; let s = &mut x; *s = 2; *r }
pub fn b() -> u8 { let x = 1u8; let r = &mut x; *r = 1; let s = &mut x; *s = 2; x }
