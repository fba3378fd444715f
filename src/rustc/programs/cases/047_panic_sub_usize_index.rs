// An index computed as 0usize - 1: the subtraction panics in debug; in release the huge index fails the bounds check.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let arr = [5u8; 4];
    let i = black_box(0usize);
    showu("value", arr[i - 1] as u64);
    put_str("after");
    nl();
    done()
}
