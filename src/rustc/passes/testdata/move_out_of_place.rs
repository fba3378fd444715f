#![no_std]
pub struct Writer { pub column: usize }
pub struct Screen { pub w: Writer }
pub fn a(w: &Writer) -> usize { let copy = *w; copy.column }
pub fn b() -> usize { let writers = [Writer { column: 0 }, Writer { column: 1 }]; let first = writers[0]; first.column }
pub fn c(s: &mut Screen) -> usize { let inner = s.w; inner.column }
pub fn d(w: &Writer) -> usize { let r = &*w; let n = w.column; r.column + n }
