#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn digit(b: u8) -> Result<u8, ()> {
    if b.is_ascii_digit() { Ok(b - b'0') } else { Err(()) }
}

fn sum(a: u8, b: u8) -> Result<u8, ()> {
    Ok(digit(a)? + digit(b)?)
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = sum(b'1', b'2');
    loop {}
}
