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
    fn column(&self) -> usize {
        self.column
    }

    fn column(&self) -> usize {
        self.column + 1
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
