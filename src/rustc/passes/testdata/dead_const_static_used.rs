#![no_std]
const WIDTH: usize = 80;
const HEIGHT: usize = 25;
static mut BUF: [u8; 4] = [0; 4];
static UNREAD: u8 = 0;
pub fn area() -> usize { WIDTH * 2 }
