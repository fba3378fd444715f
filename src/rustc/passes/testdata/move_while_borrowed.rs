#![no_std]
pub struct W { pub col: usize }
fn take(w: W) -> usize { w.col }
pub fn a() -> usize { let w = W { col: 1 }; let r = &w; let n = take(w); n + r.col }
