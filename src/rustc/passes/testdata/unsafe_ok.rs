#![no_std]
static mut COUNT: u32 = 0;
pub fn bump(p: *mut u8) -> u32 {
    unsafe {
        *p = 1;
        p.add(1).write_volatile(2);
        COUNT += 1;
        COUNT
    }
}
