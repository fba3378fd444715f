#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[repr(u8)]
struct Colour(u8);

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = Colour(1).0;
    loop {}
}
