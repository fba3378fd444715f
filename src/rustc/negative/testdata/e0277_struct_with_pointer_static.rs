#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct Writer {
    column: usize,
    buffer: *mut u8,
}

static WRITER: Writer = Writer { column: 0, buffer: 0xb8000 as *mut u8 };

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = WRITER.column;
    loop {}
}
