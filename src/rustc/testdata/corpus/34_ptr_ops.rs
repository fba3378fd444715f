use core::ptr::{self, null_mut};
unsafe fn copy(dst: *mut u8, src: *const u8, n: usize) {
    let mut i = 0usize;
    while i < n {
        *dst.add(i) = *src.add(i);
        i += 1;
    }
    ptr::copy_nonoverlapping(src, dst, 0);
    let p: *mut u8 = null_mut();
    if !p.is_null() { p.write_volatile(p.read_volatile()); }
    let off = dst.offset(-1isize).offset_from(dst);
    let _ = off;
}
