#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn outb(port: u16, value: u8);

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
