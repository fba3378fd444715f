#![no_std]
struct Writer { col: usize, row: usize }
pub fn f(w: Writer) -> usize {
    w.column
}
