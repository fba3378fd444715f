#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

trait Glyph {
    fn byte(&self) -> u8;
}

struct Letter(u8);

impl Glyph for Letter {
    fn byte(&self) -> u8 {
        self.0
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga = 0xb8000 as *mut u8;
    unsafe { *vga = Letter(b'H').byte(); }
    loop {}
}
