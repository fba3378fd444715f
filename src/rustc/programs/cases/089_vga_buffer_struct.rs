// The next post's approach to the VGA buffer: a #[repr(C)] ScreenChar of ascii byte and colour,
// a Buffer of 25 rows of 80 of them, and a &mut Buffer made from the address 0xb8000; rows are
// written with volatile stores through pointers to the cells.
#![no_std]
#![no_main]

#[derive(Clone, Copy)]
#[repr(C)]
struct ScreenChar {
    ascii: u8,
    color: u8,
}

const HEIGHT: usize = 25;
const WIDTH: usize = 80;

#[repr(C)]
struct Buffer {
    chars: [[ScreenChar; WIDTH]; HEIGHT],
}

fn buffer() -> &'static mut Buffer {
    unsafe { &mut *(0xb8000 as *mut Buffer) }
}

fn write_at(buf: &mut Buffer, row: usize, col: usize, text: &[u8], color: u8) {
    for (i, &b) in text.iter().enumerate() {
        let cell = &mut buf.chars[row][col + i] as *mut ScreenChar;
        unsafe {
            cell.write_volatile(ScreenChar { ascii: b, color });
        }
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let buf = buffer();
    write_at(buf, 10, 30, b"Hello World!", 0x0b);
    write_at(buf, 12, 28, b"from a &mut Buffer", 0x1e);
    for col in 0..WIDTH {
        let cell = &mut buf.chars[HEIGHT - 1][col] as *mut ScreenChar;
        unsafe {
            cell.write_volatile(ScreenChar { ascii: b'=', color: (col % 16) as u8 });
        }
    }
    let mut letters: u32 = 0;
    for row in buf.chars.iter() {
        for c in row.iter() {
            if c.ascii.is_ascii_alphabetic() {
                letters += 1;
            }
        }
    }
    for b in "letters on screen: ".bytes() {
        serial_byte(b);
    }
    let mut digits = [0u8; 10];
    let mut n = 0;
    let mut v = letters;
    loop {
        digits[n] = b'0' + (v % 10) as u8;
        n += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    while n > 0 {
        n -= 1;
        serial_byte(digits[n]);
    }
    serial_byte(b'\n');
    exit(EXIT_DONE)
}
