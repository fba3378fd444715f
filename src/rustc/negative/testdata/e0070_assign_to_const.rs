#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

const COLUMNS: usize = 80;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    COLUMNS = 40;
    loop {}
}
