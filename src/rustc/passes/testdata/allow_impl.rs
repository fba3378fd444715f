#![no_std]
pub struct Port { n: u16 }
#[allow(dead_code)]
impl Port {
    fn read(&self) -> u8 { 0 }
    fn write(&self, _v: u8) {}
}
impl Port {
    pub fn new(n: u16) -> Port { Port { n } }
    fn unused(&self) -> u16 { self.n }
}
