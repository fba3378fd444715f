#![no_std]
pub fn a(x: usize) -> u8 { match x { 0..=9 => 1, 10..=usize::MAX => 2 } }
pub fn c(x: isize) -> u8 { match x { isize::MIN..=-1 => 0, 0 => 1, 1..=isize::MAX => 2 } }
pub fn d(s: &str) -> u8 { match s { "a" => 1, "b" => 2 } }
pub fn e(x: &u8) -> u8 { match x { 0 => 1, &1 => 2 } }
pub fn f(x: u16) -> u8 { match x { 0..10 => 1, 10..=65535 => 2 } }
