// No standard library (there is no operating system to provide one),
// and no `main`: the bootloader jumps straight to `_start`.
#![no_std]
#![no_main]

use core::panic::PanicInfo;

static HELLO: &[u8] = b"Hello World!";

// Keep the symbol name as written, so the linker finds the entry point.
#[no_mangle]
pub extern "C" fn _start() -> ! {
    // The VGA text buffer: 80x25 cells of (character byte, colour byte).
    let vga_buffer = 0xb8000 as *mut u8;

    for (i, &byte) in HELLO.iter().enumerate() {
        unsafe {
            *vga_buffer.offset(i as isize * 2) = byte;
            *vga_buffer.offset(i as isize * 2 + 1) = 0xb; // light cyan on black
        }
    }

    loop {}
}

// Called when something panics; there is nowhere to return to.
#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}
