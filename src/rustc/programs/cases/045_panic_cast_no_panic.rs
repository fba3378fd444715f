// Casts never panic, even when they truncate: both builds print all and exit normally.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let v = black_box(-1i64);
    showu("u8", v as u8 as u64);
    showu("u16", v as u16 as u64);
    let w = black_box(300u32);
    showu("w", w as u8 as u64);
    put_str("after");
    nl();
    done()
}
