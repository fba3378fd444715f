#![no_std]
pub fn f(x: u32) -> u32 {
    x;
    let y = x + 1;;
    /// doc on a statement
    let z = { y };
    x == 3;
    z
}
