#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn hex_digit(n: u8) -> u8 {
    match n {
        0..=9 => b'0' + n,
        10..=15 => b'a' + n - 10,
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = hex_digit(12);
    loop {}
}
