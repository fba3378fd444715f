// crate-type: bin
#![no_std]
#![no_main]
use core::panic::PanicInfo;
#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}
unsafe fn put(p: *mut u8, v: u8) { *p = v; }
fn put_safe(p: *mut u8, v: u8) { unsafe { put(p, v) } }
#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga = 0xb8000 as *mut u8;
    put(vga, b'X');
    put_safe(vga, b'Y');
    let p2 = vga.wrapping_add(2);
    if !p2.is_null() { put_safe(p2, b'Z'); }
    loop {}
}
