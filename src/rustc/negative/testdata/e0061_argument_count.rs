#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn write_at(col: isize, byte: u8, colour: u8) {
    let vga = 0xb8000 as *mut u8;
    unsafe {
        *vga.offset(col * 2) = byte;
        *vga.offset(col * 2 + 1) = colour;
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    write_at(0, b'H');
    loop {}
}
