#![no_std]
pub fn f(n: u8) -> u8 {
    let v = match n {
        0 => 1u8,
        _ => 'x',
    };
    v
}
