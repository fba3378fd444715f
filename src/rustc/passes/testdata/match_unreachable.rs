#![no_std]
pub fn s(x: u8) -> u8 { match x { 0..=255 => 1, 7 => 2 } }
pub fn t(x: u8) -> u8 { match x { 1 => 1, 1 => 2, _ => 3 } }
pub fn u(x: bool) -> u8 { match x { true => 1, false => 0, _ => 2 } }
