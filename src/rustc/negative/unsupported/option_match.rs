#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn first_byte(s: &[u8]) -> Option<u8> {
    if s.len() > 0 { Some(s[0]) } else { None }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga = 0xb8000 as *mut u8;
    match first_byte(b"Hi") {
        Some(b) => unsafe { *vga = b },
        None => {}
    }
    loop {}
}
