#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut cell = 0u16;
    let r = &mut cell;
    r.write_volatile(0x0b48);
    loop {}
}
