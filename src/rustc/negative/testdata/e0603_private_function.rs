#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

mod vga {
    fn put(offset: isize, byte: u8) {
        let vga = 0xb8000 as *mut u8;
        unsafe { *vga.offset(offset) = byte; }
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    vga::put(0, b'H');
    loop {}
}
