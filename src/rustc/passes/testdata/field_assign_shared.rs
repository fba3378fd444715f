#![no_std]
pub struct Stats { count: u32, total: u32 }
impl Stats {
    pub fn add(&self, v: u32) {
        self.count += 1;
        self.total += v;
    }
    pub fn total(&self) -> u32 { self.total + self.count }
    pub fn new() -> Stats { Stats { count: 0, total: 0 } }
}
