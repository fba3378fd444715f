#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct Pair(u8, u8);

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let Pair(a) = Pair(1, 2);
    loop {}
}
