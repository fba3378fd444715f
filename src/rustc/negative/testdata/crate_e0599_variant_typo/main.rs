#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

mod vga_buffer;

use vga_buffer::{Color, Writer};

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut w = Writer::new(Color::Yelow, Color::Black);
    w.write_str("Hello");
    loop {}
}
