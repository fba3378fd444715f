#![no_std]
static mut BUF: [u8; 8] = [0; 8];
static TABLE: [u8; 3] = [1, 2, 3];
pub fn f(i: usize) -> u8 {
    unsafe {
        BUF[i] = TABLE[i];
        BUF[i]
    }
}
pub fn g() {
    TABLE[0] = 5;
}
