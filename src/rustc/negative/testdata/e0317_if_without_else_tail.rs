#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn colour(bright: bool) -> u8 {
    if bright {
        0xf
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = colour(true);
    loop {}
}
