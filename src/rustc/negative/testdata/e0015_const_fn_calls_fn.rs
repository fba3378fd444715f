#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn width() -> usize {
    80
}

const fn cells(rows: usize) -> usize {
    rows * width()
}

static CELLS: usize = cells(25);

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
