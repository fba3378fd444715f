#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn spin(n: u32) -> u32 {
    spin(n + 1)
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let x: u8 = spin(0);
    loop {}
}
