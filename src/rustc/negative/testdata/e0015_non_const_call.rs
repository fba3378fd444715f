#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn default_colour() -> u8 {
    0xb
}

static COLOUR: u8 = default_colour();

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
