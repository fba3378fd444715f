pub struct Port<T> { port: u16, _p: core::marker::PhantomData<T> }
pub trait PortRead { unsafe fn read_from(port: u16) -> Self; }
impl PortRead for u8 {
    unsafe fn read_from(port: u16) -> u8 {
        let v: u8;
        core::arch::asm!("in al, dx", out("al") v, in("dx") port, options(nomem, nostack));
        v
    }
}
impl<T: PortRead> Port<T> {
    pub const fn new(port: u16) -> Port<T> { Port { port, _p: core::marker::PhantomData } }
    pub unsafe fn read(&mut self) -> T { T::read_from(self.port) }
}
