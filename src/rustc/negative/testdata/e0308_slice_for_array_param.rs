#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn checksum(bytes: [u8; 4]) -> u8 {
    bytes[0] ^ bytes[1] ^ bytes[2] ^ bytes[3]
}

static HELLO: &[u8] = b"Hello World!";

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let _ = checksum(HELLO);
    loop {}
}
