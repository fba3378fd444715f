#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

const PALETTE: [u8; 2] = [1, 2, 3];

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
