#![no_std]
pub struct S { pub v: u32 }
impl S {
    pub fn set(&self, v: u32) { self.v = v; }
}
pub fn f(s: &S) { s.v = 1; }
