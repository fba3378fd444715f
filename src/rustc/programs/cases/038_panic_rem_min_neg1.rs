// i64::MIN % -1 overflows: a panic in debug and in release (attempt to calculate the remainder with overflow).
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let a = black_box(i64::MIN);
    let m = black_box(-1i64);
    show("remainder", a % m);
    put_str("after");
    nl();
    done()
}
