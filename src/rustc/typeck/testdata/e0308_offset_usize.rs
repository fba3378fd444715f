#![no_std]
static HELLO: &[u8] = b"Hello World!";
pub fn f() {
    let vga_buffer = 0xb8000 as *mut u8;
    for (i, &byte) in HELLO.iter().enumerate() {
        unsafe { *vga_buffer.offset(i * 2) = byte; }
    }
}
