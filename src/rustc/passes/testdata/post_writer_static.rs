// crate-type: bin
#![no_std]
#![no_main]
use core::panic::PanicInfo;
#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}
pub struct Writer { col: usize, color: u8, buf: *mut u8 }
impl Writer {
    pub fn write_byte(&mut self, b: u8) {
        unsafe {
            *self.buf.add(self.col * 2) = b;
            *self.buf.add(self.col * 2 + 1) = self.color;
        }
        self.col += 1;
    }
    pub fn write_str(&mut self, s: &str) {
        for b in s.bytes() { self.write_byte(b); }
    }
}
static mut WRITER: Writer = Writer { col: 0, color: 0x0b, buf: 0xb8000 as *mut u8 };
#[no_mangle]
pub extern "C" fn _start() -> ! {
    unsafe {
        WRITER.write_str("Hello");
        WRITER.col = 0;
    }
    loop {}
}
