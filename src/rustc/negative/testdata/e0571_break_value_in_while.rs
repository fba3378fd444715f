#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut i = 0u32;
    let found = while i < 10 {
        i += 1;
        break i;
    };
    loop {}
}
