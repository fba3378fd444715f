#![no_std]
pub fn f(byte: u8) {
    let vga_buffer = 0xb8000 as *mut u8;
    unsafe { *vga_buffer = byte as u32; }
}
