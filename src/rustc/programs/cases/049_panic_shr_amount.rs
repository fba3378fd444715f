// An i64 shifted right by 64: panics in debug (attempt to shift right with overflow); in release
// the amount is masked to 0 and the value comes back unchanged.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let v = black_box(-12345i64);
    show("shr_ok", v >> black_box(4u32));
    show("shr_64", v >> black_box(64u32));
    done()
}
