// i64 multiplication overflow: panics in debug, wraps in release.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let a = black_box(i64::MAX / 2 + 7);
    let c = a * black_box(2);
    show("product", c);
    put_str("after");
    nl();
    done()
}
