// i32::MIN.abs() overflows: panics in debug (attempt to negate with overflow), gives MIN back in release.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    show("abs_ok", black_box(-5i32).abs() as i64);
    show("abs_min", black_box(i32::MIN).abs() as i64);
    done()
}
