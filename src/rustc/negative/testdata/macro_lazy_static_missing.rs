#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

lazy_static! {
    static ref COUNT: u32 = 0;
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
