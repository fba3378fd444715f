// panic! with a message, after assert! that holds: both builds panic.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let x = black_box(5u32);
    assert!(x == 5);
    assert!(x < 10, "x is small");
    show("x", x as i64);
    if black_box(true) {
        panic!("stop here");
    }
    put_str("after");
    nl();
    done()
}
