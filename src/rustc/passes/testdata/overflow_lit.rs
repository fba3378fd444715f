#![no_std]
pub fn f() -> u8 {
    let a: u8 = 256;
    let b = 300u8;
    let c: i8 = 128;
    let d: i8 = -129;
    let e: i8 = -128;
    let g: u16 = 0x1_0000;
    a.wrapping_add(b).wrapping_add(c as u8).wrapping_add(d as u8).wrapping_add(e as u8).wrapping_add(g as u8)
}
