#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[derive(Clone, Copy)]
enum Mode {
    Text,
    Graphics,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let m = Mode::Graphics;
    let Mode::Text = m;
    loop {}
}
