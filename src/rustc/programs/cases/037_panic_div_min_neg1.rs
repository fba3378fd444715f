// i8::MIN / -1 overflows: a panic in debug and in release (attempt to divide with overflow).
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let a = black_box(i8::MIN);
    let m = black_box(-1i8);
    show("quotient", (a / m) as i64);
    put_str("after");
    nl();
    done()
}
