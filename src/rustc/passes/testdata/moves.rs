#![no_std]
pub struct W { pub col: usize }
impl W { pub fn get(&self) -> usize { self.col } }
fn take(w: W) -> usize { w.col }
pub fn a() -> usize { let w = W { col: 1 }; let w2 = w; w.col + w2.col }
pub fn b() -> usize { let w = W { col: 1 }; take(w); w.get() }
pub fn c() -> usize { let w = W { col: 1 }; take(w); take(w) }
pub fn d(flag: bool) -> usize { let w = W { col: 1 }; if flag { take(w); } w.col }
pub fn e() -> usize { let w = W { col: 1 }; let mut n = 0; for _ in 0..2 { n += take(w); } n }
pub fn f(r: &mut W) -> usize { let a = take_ref(r); let b = take_ref(r); a + b }
fn take_ref(r: &mut W) -> usize { r.col }
