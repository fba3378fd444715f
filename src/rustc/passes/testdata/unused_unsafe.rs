#![no_std]
pub fn f() -> u8 {
    let x = unsafe { 1 };
    unsafe {
        let y = x + 1;
        y
    }
}
pub fn g(p: *mut u8) {
    unsafe {
        unsafe { *p = 1; }
    }
}
