// crate-type: bin
#![no_std]
#![no_main]
use core::panic::PanicInfo;
#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}
#[allow(dead_code)]
#[derive(Clone, Copy)]
#[repr(u8)]
enum Color { Black = 0, Blue = 1, Green = 2, Cyan = 3, Red = 4, LightCyan = 11, White = 15 }
#[derive(Clone, Copy)]
#[repr(u8)]
enum Shade { Light, Dark }
fn code(fg: Color, bg: Color) -> u8 { (bg as u8) << 4 | (fg as u8) }
#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga = 0xb8000 as *mut u8;
    let attr = code(Color::LightCyan, Color::Black);
    let shade = Shade::Light;
    unsafe {
        *vga = b'H';
        *vga.add(1) = attr;
    }
    match shade {
        Shade::Light => {}
        Shade::Dark => {}
    }
    loop {}
}
