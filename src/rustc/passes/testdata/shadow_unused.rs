#![no_std]
pub fn f(x: u32) -> u32 {
    let y = x + 1;
    let y = 5;
    let z = {
        let inner = 3;
        y * 2
    };
    z
}
