#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn bump(x: &mut u8) {
    *x += 1;
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut y = 5;
    bump(&y);
    loop {}
}
