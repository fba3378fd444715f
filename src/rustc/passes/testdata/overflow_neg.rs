#![no_std]
pub fn f() -> i8 {
    let x: i8 = -128;
    let y = 127i8;
    let z: u8 = 255;
    let w: i16 = -32768;
    x.wrapping_add(y).wrapping_add(z as i8).wrapping_add(w as i8)
}
