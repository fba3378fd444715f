#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}

const X: u128 = 1u128 << 127;
const Y: i128 = -170141183460469231731687303715884105728;
const Z: i128 = Y / -1;
