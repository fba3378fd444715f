// A no_std kernel that formats with core::fmt (write! into a VGA writer, Debug output, a
// panic message): it pulls much of libcore in, with many merged strings, GOT loads and .eh_frame
// records. At opt-level 0 libcore then needs memcpy/memset, which nothing defines: the error of
// the post when compiler_builtins's mem feature is off.
#![no_std]
#![no_main]
use core::fmt::Write;
use core::panic::PanicInfo;
struct Vga { pos: usize }
impl Write for Vga {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for b in s.bytes() { unsafe { (0xb8000 as *mut u8).add(self.pos * 2).write_volatile(b); (0xb8000 as *mut u8).add(self.pos * 2 + 1).write_volatile(0x0a); } self.pos += 1; }
        Ok(())
    }
}
#[derive(Debug)] struct Point { x: i32, y: i64, name: &'static str }
#[panic_handler] fn panic(info: &PanicInfo) -> ! { let mut v = Vga { pos: 800 }; let _ = write!(v, "{}", info); loop {} }
#[no_mangle] pub extern "C" fn _start() -> ! {
    let mut v = Vga { pos: 0 };
    let p = Point { x: -3, y: core::hint::black_box(1234567890123), name: "origin" };
    let _ = write!(v, "Hello {} {:?} {:#x} {:>8.3}", 42u128 * core::hint::black_box(7), p, 0xdeadu32, 3u8);
    let arr = [1u16, 2, 3];
    let i = core::hint::black_box(5);
    if i < 10 { let _ = write!(v, "{:?}", arr.get(i)); }
    loop {}
}
