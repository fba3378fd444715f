#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

const ROWS: u8 = 25;
const CELLS: u8 = ROWS * 80;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = CELLS;
    loop {}
}
