#![no_std]
struct Buffer { chars: [u8; 4], len: usize }
impl Buffer {
    fn push(&mut self, c: u8) { self.chars[self.len] = c; self.len += 1; }
}
pub fn f() -> usize {
    let mut b = Buffer { chars: [0; 4], len: 0 };
    b.push(1);
    b.len
}
