#![no_std]
struct OnlyType { a: u8 }
struct Built { a: u8 }
#[repr(C)]
struct Cell { ascii: u8, color: u8 }
pub fn f() -> usize {
    let p = 0x1000 as *const OnlyType;
    p as usize
}
fn g() -> Built { Built { a: 1 } }
pub fn h(p: *mut Cell) {
    unsafe { p.write_volatile(Cell { ascii: b'a', color: 7 }) }
}
