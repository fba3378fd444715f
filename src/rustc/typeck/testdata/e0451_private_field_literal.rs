#![no_std]
mod vga {
    pub struct Writer { col: usize, pub row: usize }
}
pub fn f() -> usize {
    let x = vga::Writer { col: 1, row: 2 };
    x.row
}
