#![no_std]
pub struct Buffer { chars: [u8; 4000] }
pub struct Writer { col: usize, buffer: &'static mut Buffer }
pub static mut W: Writer = Writer { col: 0, buffer: unsafe { &mut *(0xb8000 as *mut Buffer) } };
