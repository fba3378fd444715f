#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

macro_rules! cell {
    ($offset:expr, $byte:expr) => {
        unsafe { *(0xb8000 as *mut u8).offset($offset) = $byte; }
    };
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    cell!(0, b'H');
    loop {}
}
