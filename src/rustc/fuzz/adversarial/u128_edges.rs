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

fn f(x: u128) -> u128 { x / 0xffff_ffff_ffff_ffff_ffff_ffff_ffff_fffd + (x % 7) * u128::MAX / 5 }
fn g() -> i128 { i128::MIN + (i128::MAX >> 127) }

