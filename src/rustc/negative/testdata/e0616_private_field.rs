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

    pub fn writer() -> Writer {
        Writer { column: 0 }
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let w = vga::writer();
    let _ = w.column;
    loop {}
}
