#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn attribute(fg: u8, bg: u8) -> u8 {
    (bg << 4) | fg;
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga = 0xb8000 as *mut u8;
    unsafe { *vga.offset(1) = attribute(0xb, 0); }
    loop {}
}
