#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct Cursor {
    row: usize,
    col: usize,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let c = Cursor;
    loop {}
}
