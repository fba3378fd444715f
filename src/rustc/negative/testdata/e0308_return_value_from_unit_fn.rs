#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn colour() {
    return 0xb;
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    colour();
    loop {}
}
