#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn main() {
    let vga = 0xb8000 as *mut u8;
    unsafe { *vga = b'H'; }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    main()
}
