#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[allow(dead_code)]
#[derive(Clone, Copy)]
#[repr(u8)]
enum Color {
    Black = 0,
    Blue = 1,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let c = Color::Blue;
    let n = c.to_u8();
    loop {}
}
