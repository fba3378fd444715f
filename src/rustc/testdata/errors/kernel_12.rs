#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

static HELLO: &[u8] = b"Hello World!";
struct Point { x: i32, y: i32 }
impl Point {
    fn new(x: i32, y: i32) -> Point {
        Point { x: x, y: y }
    }
    fn len(self) -> i32 { self.x * self.x + self.y * self.y
}
#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
