#![no_std]
struct Counter { n: u32 }
impl Counter {
    fn new() -> Counter { Counter { n: 0 } }
    fn get(&self) -> u32 { self.n }
    fn unused_a(&self) {}
    fn unused_b(&self) {}
}
pub fn f() -> u32 { Counter::new().get() }
