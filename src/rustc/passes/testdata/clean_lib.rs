#![no_std]
pub struct Writer { pub col: usize, row: usize }
impl Writer {
    pub fn new() -> Writer { Writer { col: 0, row: 0 } }
    pub fn pos(&self) -> usize { self.row * 80 + self.col }
}
pub fn sum(xs: &[u32]) -> u32 {
    let mut total = 0;
    for x in xs.iter() { total += *x; }
    total
}
