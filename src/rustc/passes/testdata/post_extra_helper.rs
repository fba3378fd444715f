// crate-type: bin
#![no_std]
#![no_main]
use core::panic::PanicInfo;
#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}
static HELLO: &[u8] = b"Hello World!";
fn print_at(buf: *mut u8, row: usize, text: &[u8], color: u8) {
    for (i, &byte) in text.iter().enumerate() {
        unsafe {
            *buf.add(row * 160 + i * 2) = byte;
            *buf.add(row * 160 + i * 2 + 1) = color;
        }
    }
}
fn clear(buf: *mut u8) {
    for i in 0..(80 * 25) {
        unsafe { *buf.add(i * 2) = b' '; }
    }
}
#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga_buffer = 0xb8000 as *mut u8;
    let mut row = 0;
    print_at(vga_buffer, row, HELLO, 0xb);
    loop {}
}
