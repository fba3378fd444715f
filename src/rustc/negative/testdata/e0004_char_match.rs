#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn kind(c: char) -> u8 {
    match c {
        'a'..='z' => 1,
        'A'..='Z' => 2,
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = kind('x');
    loop {}
}
