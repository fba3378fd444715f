#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

mod vga_buffer;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut w = vga_buffer::Writer { column: 0, color: 0x0e };
    w.write_str("Hello");
    loop {}
}
