#![no_std]
use core::ptr;
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Color { Black = 0, Blue = 1, Green = 2, LightCyan = 11 }
#[derive(Clone, Copy)]
struct ColorCode(u8);
impl ColorCode {
    const fn new(fg: Color, bg: Color) -> ColorCode { ColorCode((bg as u8) << 4 | (fg as u8)) }
}
struct Writer { col: usize, code: ColorCode, buf: *mut u8 }
impl Writer {
    fn write_byte(&mut self, b: u8) {
        match b {
            b'\n' => self.col = 0,
            0x20..=0x7e => {
                unsafe {
                    ptr::write_volatile(self.buf.add(self.col * 2), b);
                    ptr::write_volatile(self.buf.add(self.col * 2 + 1), self.code.0);
                }
                self.col += 1;
            }
            _ => self.write_byte(0xfe),
        }
    }
    fn write_str(&mut self, s: &str) {
        for b in s.bytes() { self.write_byte(b); }
    }
}
static mut COUNTER: u32 = 0;
const GREETING: &str = "Hi";
pub fn run() -> u32 {
    let mut w = Writer { col: 0, code: ColorCode::new(Color::LightCyan, Color::Black), buf: 0xb8000 as *mut u8 };
    w.write_str(GREETING);
    let arr = [1u32, 2, 3, 4];
    let mut sum = 0;
    for (i, x) in arr.iter().enumerate().rev() { sum += *x * i as u32; }
    let mut k = 10;
    let r = 'outer: loop {
        while k > 0 { k -= 1; if k == 3 { break 'outer k * 2; } }
        break 0;
    };
    if let Color::Black = Color::Blue { sum += 1; }
    let t = (1u8, true);
    let (a, _) = t;
    unsafe { COUNTER += 1; }
    let s = &arr[1..3];
    sum + r + a as u32 + s.len() as u32 + unsafe { COUNTER }
}
