#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn attribute(bright: bool) -> u8 {
    match bright {
        true => 0xf,
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = attribute(false);
    loop {}
}
