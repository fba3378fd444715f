#![no_std]
pub fn BadName() {}
pub struct bad_struct;
pub static lower: u8 = 1;
pub const small: u8 = 2;
pub enum color { red, Green }
pub fn f(MyArg: u8) -> u8 { let Total = MyArg; Total }
