#![no_std]
fn helper() -> u8 { 1 }
fn used() -> u8 { 2 }
pub fn api() -> u8 { used() }
static S: u8 = 1;
const C: u8 = 2;
