#![no_std]
pub struct Port { addr: u16 }
impl Port {
    pub unsafe fn read(&self) -> u8 { self.addr as u8 }
    pub fn read_safe(&self) -> u8 { unsafe { self.read() } }
    pub fn bad(&self) -> u8 { self.read() + Port::read(self) }
}
extern "C" { static MARKER: u8; }
pub fn marker_addr() -> *const u8 { &raw const MARKER }
pub fn call(f: unsafe fn(u8) -> u8, x: u8) -> u8 { f(x) }
pub fn call_ok(f: unsafe fn(u8) -> u8, x: u8) -> u8 { unsafe { f(x) } }
