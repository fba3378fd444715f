#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

use std::mem::size_of;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let n = size_of::<u64>();
    loop {}
}
