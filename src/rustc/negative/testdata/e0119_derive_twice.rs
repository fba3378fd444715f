#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[derive(Clone, Copy)]
#[derive(Clone, Copy)]
struct Meters(u32);

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = Meters(3).0;
    loop {}
}
