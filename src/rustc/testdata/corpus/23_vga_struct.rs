#![no_std]
#![no_main]
use core::panic::PanicInfo;
use core::ptr;
#[panic_handler]
fn panic(_: &PanicInfo) -> ! { loop {} }
struct Vga { base: *mut u16, col: usize }
impl Vga {
    fn put(&mut self, c: u8) {
        unsafe { ptr::write_volatile(self.base.add(self.col), 0x0f00 | c as u16) };
        self.col += 1;
    }
}
#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut v = Vga { base: 0xb8000 as *mut u16, col: 0 };
    for c in "Hi".bytes() { v.put(c); }
    loop {}
}
