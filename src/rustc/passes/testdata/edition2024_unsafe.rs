// edition: 2024
#![no_std]
static mut N: u32 = 0;
unsafe fn danger(p: *mut u8) { *p = 1; }
pub unsafe fn wrapped(p: *mut u8) { unsafe { *p = 2; } }
pub fn g() -> u32 { unsafe { let r = &N; danger(0 as *mut u8); *r } }
