#![no_std]
#![no_main]
use core::panic::PanicInfo;

#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Color {
    Black = 0,
    Blue = 1,
    Green = 2,
    Cyan = 3,
    Red = 4,
    LightCyan = 11,
    White = 15,
}

#[derive(Clone, Copy)]
#[repr(transparent)]
struct ColorCode(u8);

impl ColorCode {
    const fn new(foreground: Color, background: Color) -> ColorCode {
        ColorCode((background as u8) << 4 | (foreground as u8))
    }
}

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let code = ColorCode::new(Color::LightCyan, Color::Black);
    let vga = 0xb8000 as *mut u8;
    unsafe {
        vga.write_volatile(b'A');
        vga.add(1).write_volatile(code.0);
    }
    loop {}
}
