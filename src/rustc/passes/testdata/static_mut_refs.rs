#![no_std]
static mut BUF: [u8; 4] = [0; 4];
pub fn f() -> usize {
    unsafe {
        let n = BUF.len();
        let r = &BUF;
        let m = &mut BUF;
        m[0] = 1;
        n + r.len()
    }
}
