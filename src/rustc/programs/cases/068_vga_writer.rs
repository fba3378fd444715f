// A tiny VGA writer struct, as the next post builds: colour codes from two enums, a column
// position, newline and scrolling by copying rows up, clearing the last row, writing through a
// raw pointer to 0xb8000 with volatile accesses. Every line scrolls the screen (the writer writes on the last row).
#![no_std]
#![no_main]

#[allow(dead_code)]
#[derive(Clone, Copy)]
#[repr(u8)]
enum Color {
    Black = 0,
    Blue = 1,
    Green = 2,
    Cyan = 3,
    Red = 4,
    Magenta = 5,
    Brown = 6,
    LightGray = 7,
    Yellow = 14,
    White = 15,
}

const BUFFER_HEIGHT: usize = 25;
const BUFFER_WIDTH: usize = 80;

struct Writer {
    column: usize,
    color: u8,
    buffer: *mut u16,
}

impl Writer {
    fn new(fg: Color, bg: Color) -> Writer {
        Writer { column: 0, color: (bg as u8) << 4 | fg as u8, buffer: 0xb8000 as *mut u16 }
    }

    fn set_color(&mut self, fg: Color, bg: Color) {
        self.color = (bg as u8) << 4 | fg as u8;
    }

    fn cell(&self, row: usize, col: usize) -> *mut u16 {
        unsafe { self.buffer.add(row * BUFFER_WIDTH + col) }
    }

    fn write_byte(&mut self, byte: u8) {
        match byte {
            b'\n' => self.new_line(),
            byte => {
                if self.column >= BUFFER_WIDTH {
                    self.new_line();
                }
                let value = (self.color as u16) << 8 | byte as u16;
                unsafe {
                    self.cell(BUFFER_HEIGHT - 1, self.column).write_volatile(value);
                }
                self.column += 1;
            }
        }
    }

    fn write_string(&mut self, s: &str) {
        for byte in s.bytes() {
            match byte {
                0x20..=0x7e | b'\n' => self.write_byte(byte),
                _ => self.write_byte(0xfe),
            }
        }
    }

    fn write_number(&mut self, n: u32) {
        if n >= 10 {
            self.write_number(n / 10);
        }
        self.write_byte(b'0' + (n % 10) as u8);
    }

    fn new_line(&mut self) {
        for row in 1..BUFFER_HEIGHT {
            for col in 0..BUFFER_WIDTH {
                unsafe {
                    let c = self.cell(row, col).read_volatile();
                    self.cell(row - 1, col).write_volatile(c);
                }
            }
        }
        self.clear_row(BUFFER_HEIGHT - 1);
        self.column = 0;
    }

    fn clear_row(&mut self, row: usize) {
        let blank = (self.color as u16) << 8 | b' ' as u16;
        for col in 0..BUFFER_WIDTH {
            unsafe {
                self.cell(row, col).write_volatile(blank);
            }
        }
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut w = Writer::new(Color::Yellow, Color::Black);
    w.write_string("Hello from the writer!\n");
    for i in 0..12 {
        if i % 3 == 0 {
            w.set_color(Color::White, Color::Blue);
        } else if i % 3 == 1 {
            w.set_color(Color::Green, Color::Black);
        } else {
            w.set_color(Color::LightGray, Color::Red);
        }
        w.write_string("line ");
        w.write_number(i);
        w.write_string(" Wörld\n");
    }
    w.write_string("a very long line that wraps around: ");
    for i in 0..60 {
        w.write_byte(b'a' + (i % 26) as u8);
    }
    for b in "writer done\n".bytes() {
        serial_byte(b);
    }
    exit(EXIT_DONE)
}
