#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[derive(Copy)]
struct Cell {
    byte: u8,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = Cell { byte: 0 }.byte;
    loop {}
}
