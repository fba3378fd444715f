#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[derive(Clone, Copy)]
struct Position {
    row: usize,
    col: usize,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let a = Position { row: 1, col: 2 };
    let b = Position { row: 1, col: 2 };
    if a == b {
        loop {}
    }
    loop {}
}
