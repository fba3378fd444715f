#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct Writer {
    column: usize,
}

fn finish(w: Writer) -> usize {
    w.column
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let w = Writer { column: 3 };
    let a = finish(w);
    let b = finish(w);
    loop {}
}
