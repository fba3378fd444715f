#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct Line {
    chars: [u8; 80],
    next: Line,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
