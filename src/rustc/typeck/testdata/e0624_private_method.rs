#![no_std]
mod vga {
    pub struct Writer { col: usize, pub row: usize }
    impl Writer {
        fn new() -> Writer { Writer { col: 0, row: 0 } }
        fn write_byte(&mut self, b: u8) { self.col += b as usize; }
    }
}
pub fn f() {
    let mut w = vga::Writer::new();
    w.write_byte(1);
    let x = vga::Writer { col: 1, row: 2 };
}
