#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let ratio: f64 = 80.0 / 25.0;
    let vga = 0xb8000 as *mut u8;
    unsafe { *vga = b'0' + ratio as u8; }
    loop {}
}
