#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

mod vga {
    #[allow(dead_code)]
    #[derive(Clone, Copy)]
    pub enum Color {
        Black = 0,
        Blue = 1,
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let c = Color::Blue as u8;
    loop {}
}
