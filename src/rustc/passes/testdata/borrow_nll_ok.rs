#![no_std]
pub struct C { n: u32 }
impl C {
    pub fn bump(&mut self) { self.n += 1; }
    pub fn get(&self) -> u32 { self.n }
}
pub fn a() -> u32 { let mut x = 1u32; let r = &mut x; *r += 1; x }
pub fn b() -> u32 { let mut c = C { n: 0 }; let r = &c; let v = r.get(); c.bump(); v + c.get() }
pub fn c(flag: bool) -> u32 {
    let mut x = 0u32;
    let mut r = &mut x;
    if flag { *r = 1; }
    let mut y = 5u32;
    r = &mut y;
    *r += 1;
    x + y
}
pub fn d() -> u32 {
    let mut total = 0u32;
    let mut arr = [1u32, 2, 3];
    for i in 0..3 {
        let slot = &mut arr[i];
        *slot += 1;
        total += arr[i];
    }
    total
}
pub fn e() -> u32 { let x = 1u32; let a = &x; let b = &x; *a + *b + x }
pub fn f() -> u32 { let mut c = C { n: 1 }; let r = &mut c; r.bump(); r.bump(); c.get() }
