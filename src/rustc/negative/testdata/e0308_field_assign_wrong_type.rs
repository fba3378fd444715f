#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct Writer {
    column: usize,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut w = Writer { column: 0 };
    w.column = -1i32;
    loop {}
}
