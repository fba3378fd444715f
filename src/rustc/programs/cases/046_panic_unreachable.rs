// unreachable!() reached through a match on a value the program did not expect.
#![no_std]
#![no_main]

use core::hint::black_box;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("before");
    nl();
    let v = black_box(7u8);
    let name = match v {
        0 => "zero",
        1..=5 => "small",
        _ => unreachable!(),
    };
    put_str(name);
    nl();
    put_str("after");
    nl();
    done()
}
