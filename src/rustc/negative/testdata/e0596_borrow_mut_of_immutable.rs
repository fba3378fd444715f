#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn clear(row: &mut [u8; 160]) {
    for b in row.iter_mut() {
        *b = 0;
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let line = [b' '; 160];
    clear(&mut line);
    loop {}
}
