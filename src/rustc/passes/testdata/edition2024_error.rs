// edition: 2024
#![no_std]
pub fn f(p: *mut u8) { *p = 2; }
pub unsafe fn h(p: *const u8) -> u8 { p.read_volatile() }
