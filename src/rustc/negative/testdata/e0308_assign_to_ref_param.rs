#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn reset(column: &mut usize) {
    column = 0;
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut c = 5;
    reset(&mut c);
    loop {}
}
