#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

const WIDTH: usize = 80;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let x = 5 as WIDTH;
    loop {}
}
