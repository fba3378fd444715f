#![no_std]
pub fn f(x: u32) -> u32 {
    let y = (x + 1);
    if (y > 3) { return (y); }
    while (false) {}
    (y)
}
