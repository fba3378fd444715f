#![no_std]
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Color { Black = 0, Blue = 1, Green = 2, White = 15 }
pub struct Writer { col: usize, row: usize, color: u8, buf: [u8; 160] }
impl Writer {
    pub fn new(fg: Color, bg: Color) -> Writer {
        Writer { col: 0, row: 0, color: (bg as u8) << 4 | (fg as u8), buf: [0; 160] }
    }
    pub fn write_byte(&mut self, b: u8) {
        match b {
            b'\n' => self.new_line(),
            byte => {
                if self.col >= 80 { self.new_line(); }
                let i = self.col * 2;
                self.buf[i] = byte;
                self.buf[i + 1] = self.color;
                self.col += 1;
            }
        }
    }
    fn new_line(&mut self) { self.row += 1; self.col = 0; }
    pub fn write_str(&mut self, s: &str) {
        for b in s.bytes() {
            match b {
                0x20..=0x7e | b'\n' => self.write_byte(b),
                _ => self.write_byte(0xfe),
            }
        }
    }
    pub fn row(&self) -> usize { self.row }
}
pub fn colors() -> [Color; 3] { [Color::Blue, Color::Green, Color::White] }
pub fn black() -> Color { Color::Black }
