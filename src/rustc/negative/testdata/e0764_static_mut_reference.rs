#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

static CURSOR: &mut usize = &mut 0;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
