#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

static COUNT: u32 = COUNT + 1;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
