// The post's Hello World with a learner's first change: every letter in its own colour, the
// pointer moved with `add` instead of `offset`, a second line below. Loops forever, as the post does.
// prelude: none
#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

static HELLO: &[u8] = b"Hello World!";
static SECOND: &[u8] = b"from Bootlab's kernel";

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga_buffer = 0xb8000 as *mut u8;

    for (i, &byte) in HELLO.iter().enumerate() {
        unsafe {
            *vga_buffer.add(i * 2) = byte;
            *vga_buffer.add(i * 2 + 1) = (i % 15 + 1) as u8;
        }
    }
    for (i, &byte) in SECOND.iter().enumerate() {
        unsafe {
            *vga_buffer.offset(160 + i as isize * 2) = byte;
            *vga_buffer.offset(160 + i as isize * 2 + 1) = 0x1e;
        }
    }

    loop {}
}
