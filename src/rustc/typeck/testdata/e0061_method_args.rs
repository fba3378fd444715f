#![no_std]
struct W { col: usize }
impl W { fn write_byte(&mut self, b: u8) { self.col += b as usize; } }
pub fn f(w: &mut W) {
    w.write_byte();
}
