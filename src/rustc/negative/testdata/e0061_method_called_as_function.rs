#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct Writer {
    column: usize,
}

impl Writer {
    fn write_byte(&mut self, byte: u8) {
        let vga = 0xb8000 as *mut u8;
        unsafe { *vga.offset(self.column as isize * 2) = byte; }
        self.column += 1;
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    Writer::write_byte(b'H');
    loop {}
}
