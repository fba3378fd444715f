// pow overflowing u32: panics in debug (attempt to multiply with overflow), wraps in release.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let r = black_box(7u32).pow(black_box(20));
    showu("pow", r as u64);
    put_str("after");
    nl();
    done()
}
