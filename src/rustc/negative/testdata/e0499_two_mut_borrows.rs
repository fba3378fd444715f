#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut row = [0u8; 8];
    let a = &mut row;
    let b = &mut row;
    a[0] = 1;
    b[0] = 2;
    loop {}
}
