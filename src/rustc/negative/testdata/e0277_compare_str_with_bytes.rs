#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let s = "Hi";
    let b: &[u8] = b"Hi";
    if s == b {
        loop {}
    }
    loop {}
}
