#![no_std]
pub const A: &mut usize = &mut 0;
pub static B: &mut [u8; 2] = &mut [1, 2];
pub static mut C: &mut [u8; 2] = &mut [1, 2];
pub const D: &usize = &0;
