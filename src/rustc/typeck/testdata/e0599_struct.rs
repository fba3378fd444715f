#![no_std]
struct Writer { col: usize }
pub fn f(w: Writer) {
    w.write_byte(b'a');
}
