#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let a = [1, 2, 3];
    let b: [u8; 3] = a;
    let c: [u32; 3] = a;
    loop {}
}
