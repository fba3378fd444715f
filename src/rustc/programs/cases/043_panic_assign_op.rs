// A += in a loop overflows an i16: panics in debug, wraps in release and keeps going.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let mut total = black_box(0i16);
    let mut i = 0;
    while i < 300 {
        total += black_box(200);
        i += 1;
    }
    show("total", total as i64);
    put_str("after");
    nl();
    done()
}
