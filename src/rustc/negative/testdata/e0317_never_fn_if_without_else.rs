#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn halt(code: u8) -> ! {
    if code > 0 {
        loop {}
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    halt(1)
}
