// The post's Hello World loop, then the same text on serial, then an exit through port 0xf4.
#![no_std]
#![no_main]

static HELLO: &[u8] = b"Hello World!";

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga_buffer = 0xb8000 as *mut u8;

    for (i, &byte) in HELLO.iter().enumerate() {
        unsafe {
            *vga_buffer.offset(i as isize * 2) = byte;
            *vga_buffer.offset(i as isize * 2 + 1) = 0xb;
        }
    }
    for &byte in HELLO.iter() {
        serial_byte(byte);
    }
    serial_byte(b'\n');
    exit(EXIT_DONE)
}
