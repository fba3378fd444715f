// crate-type: bin
#![no_std]
#![no_main]
use core::panic::PanicInfo;
#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}
fn helper() {}
pub fn public_but_bin() {}
#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
