// u8 addition past MAX: panics in debug (attempt to add with overflow), wraps to 4 in release.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let a = black_box(250u8);
    let b = black_box(10u8);
    let c = a + b;
    show("sum", c as i64);
    put_str("after");
    nl();
    done()
}
