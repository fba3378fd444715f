#![no_std]
fn bump(v: &mut u32) { *v += 1; }
pub fn f() -> u32 {
    let x = 5;
    bump(&mut x);
    x
}
pub fn g(r: &u32) {
    *r = 3;
}
