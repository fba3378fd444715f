// A no_std kernel whose 128-bit arithmetic calls into compiler_builtins (__udivti3, __umodti3)
// and whose formatting tables land in merged read-only data: prints two numbers in yellow.
#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

static DIGITS: &[u8; 16] = b"0123456789abcdef";

fn show(row: usize, mut value: u128, base: u128) {
    let mut text = [0u8; 40];
    let mut len = 0;
    loop {
        text[len] = DIGITS[(value % base) as usize];
        value /= base;
        len += 1;
        if value == 0 {
            break;
        }
    }
    let vga = 0xb8000 as *mut u8;
    for i in 0..len {
        unsafe {
            vga.add((row * 80 + i) * 2).write_volatile(text[len - 1 - i]);
            vga.add((row * 80 + i) * 2 + 1).write_volatile(0x0e);
        }
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let a = core::hint::black_box(0xfeed_f00d_u64) as u128;
    show(0, a * a * 12345, 10);
    show(1, u128::MAX / core::hint::black_box(3), 16);
    loop {}
}
