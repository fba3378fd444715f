#![no_std]
#![no_main]

#[panic_handler]
fn panic() -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
