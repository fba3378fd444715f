#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[repr(u8)]
enum Color {
    Black = 0,
    Blue = 1,
    Green = 1,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = Color::Black as u8 + Color::Blue as u8 + Color::Green as u8;
    loop {}
}
