#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[allow(dead_code)]
#[repr(u8)]
enum ScanCode {
    Escape = 0x01,
    Release = 0xff,
    AfterRelease,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
