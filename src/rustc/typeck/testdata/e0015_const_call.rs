#![no_std]
fn width() -> usize { 80 }
const W: usize = width();
pub fn f() -> usize { W }
