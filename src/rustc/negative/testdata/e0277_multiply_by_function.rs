#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn columns() -> usize {
    80
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let cells = 25 * columns;
    loop {}
}
