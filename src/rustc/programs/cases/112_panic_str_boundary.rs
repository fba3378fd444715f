// Slicing a &str inside a multi-byte character panics in both builds (byte index is not a
// char boundary); slices on boundaries before it work.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let s = "añb";
    put_str(&s[..black_box(1)]);
    nl();
    put_str(&s[black_box(1)..black_box(3)]);
    nl();
    put_str(&s[black_box(2)..]);
    nl();
    done()
}
