#[allow(dead_code)]
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum Color {
    Black = 0,
    Blue = 1,
    LightCyan = 11,
    Yellow = 14,
    White = 15,
}

pub struct Writer {
    column: usize,
    color: u8,
}

impl Writer {
    pub fn new(fg: Color, bg: Color) -> Writer {
        Writer { column: 0, color: (bg as u8) << 4 | (fg as u8) }
    }

    pub fn write_byte(&mut self, byte: u8) {
        let vga = 0xb8000 as *mut u8;
        unsafe {
            *vga.offset(self.column as isize * 2) = byte;
            *vga.offset(self.column as isize * 2 + 1) = self.color;
        }
        self.column += 1;
    }

    pub fn write_str(&mut self, s: &str) {
        for byte in s.bytes() {
            self.write_byte(byte);
        }
    }
}

fn print_something() {
    let mut w = Writer::new(Color::Yellow, Color::Black);
    w.write_str("Hello");
}
