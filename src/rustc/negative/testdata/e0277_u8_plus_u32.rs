#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let base: u8 = 0x30;
    let digit: u32 = 7;
    let ch = base + digit;
    let vga = 0xb8000 as *mut u8;
    unsafe { *vga = ch; }
    loop {}
}
