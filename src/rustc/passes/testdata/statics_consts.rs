#![no_std]
static mut TICKS: u64 = 0;
static GREETING: &[u8] = b"hi";
const LIMIT: usize = 2;
pub fn tick() -> u64 {
    unsafe {
        TICKS += 1;
        TICKS
    }
}
pub fn greet(buf: &mut [u8; 4]) {
    for i in 0..LIMIT {
        buf[i] = GREETING[i];
    }
}
pub fn addr() -> *const u64 {
    &raw const TICKS
}
