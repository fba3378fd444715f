#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn cell(row: u8, col: u8) -> u8 {
    match (row, col) {
        (0, _) => 1,
        (_, 0) => 2,
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = cell(1, 1);
    loop {}
}
