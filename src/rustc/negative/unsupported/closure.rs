#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga = 0xb8000 as *mut u8;
    let put = |offset: isize, byte: u8| unsafe { *vga.offset(offset) = byte };
    put(0, b'H');
    loop {}
}
