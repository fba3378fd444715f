#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

fn cell_offset(col: usize) -> isize {
    col * 2
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga = 0xb8000 as *mut u8;
    unsafe { *vga.offset(cell_offset(3)) = b'x'; }
    loop {}
}
