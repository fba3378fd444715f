#![no_std]
pub struct Counter { n: u32 }
impl Counter {
    pub fn new() -> Counter { Counter { n: 0 } }
    pub fn bump(&mut self) { self.n += 1; }
    pub fn get(&self) -> u32 { self.n }
}
pub fn f() -> u32 {
    let c = Counter::new();
    c.bump();
    c.get()
}
pub fn g() -> u32 {
    let mut c = Counter::new();
    c.bump();
    let mut d = Counter::new();
    d.get() + c.get()
}
