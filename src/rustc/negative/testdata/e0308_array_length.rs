#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

static PALETTE: [u8; 4] = [0x0, 0x1, 0x2];

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga = 0xb8000 as *mut u8;
    unsafe { *vga.offset(1) = PALETTE[0]; }
    loop {}
}
