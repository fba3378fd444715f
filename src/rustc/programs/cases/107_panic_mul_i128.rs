// i128 multiplication overflow: panics in debug (the overflow check of a 128-bit multiply),
// wraps in release; the 128-bit products before it fit.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let a = black_box(-(1i128 << 62));
    let ok = a * black_box(1i128 << 64);
    put_i128(ok);
    nl();
    let big = black_box(i128::MAX / 3);
    let over = big * black_box(4);
    put_i128(over);
    nl();
    done()
}
