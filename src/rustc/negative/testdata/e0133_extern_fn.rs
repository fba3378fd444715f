#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

extern "C" {
    fn halt_cpu() -> !;
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    halt_cpu()
}
