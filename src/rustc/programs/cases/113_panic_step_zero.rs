// step_by(0) panics in both builds (assertion failed: step != 0), after a valid step_by.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut total = 0;
    for i in (0..10).step_by(black_box(3)) {
        total += i;
    }
    showu("total", total as u64);
    for i in (0..10).step_by(black_box(0)) {
        total += i;
    }
    showu("never", total as u64);
    done()
}
