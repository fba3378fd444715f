// Shifting a u32 by 32 or more: panics in debug (attempt to shift left with overflow), masks the amount in release.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let a = black_box(1u32);
    let n = black_box(33u32);
    showu("shl", (a << n) as u64);
    put_str("after");
    nl();
    done()
}
