#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct ScreenChar {
    ascii_character: u8,
    color_code: u8,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let c = ScreenChar { ascii_character: 'H', color_code: 0xb };
    loop {}
}
