#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct Point {
    x: u8,
    y: u8,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let p = Point { x: 1, y: 2 };
    let Point { x } = p;
    loop {}
}
