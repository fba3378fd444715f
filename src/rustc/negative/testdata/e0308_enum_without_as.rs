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
    LightCyan = 11,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let color: u8 = Color::LightCyan;
    loop {}
}
