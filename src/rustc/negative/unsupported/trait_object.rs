#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

trait Screen {
    fn put(&mut self, byte: u8);
}

struct Vga {
    col: isize,
}

impl Screen for Vga {
    fn put(&mut self, byte: u8) {
        let vga = 0xb8000 as *mut u8;
        unsafe { *vga.offset(self.col * 2) = byte; }
        self.col += 1;
    }
}

fn hello(s: &mut dyn Screen) {
    s.put(b'H');
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut v = Vga { col: 0 };
    hello(&mut v);
    loop {}
}
