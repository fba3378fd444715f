#![no_std]
pub struct C { n: u32, arr: [u8; 2] }
impl C {
    pub fn bump(&mut self) { self.n += 1; }
    pub fn twice(&self) { self.bump(); }
    pub fn get(&self) -> u32 { self.n + self.arr[0] as u32 }
}
pub fn f() -> u8 {
    let c = C { n: 0, arr: [0; 2] };
    let r = &mut c.arr;
    r[0] = 1;
    c.arr[1]
}
pub fn g(c: &C) -> u32 { let m = &mut c.n; *m += 1; c.get() }
