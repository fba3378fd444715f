#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let byte: u8 = b'a';
    let limit: u32 = 128;
    if byte < limit {
        loop {}
    }
    loop {}
}
