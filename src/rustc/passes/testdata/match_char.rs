#![no_std]
pub fn t(c: char) -> u8 { match c { 'a' => 1 } }
pub fn u(c: char) -> u8 { match c { 'a'..='z' => 1, 'A'..='Z' => 2 } }
