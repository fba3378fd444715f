#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn fill(v: &mut Vec<u8>) {
    v.push(1);
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
