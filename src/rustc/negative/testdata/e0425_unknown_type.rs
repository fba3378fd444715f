#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct ScreenChar {
    ascii: u8,
    colour: Colour,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
