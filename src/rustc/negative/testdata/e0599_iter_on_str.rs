#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga_buffer = 0xb8000 as *mut u8;
    let s = "Hello";
    for (i, &byte) in s.iter().enumerate() {
        unsafe { *vga_buffer.offset(i as isize * 2) = byte; }
    }
    loop {}
}
