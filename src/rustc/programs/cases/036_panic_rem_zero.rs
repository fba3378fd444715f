// Remainder by zero panics in debug and in release.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let a = black_box(-100i64);
    let z = black_box(0i64);
    show("remainder", a % z);
    put_str("after");
    nl();
    done()
}
