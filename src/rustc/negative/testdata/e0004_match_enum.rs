#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[derive(Clone, Copy)]
#[repr(u8)]
enum Color {
    Black = 0,
    Blue = 1,
    Green = 2,
}

fn letter(c: Color) -> u8 {
    match c {
        Color::Black => b'k',
        Color::Blue => b'b',
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = letter(Color::Green);
    loop {}
}
