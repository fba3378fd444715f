// u32 subtraction below zero: panics in debug, wraps in release.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let a = black_box(3u32);
    let c = a - black_box(4);
    showu("diff", c as u64);
    put_str("after");
    nl();
    done()
}
