#![no_std]
use core::panic::PanicInfo;
use core::ptr::{self, null, write_volatile};
use core::mem;
pub fn f(x: u32) -> u32 {
    let p = null::<u8>();
    if x >= 0 { 1 } else { 2 }
}
pub fn g() { while true { } }
pub fn h(x: u8) -> bool { x < 0 || x > 255 }
