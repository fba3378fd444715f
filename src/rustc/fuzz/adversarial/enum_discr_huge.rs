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

#[repr(u128)]
enum E { A = 340282366920938463463374607431768211455, B = 0 }
fn f(e: E) -> u128 { e as u128 }
