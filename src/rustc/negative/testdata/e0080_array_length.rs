#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

const WIDTH: usize = 80;
const USED: usize = 100;
static SPARE: [u8; WIDTH - USED] = [];

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
