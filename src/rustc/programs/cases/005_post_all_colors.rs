// Hello World! in each of the 16 foreground colours on each of 8 backgrounds: a colour chart.
#![no_std]
#![no_main]

static HELLO: &[u8] = b"Hello World!";

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga_buffer = 0xb8000 as *mut u8;
    let mut row: usize = 0;
    while row < 16 {
        let mut col: usize = 0;
        while col < 6 {
            let attr = ((col as u8) << 4) | row as u8;
            for (i, &byte) in HELLO.iter().enumerate() {
                let cell = row * 80 + col * 13 + i;
                unsafe {
                    *vga_buffer.add(cell * 2) = byte;
                    *vga_buffer.add(cell * 2 + 1) = attr;
                }
            }
            col += 1;
        }
        row += 1;
    }
    unsafe {
        VGA_ROW = 17;
    }
    put_str("16 x 6 colours");
    nl();
    done()
}
