#![no_std]
#![no_main]
#![feature(never_type)]
use core::panic::PanicInfo;
static mut TICKS: u64 = 0;
const COLORS: [u8; 3] = [0x0a, 0x0b, 0x0c];
#[derive(Clone, Copy)]
#[repr(u8)]
enum Level { Low = 1, High = 2 }
struct Counter { n: u32 }
impl Counter {
    fn tick(&mut self) -> u32 { self.n = self.n.wrapping_add(1); self.n }
}
#[panic_handler]
fn panic(_info: &PanicInfo) -> ! { loop {} }
#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga = 0xb8000 as *mut u8;
    let mut c = Counter { n: 0 };
    let msg: &[u8] = b"Kernel";
    for (i, &b) in msg.iter().enumerate() {
        let color = COLORS[i % COLORS.len()];
        unsafe {
            *vga.offset(i as isize * 2) = b;
            *vga.offset(i as isize * 2 + 1) = color;
            TICKS += c.tick() as u64;
        }
    }
    let lvl = if unsafe { TICKS } > 3 { Level::High } else { Level::Low };
    let _n = match lvl { Level::Low => 1u8, Level::High => 2 };
    loop {}
}
