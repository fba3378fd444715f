#![no_std]
pub unsafe fn write(p: *mut u8, v: u8) {
    *p = v;
    p.add(1).write_volatile(v);
}
pub fn caller(p: *mut u8) {
    unsafe { write(p, 1) }
}
