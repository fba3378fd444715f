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
    let writers = [Writer { column: 0 }, Writer { column: 1 }];
    let first = writers[0];
    let _ = first.column;
    loop {}
}
