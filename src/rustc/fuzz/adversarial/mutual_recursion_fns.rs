#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}

fn a(n: u32) -> u32 { if n == 0 { 0 } else { b(n - 1) } }
fn b(n: u32) -> u32 { a(n) }
