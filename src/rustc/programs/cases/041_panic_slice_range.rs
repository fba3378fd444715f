// Slicing past the end (&a[2..9] of 8 elements) panics in both builds.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let data = [1u8, 2, 3, 4, 5, 6, 7, 8];
    let end = black_box(9usize);
    let part = &data[2..end];
    showu("len", part.len() as u64);
    put_str("after");
    nl();
    done()
}
