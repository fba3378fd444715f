#![no_std]
#[derive(PartialEq)]
pub enum Mode { On, Off }
pub struct W { pub col: usize }
fn take(w: W) -> usize { w.col }
pub fn a(m: Mode) -> u8 { if m == Mode::On { 1 } else if m == Mode::Off { 2 } else { 3 } }
pub fn b() -> usize { let w = W { col: 1 }; let n = w.col; let r = &w; n + r.col + take(w) }
pub fn c() -> usize { let mut w = W { col: 1 }; let n = take(w); w = W { col: n }; w.col }
pub fn d(m: Mode) -> u8 { match m { Mode::On => 1, Mode::Off => 0 } }
pub fn e(flag: bool) -> usize { let w = W { col: 2 }; if flag { take(w) } else { w.col } }
