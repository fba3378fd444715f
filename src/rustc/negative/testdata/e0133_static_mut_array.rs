#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

static mut BUFFER: [u8; 4] = [0; 4];

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let first = BUFFER[0];
    loop {}
}
