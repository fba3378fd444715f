#![no_std]
pub fn f() {
    unsafe { core::ptr::write_volatil(0xb8000 as *mut u8, 1); }
}
