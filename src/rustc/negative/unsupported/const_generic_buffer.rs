#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct Line<const N: usize> {
    chars: [u8; N],
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let l = Line::<80> { chars: [b' '; 80] };
    let vga = 0xb8000 as *mut u8;
    unsafe { *vga = l.chars[0]; }
    loop {}
}
