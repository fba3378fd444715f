#![no_std]
#![no_main]
use core::fmt::Write;
use core::panic::PanicInfo;
struct Serial;
impl Write for Serial {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for b in s.bytes() { unsafe { core::ptr::write_volatile(0x3f8 as *mut u8, b) } }
        Ok(())
    }
}
#[panic_handler]
fn panic(info: &PanicInfo) -> ! {
    let _ = writeln!(Serial, "panicked: {}", info);
    if let Some(loc) = info.location() {
        let _ = write!(Serial, "at {}:{}", loc.file(), loc.line());
    }
    loop {}
}
#[no_mangle]
pub extern "C" fn _start() -> ! {
    let v = [1u8, 2, 3];
    let i = 7;
    let _ = v[i % 4];
    panic!("done");
}
