// Indexing an array past its end panics in both builds (index out of bounds).
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let table = [10u32, 20, 30, 40];
    let mut i = black_box(0usize);
    while i < 6 {
        showu("entry", table[i] as u64);
        i += 1;
    }
    put_str("after");
    nl();
    done()
}
