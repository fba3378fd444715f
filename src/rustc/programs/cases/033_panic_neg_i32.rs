// Negating i32::MIN: panics in debug (attempt to negate with overflow), stays MIN in release.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let a = black_box(i32::MIN);
    let c = -a;
    show("neg", c as i64);
    put_str("after");
    nl();
    done()
}
