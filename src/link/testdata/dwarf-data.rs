// Statics for the message tests with debug info: POINTER refers to a static nothing defines,
// and linking this object twice defines everything twice. rust-lld names these places by the
// statics' declaration lines from .debug_info.
#![no_std]
extern "C" { static MISSING: u32; }
pub struct P(pub *const u32);
unsafe impl Sync for P {}
#[no_mangle] pub static POINTER: P = P(unsafe { core::ptr::addr_of!(MISSING) });
#[no_mangle] pub static mut COUNTER: u32 = 1;
#[no_mangle] pub extern "C" fn _start() -> ! { loop {} }
