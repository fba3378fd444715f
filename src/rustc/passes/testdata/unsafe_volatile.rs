#![no_std]
pub fn write(p: *mut u8) {
    core::ptr::write_volatile(p, 2);
    p.write_volatile(3);
}
pub fn read(p: *const u16) -> u16 {
    p.read_volatile()
}
