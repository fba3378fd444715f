#![no_std]
pub fn f() {
    let p = 0xb8000 as *const u8;
    unsafe { p.write_volatile(1); }
}
