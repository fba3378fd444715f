#![no_std]
fn square(x: u32) -> u32 { x * x }
pub fn f() -> u32 {
    let sq = square;
    let unused_fn = square;
    sq(3)
}
