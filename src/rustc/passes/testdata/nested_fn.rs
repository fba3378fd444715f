#![no_std]
pub fn outer(v: u32) -> u32 {
    fn helper(x: u32) -> u32 { x * 2 }
    fn unused_inner() {}
    helper(v)
}
