#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn write_cell(offset: isize, byte: u8) {
    let vga = 0xb8000 as *mut u8;
    unsafe { *vga.offset(offset) = byte; }
}

fn write_cell(offset: isize) {
    let vga = 0xb8000 as *mut u8;
    unsafe { *vga.offset(offset) = b' '; }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
