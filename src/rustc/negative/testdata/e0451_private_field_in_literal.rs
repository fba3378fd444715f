#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

mod vga {
    pub struct Writer {
        column: usize,
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let w = vga::Writer { column: 0 };
    loop {}
}
