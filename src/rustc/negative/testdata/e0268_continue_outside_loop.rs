#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn skip_spaces(b: u8) -> u8 {
    if b == b' ' {
        continue;
    }
    b
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = skip_spaces(b'x');
    loop {}
}
