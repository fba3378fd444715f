#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn colour_name(c: u8) -> u8 {
    match c {
        0 => b'k',
        1 => "blue",
        _ => b'?',
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = colour_name(1);
    loop {}
}
