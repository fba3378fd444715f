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

impl Writer {
    fn new() -> Writer {
        Writer { column: 0 }
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let w = Writer::new();
    let v = w.new();
    loop {}
}
