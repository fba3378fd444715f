#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

unsafe fn put(offset: isize, byte: u8) {
    let vga = 0xb8000 as *mut u8;
    *vga.offset(offset) = byte;
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put(0, b'H');
    loop {}
}
