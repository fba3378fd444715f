#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut w = vga_buffer::Writer::new(vga_buffer::Color::Yellow, vga_buffer::Color::Black);
    w.write_str("Hello");
    loop {}
}
