#![no_std]
pub fn inc(v: &mut u32) { *v += 1; }
pub fn set_all(xs: &mut [u8]) {
    for x in xs.iter_mut() { *x = 0; }
}
pub fn swap(a: &mut u8, b: &mut u8) {
    let t = *a;
    *a = *b;
    *b = t;
}
pub fn bad(xs: &[u8]) {
    xs[0] = 1;
}
